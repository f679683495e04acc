# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The newest matches, however they are looked for: on PostgreSQL a word that is neither rare
nor dense is first looked for among the newest ids (a window sized from the probe) and the window
widens until it holds the cap's matches or is everything. The hits, the count and "who knows"
are the same as reading every match, on both databases. The cap and the probe are made small
here, so that a few hundred notes show what a million would."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lokalkontakt.core.search import query
from lokalkontakt.core.search.backends import PostgresBackend
from lokalkontakt.core.search.index import rebuild
from lokalkontakt.knowledge.models import Note

CAP = 5


@pytest.fixture
def small(monkeypatch):
    monkeypatch.setattr(query, "CAP", CAP)
    monkeypatch.setattr(PostgresBackend, "PROBE", 20)
    monkeypatch.setattr(PostgresBackend, "DENSE", 0.5)


def notes(author, count: int, matching) -> None:
    """`count` public notes, oldest first; those numbered in `matching` are about the waterworks."""
    Note.objects.bulk_create(
        Note(title=f"Vandværket {n}" if n in matching else f"Referat {n}", text="Drift.",
             kind=Note.Kind.PLANS, visibility=Note.Visibility.PUBLIC, author=author.employee)
        for n in range(count))
    rebuild(kinds=["note"])


def windows(captured) -> list[bool]:
    """For each candidate query that ran, whether it looked in a window of ids."""
    return ["id >= " in q["sql"] for q in captured.captured_queries
            if "ts_rank" in q["sql"] or "search_fts MATCH" in q["sql"]]


def test_a_window_with_too_few_matches_widens_until_it_holds_them(world, small):
    # Two matches among the newest 20 (the probe), the rest far older.
    notes(world.contact, 200, matching={199, 190, 40, 30, 20, 10, 0})

    with CaptureQueriesContext(connection) as captured:
        results = query.search(user=world.anonymous, query="vandværket")

    assert [hit.title for hit in results.hits] == [
        "Vandværket 199", "Vandværket 190", "Vandværket 40", "Vandværket 30", "Vandværket 20"]
    assert (results.count, results.capped) == (CAP, True)
    if connection.vendor == "postgresql":
        assert windows(captured) == [True, False]  # the first window, then everything


def test_a_window_that_holds_the_matches_is_the_only_one_read(world, small):
    notes(world.contact, 200, matching=set(range(0, 200, 5)))

    with CaptureQueriesContext(connection) as captured:
        results = query.search(user=world.anonymous, query="vandværket")

    assert [hit.title for hit in results.hits] == [
        "Vandværket 195", "Vandværket 190", "Vandværket 185", "Vandværket 180", "Vandværket 175"]
    assert (results.count, results.capped) == (CAP, True)
    if connection.vendor == "postgresql":
        assert windows(captured) == [True]


def test_fewer_matches_than_the_cap_are_all_found_and_counted(world, small):
    notes(world.contact, 200, matching={199, 3, 1})

    results = query.search(user=world.anonymous, query="vandværket")

    assert [hit.title for hit in results.hits] == ["Vandværket 199", "Vandværket 3",
                                                   "Vandværket 1"]
    assert (results.count, results.capped) == (3, False)


def test_who_knows_counts_the_same_newest_matches(world, small):
    notes(world.contact, 200, matching={199, 190, 40, 30, 20, 10, 0})

    [expert] = query.who_knows(user=world.coordinator, query="vandværket")

    assert expert.reasons == [("author", "note", CAP + 1)]  # the cap and one more, as ever
