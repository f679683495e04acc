"""Knowledge's part of the area page (registered in apps.py)."""

from lokalkontakt.knowledge.selectors import notes_of_area


def area_notes(request, *, area):
    """The latest notes about the area the visitor may read."""
    return {"notes": notes_of_area(user=request.user, area=area)}
