# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""How the meeting's page and its forms page their lists: each list's page size and the
parameter in the address that names its page. Here, not in the views, so that an agenda item can
link to the page it is on (AgendaItem.get_absolute_url) without the models importing the views."""

# A real meeting has 5–30 items and 20–30 participants: one page each. A meeting of hundreds
# pages them instead of drawing them all.
AGENDA_PAGE_SIZE = 30
PROPOSED_PAGE_SIZE = 20
DEFERRED_PAGE_SIZE = 10
PARTICIPANTS_PAGE_SIZE = 50
DECIDED_PAGE_SIZE = 25
FOLLOW_UP_PAGE_SIZE = 25

# The arrange and attendance forms: a longer list is saved a page at a time.
ARRANGE_PAGE_SIZE = 30
ATTENDANCE_PAGE_SIZE = 50
FORM_PAGE_PARAM = "side"

# Each list's parameter and the id of its heading (where its page links lead).
LISTS = {
    "agenda": ("side", "agenda-heading"),
    "proposed": ("forslag", "proposed-heading"),
    "deferred": ("udsat", "deferred-heading"),
    "participants": ("deltagere", "attendance-heading"),
    "decided": ("beslutninger", "decided-heading"),
    "follow_up": ("opfoelgning", "follow-up-actions-heading"),
}
# The list an item of each status (AgendaItem.Status's values) is shown in, and its page size.
ITEM_LISTS = {"accepted": ("agenda", AGENDA_PAGE_SIZE),
              "proposed": ("proposed", PROPOSED_PAGE_SIZE),
              "deferred": ("deferred", DEFERRED_PAGE_SIZE)}
PAGE_SIZES = {"participants": PARTICIPANTS_PAGE_SIZE, "decided": DECIDED_PAGE_SIZE,
              "follow_up": FOLLOW_UP_PAGE_SIZE}


def item_page_query(status: str, rank: int) -> str:
    """The query string of the meeting page's page that shows the `rank`th item (from 1) of its
    status's list: "?side=2"; "" for the first page."""
    name, size = ITEM_LISTS[status]
    number = (rank - 1) // size + 1
    return f"?{LISTS[name][0]}={number}" if number > 1 else ""
