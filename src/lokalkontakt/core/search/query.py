# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The search: bounded, permission-filtered, ranked; and "who knows something about".

1. The query's words become terms (core.search.text): every term must match, as its stem or as
   the end of a compound word.
2. The backend returns at most CAP matching entries the user may find, newest first, with their
   rank (core.search.backends). More than CAP shows as "over 1,000 results".
3. Those are sorted by rank; the page's hits are loaded through each app's selectors, which leave
   out anything the user may not open, and get a snippet in the words as written, cut from the
   plain text stored with the entry at index time.
"""

import math
from dataclasses import dataclass, field

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connection
from django.db.models import Count, Q

from lokalkontakt.core.models import SearchEntry, SearchEntryPerson
from lokalkontakt.core.search.backends import backend
from lokalkontakt.core.search.registry import Hit, in_area, sources, with_focus_area
from lokalkontakt.core.search.text import Term, highlight, parse_query, snippet

CAP = 1000
PAGE_SIZE = 20


@dataclass
class SearchResults:
    terms: list[Term]
    hits: list[Hit] = field(default_factory=list)
    count: int = 0
    capped: bool = False
    page: int = 1
    pages: int = 0

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def first_number(self) -> int:
        return (self.page - 1) * PAGE_SIZE + 1


def _where(user, *, kinds, area, focus_area) -> tuple[str, list] | None:
    """SQL for the entries the user may find, of these kinds, about this area and focus area;
    None when that is none at all."""
    allowed = Q(pk__in=[])
    for kind, source in sources().items():
        if kinds and kind not in kinds:
            continue
        visible = source.visible(user)
        allowed |= Q(kind=kind) if visible is None else Q(kind=kind) & visible
    condition = allowed
    if area is not None:
        condition &= in_area(area.pk)
    if focus_area is not None:
        condition &= with_focus_area(focus_area.pk)
    query = SearchEntry.objects.filter(condition).query
    compiler = query.get_compiler(connection=connection)
    try:
        sql, params = query.where.as_sql(compiler, connection)
    except EmptyResultSet:
        return None
    except FullResultSet:
        return "", []
    return sql, list(params)


def candidates(user, terms, *, kinds=(), area=None, focus_area=None,
               ranked=True) -> list[tuple[int, float]]:
    """(entry id, rank) of at most CAP + 1 entries the user may find, best first (one more than
    CAP, so that the caller can tell "over CAP"). Not `ranked`: newest first, rank 0 (cheaper:
    the database reads no document's text to rank it)."""
    where = _where(user, kinds=kinds, area=area, focus_area=focus_area)
    if not terms or where is None:
        return []
    selective = (not user.has_perm("core.view_internal") or area is not None
                 or focus_area is not None)
    found = backend().candidates(terms, where[0], where[1], CAP + 1,  # one more tells "over"
                                 selective=selective, ranked=ranked)
    return sorted(found, key=lambda row: (-row[1], -row[0]))


def search(*, user, query: str, kinds=(), area=None, focus_area=None, page: int = 1) -> SearchResults:
    """The hits of a query that the user may open, ranked, a page at a time (PAGE_SIZE)."""
    terms = parse_query(query)
    results = SearchResults(terms=terms)
    ranked = candidates(user, terms, kinds=kinds, area=area, focus_area=focus_area)
    results.capped = len(ranked) > CAP
    ranked = ranked[:CAP] if results.capped else ranked
    results.count = len(ranked)
    results.pages = math.ceil(len(ranked) / PAGE_SIZE)
    results.page = min(max(page, 1), max(results.pages, 1))
    shown = ranked[(results.page - 1) * PAGE_SIZE:results.page * PAGE_SIZE]
    entries = (SearchEntry.objects.select_related("stored").only("kind", "object_id", "stored__text")
               .in_bulk([pk for pk, _rank in shown]))
    wanted: dict[str, list[int]] = {}
    for pk, _rank in shown:
        wanted.setdefault(entries[pk].kind, []).append(entries[pk].object_id)
    loaded = {kind: sources()[kind].hits(user, ids) for kind, ids in wanted.items()}
    for pk, _rank in shown:
        entry = entries[pk]
        if hit := loaded[entry.kind].get(entry.object_id):
            hit.snippet = snippet(entry.stored.text if hasattr(entry, "stored") else "", terms)
            hit.title_html = highlight(hit.title, terms)
            hit.reference = (sources()[entry.kind].model._meta.label_lower, entry.object_id)
            results.hits.append(hit)
    return results


ROLE_WEIGHT = {SearchEntryPerson.Role.AUTHOR: 3, SearchEntryPerson.Role.CONTACT: 3,
               SearchEntryPerson.Role.HANDLER: 2, SearchEntryPerson.Role.REQUESTER: 1}


@dataclass
class Expert:
    """Someone who knows something about the query, and why: how many of the matching things
    they wrote, handle, asked about or cover, by kind, and the matching areas they cover."""

    employee: object
    score: int
    reasons: list[tuple[str, str, int]]  # (role, kind, count)
    covers: list[str] = field(default_factory=list)


def who_knows(*, user, query: str, limit: int = 10) -> list[Expert]:
    """Active employees ranked by the matching notes they wrote, inquiries they handle,
    consultations they asked and areas they cover, among what the user may find (the same
    bounded candidates as the search)."""
    ids = [pk for pk, _rank in candidates(user, parse_query(query), ranked=False)]
    if not ids:
        return []
    people = SearchEntryPerson.objects.filter(entry__in=ids, employee__is_active=True)
    rows = people.values("employee", "role", "entry__kind").annotate(n=Count("entry", distinct=True))
    scores: dict[int, int] = {}
    reasons: dict[int, list] = {}
    for row in rows:
        scores[row["employee"]] = scores.get(row["employee"], 0) + ROLE_WEIGHT[row["role"]] * row["n"]
        reasons.setdefault(row["employee"], []).append((row["role"], row["entry__kind"], row["n"]))
    best = sorted(scores, key=lambda pk: (-scores[pk], pk))[:limit]
    # The employee model through the relation, so that core imports no domain app.
    employees = SearchEntryPerson._meta.get_field("employee").related_model.objects.in_bulk(best)
    covers = _covered_areas(user, people.filter(employee__in=best, role=SearchEntryPerson.Role.CONTACT))
    return [Expert(employee=employees[pk], score=scores[pk], covers=covers.get(pk, []),
                   reasons=sorted(reasons[pk], key=lambda r: -r[2])) for pk in best]


def _covered_areas(user, contacts) -> dict[int, list[str]]:
    """The names of the matching areas each employee covers."""
    pairs = list(contacts.filter(entry__kind="area").values_list("employee", "entry__object_id"))
    hits = sources()["area"].hits(user, [area for _employee, area in pairs]) if pairs else {}
    covers: dict[int, list[str]] = {}
    for employee, area in pairs:
        if area in hits:
            covers.setdefault(employee, []).append(hits[area].title)
    return covers
