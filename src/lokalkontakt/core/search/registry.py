# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""What each app puts in the search index, and who may find it.

An app registers one Source per kind of thing (in its AppConfig.ready). A source turns an object
into a Document (the text to index and the facts the search filters on), says as a Q on
core.SearchEntry which entries a user may find, and loads the hits a user may open through the
app's own selectors: the second check, so the index can never show more than the app would.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q

from lokalkontakt.core.models import SearchEntry

Audience = SearchEntry.Audience


@dataclass
class Document:
    """An object as the index sees it. `people` are (employee id, role) pairs: who wrote, handles
    or covers it (for "who knows something about"). `text` is the plain text a hit's snippet is
    cut from (default: the body), stored with the entry."""

    object_id: int
    title: str
    body: str
    created_at: datetime.datetime
    audience: str = Audience.STAFF
    areas: list[int] = field(default_factory=list)
    focus_areas: list[int] = field(default_factory=list)
    people: list[tuple[int, str]] = field(default_factory=list)
    text: str | None = None

    @property
    def snippet_text(self) -> str:
        """The text snippets are cut from, on one line (whitespace collapsed)."""
        return " ".join((self.body if self.text is None else self.text).split())


@dataclass
class Hit:
    """A search result as the page shows it."""

    kind: str
    kind_label: str
    title: str
    url: str
    date: datetime.datetime | datetime.date | None = None
    area: str = ""
    snippet: str = ""
    title_html: str = ""
    reference: tuple[str, int] | None = None  # (model label, id), for the access log


class Source:
    """Base of a kind's source. Subclasses set kind, label and model and implement the rest."""

    kind: str
    label: str
    model: type

    def queryset(self):
        """Every object to index, with what document() reads prefetched."""
        return self.model.objects.all()

    def document(self, obj) -> Document:
        raise NotImplementedError

    def visible(self, user) -> Q | None:
        """The entries of this kind the user may find, as a Q on SearchEntry; None for all."""
        raise NotImplementedError

    def hits(self, user, ids: list[int]) -> dict[int, Hit]:
        """The hits for these object ids that the user may open, by id (fetched through the app's
        selectors: anything the user may not open is left out)."""
        raise NotImplementedError


_sources: dict[str, Source] = {}


def register(source: Source) -> None:
    _sources[source.kind] = source


def sources() -> dict[str, Source]:
    return dict(_sources)


def source_for(obj) -> Source | None:
    return next((s for s in _sources.values() if isinstance(obj, s.model)), None)


def audience_filter(user) -> Q | None:
    """For kinds indexed with an audience (areas, notes): None for staff, who see all; council
    members their area's council entries and public ones; everyone else public ones."""
    from lokalkontakt.core.roles import council_area_of

    if user.has_perm("core.view_internal"):
        return None
    visible = Q(audience=Audience.PUBLIC)
    if area := council_area_of(user):
        visible |= Q(audience=Audience.COUNCIL) & in_area(area.pk)
    return visible


def in_area(area_id: int) -> Q:
    """Entries about the area. A subquery, not a join: the backends take only the WHERE clause."""
    return Q(Exists(SearchEntry.areas.through.objects.filter(searchentry=OuterRef("pk"),
                                                            localarea=area_id)))


def with_focus_area(focus_area_id: int) -> Q:
    return Q(Exists(SearchEntry.focus_areas.through.objects.filter(searchentry=OuterRef("pk"),
                                                                  focusarea=focus_area_id)))
