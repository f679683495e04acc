# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coordinator's coverage overview. What is drawn from the areas' data alone (the figures,
the first rows of the lists, the contacts per core area, the conflicts, the latest changes) is
kept in the cache until those data change (areas.overview.overview_version: one query a
request); building and compiling its dozen small queries and drawing them cost most of the page,
whatever the number of areas (issue 20). Drawn for each request: the layout, the other apps'
parts (the handovers planned for the areas due one, the failed e-mails) and the access log."""

from dataclasses import dataclass, field

from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from lokalkontakt.areas import selectors
from lokalkontakt.areas.maps.cached import KEEP_SECONDS
from lokalkontakt.areas.overview import overview_version
from lokalkontakt.areas.personal_data import naming_a_person
from lokalkontakt.areas.versions import kept_in
from lokalkontakt.core.accesslog.record import How, record_references
from lokalkontakt.core.links import url_of
from lokalkontakt.core.permissions import coordinator_required
from lokalkontakt.core.registry import planned_handover_links
from lokalkontakt.core.selectors import emails_failed_count

OVERVIEW_LIST_LIMIT = 10  # rows of each list on the overview; "Show all" pages the rest
KEPT_PARTS = ("head", "middle", "tail")  # areas/_overview_kept.html's partials


@coordinator_required
@require_GET
def overview(request):
    """Coverage at a glance: the map, the figures, and the first rows of the gaps, handovers,
    answers, conflicts and contacts (each linked to its paged list); contacts per core area;
    and how many e-mails failed (the link to them)."""
    kept = _kept()
    record_references(request, kept.naming, how=How.PAGE)  # council members' names
    return render(request, "areas/overview.html", {
        "kept": {name: mark_safe(html) for name, html in kept.parts.items()},  # noqa: S308 - escaped by the templates
        "handovers_due": with_planned_handovers(kept.handovers),
        "handover_count": kept.handover_count,
        "failed_email_count": emails_failed_count(),
    })


@dataclass(frozen=True)
class HandoverRow:
    """An area due a handover as its row links it (areas/_overview_rows.html#handover)."""

    pk: int
    name: str
    url: str
    assign_url: str
    start_handover_url: str


@dataclass
class KeptOverview:
    parts: dict = field(default_factory=dict)  # KEPT_PARTS -> HTML
    handovers: list = field(default_factory=list)  # the first HandoverRows
    handover_count: int = 0
    naming: list = field(default_factory=list)  # (model label, id) of events naming a person


def _kept() -> KeptOverview:
    """The overview's kept parts at the current version of the data, drawn again when the data
    have changed since (or after KEEP_SECONDS), for the language and the script prefix. They hold
    nothing of the viewer's (the page is the coordinator's) and nothing relative to today."""
    version, cache = overview_version(), kept_in(chosen=False)
    key = f"areas.overview:{get_language()}:{get_script_prefix()}"
    kept = cache.get(key)
    if kept is None or kept[0] != version:
        kept = (version, _drawn())
        cache.set(key, kept, KEEP_SECONDS)
    return kept[1]


def _drawn() -> KeptOverview:
    recent_events = list(selectors.recent_events(limit=15))
    overview = selectors.coverage_overview(limit=OVERVIEW_LIST_LIMIT)
    links = RowLinks()
    for group, areas in overview.lists.items():
        links.add(group, areas)
    links.add("conflicts", overview.conflicts)
    links.add("contacts", overview.contacts)
    links.area_pages([event.area for event in recent_events])
    context = {"overview": overview, "recent_events": recent_events}
    return KeptOverview(
        parts={name: str(render_to_string(f"areas/_overview_kept.html#{name}", context))
               for name in KEPT_PARTS},
        handovers=[HandoverRow(area.pk, area.name, area.url, area.assign_url, area.start_handover_url)
                   for area in overview.lists["handover"]],
        handover_count=overview.counts["handover"],
        naming=[(event._meta.label_lower, event.pk) for event in naming_a_person(recent_events)])


def with_planned_handovers(areas) -> list:
    """The areas due a handover, each with its planned handover's page (or None: none yet)."""
    planned = planned_handover_links([area.pk for area in areas])
    return [(area, planned.get(area.pk)) for area in areas]


class RowLinks:
    """The links of the overview lists' rows (areas/_overview_rows.html) set on the rows as
    attributes, each URL reversed once a request (core.links.url_of), not once a row: reverse()
    was a third of the overview's rendering (issue 20)."""

    AREA = {"url": "areas:detail", "assign_url": "coordination:assign",
            "suggestions_url": "nominations:suggestions",
            "participation_url": "coordination:participation",
            "start_handover_url": "handovers:new"}

    def __init__(self):
        self._makers = {}

    def _maker(self, name: str, key: str = "slug"):
        if name not in self._makers:
            self._makers[name] = url_of(name, key)
        return self._makers[name]

    def add(self, rows_name: str, rows) -> None:
        """Set the links the partial `rows_name` shows on each of `rows`."""
        if rows_name == "contacts":
            make = self._maker("people:employee_detail", "pk")
            for contact in rows:
                contact.url = make(contact.pk)
        elif rows_name == "conflicts":
            self.area_pages([conflict.area for conflict in rows])
            make = self._maker("coordination:conflict_settle", "pk")
            for conflict in rows:
                conflict.settle_url = make(conflict.pk)
        else:
            makers = [(attr, self._maker(name)) for attr, name in self.AREA.items()]
            for area in rows:
                for attr, make in makers:
                    setattr(area, attr, make(area.slug))

    def area_pages(self, areas) -> None:
        """Only the area's own page (`url`), for rows that link nothing else of the area."""
        make = self._maker("areas:detail")
        for area in areas:
            area.url = make(area.slug)
