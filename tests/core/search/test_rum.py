# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The RUM index (migration core 0019) on PostgreSQL with the `rum` extension: the candidates it
gives are the GIN path's, for every user and filter; without it the search uses the GIN path."""

import importlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lokalkontakt.core.models import FocusArea
from lokalkontakt.core.search import backends
from lokalkontakt.core.search.backends import RUM_INDEX, RUM_NEWEST, PostgresBackend, has_rum_index
from lokalkontakt.core.search.query import CAP, _where, search
from lokalkontakt.core.search.text import parse_query
from lokalkontakt.knowledge.models import Note
from tests.core.search.conftest import submit_inquiry, write_note
from tests.core.search.test_ranking import many_notes

migration = importlib.import_module("lokalkontakt.core.migrations.0019_search_rum_index")


def rum_available() -> bool:
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'rum')")
        return cursor.fetchone()[0]


@pytest.fixture
def needs_rum(db):
    if not rum_available():
        pytest.skip("PostgreSQL with the rum extension")


on_rum = pytest.mark.usefixtures("needs_rum")


@pytest.fixture
def fresh_lookup():
    """has_rum_index() looks again (it remembers its answer per process and database)."""
    backends._rum_index.clear()
    yield
    backends._rum_index.clear()


QUERIES = ["vandværket", "vandværk", "skole", "vandværket skole", "brandhane", "hal",
           "glud vandværk", "sti"]


def both_paths(user, query, cap=CAP + 1, **filters):
    where, params = _where(user, kinds=filters.get("kinds", ()), area=filters.get("area"),
                           focus_area=filters.get("focus_area"))
    terms = parse_query(query)
    found = {}
    for rum in (True, False):
        for ranked in (True, False):
            rows = PostgresBackend(rum=rum).candidates(terms, where, params, cap, ranked=ranked)
            found[rum, ranked] = sorted((pk, round(rank, 6)) for pk, rank in rows)
    return found


@on_rum
@pytest.mark.django_db
def test_the_migration_built_the_rum_index(fresh_lookup):
    assert has_rum_index()
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE %s "
                       "ORDER BY indexname", [f"{RUM_INDEX}%"])
        definitions = dict(cursor.fetchall())
    assert list(definitions) == [RUM_INDEX, f"{RUM_INDEX}_public"]
    for definition in definitions.values():
        assert 'USING rum (vector rum_tsvector_addon_ops, id) WITH (attach=id, "to"=vector)' in (
            definition)
    assert "WHERE ((audience)::text = 'public'::text)" in definitions[f"{RUM_INDEX}_public"]


@pytest.fixture(params=["as set", "nothing dense"])
def density(request, monkeypatch):
    """The probe's rule as set (a query dense in the newest entries is read along the primary key
    on both paths), and with no query dense, so that every query takes the RUM or GIN index."""
    if request.param == "nothing dense":
        monkeypatch.setattr(PostgresBackend, "DENSE", 2.0)
    return request.param


@on_rum
def test_both_paths_find_the_same_candidates_for_every_user_and_filter(world, density):
    focus = FocusArea.objects.order_by("number").first()
    write_note(world.contact, title="Vandværket ved skolen", text="Brandhanen på Skolevej lækker.",
               area=world.glud, focus_areas=[focus])
    write_note(world.contact, title="Intern: vandværkets stier", area=world.juelsminde,
               visibility=Note.Visibility.STAFF)
    write_note(world.other_contact, title="Hallen", text="Sti til hallen ved Glud vandværk",
               area=world.glud, visibility=Note.Visibility.STAFF)
    submit_inquiry(area=world.glud, subject="Skolevejens vandværk", shared=True)
    many_notes(world.contact, 30, title="Glud vandværk {n}", text="Skolestien og drikkevandet")
    write_note(world.contact, title="Skoleboldbanen", text="Sidste nye note: vandværket")

    users = [world.coordinator, world.contact, world.colleague, world.council_glud,
             world.outsider, world.anonymous]
    for user in users:
        for query in QUERIES:
            for cap in (CAP + 1, 7):  # all matches, and only the newest 7
                found = both_paths(user, query, cap)
                assert found[True, True] == found[False, True], (user, query, cap)
                assert found[True, False] == found[False, False], (user, query, cap)
        filtered = both_paths(user, "vandværk", area=world.glud, focus_area=focus,
                              kinds=("note", "inquiry"))
        assert filtered[True, True] == filtered[False, True]
    assert len(both_paths(world.coordinator, "vandværk", 7)[True, True]) == 7
    assert len(both_paths(world.coordinator, "vandværk", area=world.glud, focus_area=focus,
                          kinds=("note",))[True, True]) == 1


@on_rum
def test_the_newest_matches_are_kept_past_the_cap(world, density):
    write_note(world.contact, title="Vandværket ved skolen", text="Det ældste")
    many_notes(world.contact, CAP + 5)

    found = both_paths(world.anonymous, "vandværket")

    assert found[True, True] == found[False, True]
    assert len(found[True, True]) == CAP + 1
    results = search(user=world.anonymous, query="vandværket")
    assert (results.count, results.capped) == (CAP, True)
    assert "Vandværket ved skolen" not in [hit.title for hit in results.hits]


@on_rum
def test_without_the_rum_index_the_search_uses_the_gin_index(world, fresh_lookup, monkeypatch):
    monkeypatch.setattr(PostgresBackend, "DENSE", 2.0)
    write_note(world.contact, title="Vandværket ved skolen", text="Brandhanen lækker.")
    write_note(world.contact, title="Vandværkets hal")
    with CaptureQueriesContext(connection) as queries:
        with_rum = [hit.url for hit in search(user=world.anonymous, query="vandværk").hits]
    assert has_rum_index()
    assert any(f"<=| {RUM_NEWEST}" in query["sql"] for query in queries)

    with connection.cursor() as cursor:  # undone with the test's transaction
        cursor.execute(f"DROP INDEX {RUM_INDEX}, {RUM_INDEX}_public")
    backends._rum_index.clear()

    assert not has_rum_index()
    with CaptureQueriesContext(connection) as queries:
        without = [hit.url for hit in search(user=world.anonymous, query="vandværk").hits]
    assert without == with_rum
    assert not any("<=|" in query["sql"] for query in queries)
    assert len(with_rum) == 2


@on_rum
def test_one_word_is_read_from_the_rum_index_several_from_the_gin_index(world, fresh_lookup,
                                                                       monkeypatch):
    """RUM gives one word's newest matches; GIN intersects several words in the index (RUM took
    90-130 ms for a common and a mid-frequency word at a million notes): the query of several
    words says @@@, which only GIN's operator class offers, so the planner cannot take RUM."""
    monkeypatch.setattr(PostgresBackend, "DENSE", 2.0)  # nothing read along the primary key
    write_note(world.contact, title="Vandværket ved skolen", text="Brandhanen lækker.")
    write_note(world.contact, title="Vandværkets hal", text="Skolens hal")
    write_note(world.contact, title="Skolegården")

    def searched(query):
        with CaptureQueriesContext(connection) as queries:
            titles = [hit.title for hit in search(user=world.coordinator, query=query).hits]
        return titles, [q["sql"] for q in queries if "to_tsquery" in q["sql"]][-1]

    titles, sql = searched("vandværk")
    assert sorted(titles) == ["Vandværket ved skolen", "Vandværkets hal"]
    assert f"<=| {RUM_NEWEST}" in sql

    titles, sql = searched("vandværk skole")
    assert sorted(titles) == ["Vandværket ved skolen", "Vandværkets hal"]
    assert "@@@" in sql and "<=|" not in sql
    with connection.cursor() as cursor:  # the statement as run, its values written in
        cursor.execute("SET LOCAL enable_seqscan = off")  # a few rows: else read whole
        cursor.execute("EXPLAIN " + sql)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Bitmap Index Scan on core_searchentry_vector" in plan
    assert RUM_INDEX not in plan


@pytest.mark.django_db
def test_the_migration_does_nothing_where_rum_is_not_available(fresh_lookup):
    if rum_available():
        pytest.skip("the rum extension is available here")
    migration.create_rum_index(None, connection.schema_editor())
    if connection.vendor == "postgresql":
        assert not has_rum_index()
