# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""What is held about one person, source by source (the registered `PersonalData`)."""

from dataclasses import dataclass
from typing import Any

from lokalkontakt.core.registry import personal_data

# Objects listed per source on the page (all of them are counted, exported and erased).
LIST_LIMIT = 50
# A person with more than this per source is not a person but a search term too wide: the
# page says so, and offers neither export nor erasure until the search is narrowed.
FIND_LIMIT = 1000


@dataclass(frozen=True)
class Holding:
    """One source's objects that hold the person's data: how many, and the first LIST_LIMIT as
    (id, whose data, where it is shown)."""

    key: str
    label: Any
    count: int
    rows: list[tuple[int, str, str | None]]

    @property
    def too_wide(self) -> bool:
        return self.count > FIND_LIMIT


def too_wide(found: list[Holding]) -> list[Holding]:
    """The sources where the search finds more than one person can have (FIND_LIMIT)."""
    return [holding for holding in found if holding.too_wide]


def holdings(query: str) -> list[Holding]:
    """Each registered source with what it holds about the person `query` names: three queries
    per source (count, ids, describe), whatever it holds."""
    result = []
    for key, source in personal_data.items():
        found = source.find(query)
        ids = [row["pk"] for row in found[:LIST_LIMIT]]
        described = source.describe(ids)
        rows = [(pk, *described[pk]) for pk in ids if pk in described]
        result.append(Holding(key=key, label=source.label, count=found.count(), rows=rows))
    return result


def found_ids(query: str) -> dict[str, list[int]]:
    """The ids of every source's objects holding the person's data. Raises SearchTooWide when a
    source finds more than FIND_LIMIT (the views check first; this keeps a wide search from
    reaching an export or erasure some other way)."""
    found = {key: sorted(row["pk"] for row in source.find(query)[:FIND_LIMIT + 1])
             for key, source in personal_data.items()}
    if any(len(ids) > FIND_LIMIT for ids in found.values()):
        raise SearchTooWide(query)
    return found


class SearchTooWide(Exception):
    """The search finds more than FIND_LIMIT objects in a source: not one person."""


def erasure_plans(query: str) -> list[tuple[str, Any, list]]:
    """(key, label, [Erasure, …]) for each source that holds something and can say what its
    erasure would do (`PersonalData.erasure`); nothing is changed."""
    plans = []
    for key, ids in found_ids(query).items():
        source = personal_data.get(key)
        if ids and source.erasure is not None:
            plans.append((key, source.label, source.erasure(ids)))
    return plans
