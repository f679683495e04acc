"""The inquiries' parts of shared pages (registered in apps.py)."""

from lokalkontakt.core.registry import Panel
from lokalkontakt.inquiries.selectors import inquiries_for_council, inquiry_workload

COUNCIL_HOME_LIMIT = 10


def council_home(request, *, area) -> dict:
    """The latest inquiries about the council member's area that are shared with the council
    (one row more says "there are more")."""
    inquiries = list(inquiries_for_council(user=request.user)[:COUNCIL_HOME_LIMIT + 1])
    return {"inquiries": inquiries[:COUNCIL_HOME_LIMIT], "limit": COUNCIL_HOME_LIMIT,
            "more": len(inquiries) > COUNCIL_HOME_LIMIT}


council_home_panel = Panel(template="inquiries/_council_home.html", context=council_home)


def mine_workload(request, *, employee):
    return {"inquiries": inquiry_workload(user=request.user)}
