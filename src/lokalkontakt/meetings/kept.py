# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The meetings' pages kept in the cache until what they read changes (issue 20): the meeting
list's two tables (as HTML), a page of the action items (its count and its table's HTML), and on
a meeting's page the agenda's counts and items (each item's HTML written), the follow-up's
action items. One query (meetings_version) tells whether a kept copy is current, instead of the
counts, the rows and writing them again.

What they read, by its writes (areas.versions.data_version): meetings, action items,
employees (owners', proposers' names), local areas (an item's area's name and link), focus
areas (an item's focus areas' names), agenda items and their focus areas. A knowledge note is
only linked to by its id, the item's own column, which deleting the note empties: a write of
the agenda items (the notes are in the version too; the model read through the foreign key:
meetings does not import knowledge).

Everything else a copy is drawn from is in its key: today's date (what is overdue, what is
coming, whether proposals are still accepted), the language, the time zone, the script prefix,
the choices (owner, status, page) and whether the reader is the coordinator (what an item's
HTML offers). What differs by reader stays per request: a contact's own action items and
invitation, the forms, and the edit link of an item the reader proposed (written again for
them, see agenda_items). Whether a meeting has started or is held is worked out per request from
the meeting, read each time. Like the other kept pages, what is kept also expires after
KEEP_SECONDS."""

from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from lokalkontakt.areas.maps.cached import KEEP_SECONDS
from lokalkontakt.areas.models import LocalArea
from lokalkontakt.areas.versions import data_version, kept_in, kept_key
from lokalkontakt.core.models import FocusArea
from lokalkontakt.meetings.models import ActionItem, AgendaItem, Meeting
from lokalkontakt.meetings.selectors import page_of
from lokalkontakt.people.models import Employee


def meetings_version() -> str:
    """Changes whenever what the meetings' kept pages show may change (one query)."""
    return data_version(Meeting, ActionItem, Employee, LocalArea, FocusArea, AgendaItem,
                        AgendaItem.focus_areas.through, AgendaItem.note.field.related_model)


class Kept:
    """The copies of one request: the version read once, each copy found or drawn by key."""

    def __init__(self, page: str, *choices, chosen: bool = False):
        self._drawn = (meetings_version(), page, *choices, timezone.localdate(), get_language(),
                       timezone.get_current_timezone_name(), get_script_prefix())
        self._chosen = chosen

    def get(self, part: tuple, draw, *, chosen: bool = False):
        """The copy of `part` (a tuple of values), drawn by draw() when none is kept; in the
        cache of what visitors choose when the copy's choices (or `part`'s) are theirs."""
        cache = kept_in(chosen=chosen or self._chosen)
        key = kept_key("meetings:", (*self._drawn, *part))
        found = cache.get(key)
        if found is None:
            found = (draw(),)
            cache.set(key, found, KEEP_SECONDS)
        return found[0]


def meeting_tables(kept: Kept, upcoming, past) -> tuple[str, str]:
    """The meeting list's tables of the coming and the held meetings (functions giving them),
    as HTML."""
    def table(meetings, heading, empty):
        return render_to_string("meetings/_meeting_table.html", {
            "meetings": meetings, "heading": heading, "empty_text": empty})

    return kept.get(("tables",), lambda: (
        table(upcoming(), "upcoming-heading", _("No meetings are planned.")),
        table(past(), "past-heading", _("No meetings have been held yet."))))


def action_page(kept: Kept, items, number, size: int, rows):
    """A page of the action items (a queryset) for the page `number` asked for: the page (of
    their indexes; selectors.page_of, counted once) and its table's HTML
    (meetings/_action_table.html) of the rows rows(page) gives of a page of the items."""
    page = page_of(kept.get(("count",), items.count), size, number)

    def table():
        shown = page_of(page.paginator.count, size, page.number)
        shown.object_list = items[shown.object_list.start:shown.object_list.stop]
        return render_to_string("meetings/_action_table.html", {
            "actions": rows(shown).object_list, "heading": "actions-heading",
            "empty_text": _("No action items."), "show_meeting": True})
    return page, kept.get(("table", page.number), table)
