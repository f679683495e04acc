# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Migration core 0020: on PostgreSQL a search entry's vector stays in its row (no look-up in the
TOAST table for each entry the search reads), and the search finds and ranks as before."""

import random

import pytest
from django.db import connection

from lokalkontakt.core.search.query import search
from tests.core.search.conftest import write_note

postgres = pytest.mark.skipif("connection.vendor != 'postgresql'")

# A note of some paragraphs, whose vector (about 4 KB with positions and reversed stems)
# PostgreSQL would by default compress or move out of the row: distinct made-up words, so that
# the vector is as large as a long note's.
_rng = random.Random(20)
LONG_TEXT = " ".join("".join(_rng.choice("abdefghiklmnoprstuvy") for _ in range(9))
                     for _ in range(150)) + " vandværket"


def _out_of_line_rows() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltoastrelid::regclass::text FROM pg_class "
                       "WHERE oid = 'core_searchentry'::regclass")
        toast = cursor.fetchone()[0]
        cursor.execute(f"SELECT count(*) FROM {toast}")  # noqa: S608 - the catalogue's name
        return cursor.fetchone()[0]


@postgres
@pytest.mark.django_db
def test_the_table_keeps_the_vector_in_the_row():
    with connection.cursor() as cursor:
        cursor.execute("SELECT c.reloptions, a.attstorage FROM pg_class c JOIN pg_attribute a "
                       "ON a.attrelid = c.oid AND a.attname = 'vector' "
                       "WHERE c.oid = 'core_searchentry'::regclass")
        options, storage = cursor.fetchone()
    assert "toast_tuple_target=8160" in options
    assert storage == "m"  # MAIN: compressed in the row before it would be moved out


@postgres
def test_a_long_notes_vector_stays_in_the_row_and_is_found(world):
    note = write_note(world.contact, title="Driftsplan", text=LONG_TEXT)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_column_size(vector), pg_column_compression(vector) "
                       "FROM core_searchentry WHERE kind = 'note' AND object_id = %s", [note.pk])
        size, compression = cursor.fetchone()
    assert size > 2100  # above the 2 KB where PostgreSQL would otherwise move it out
    assert compression is None  # it fits in the row as it is
    assert _out_of_line_rows() == 0
    results = search(user=world.coordinator, query="vandværket")
    assert [hit.title for hit in results.hits] == ["Driftsplan"]
    assert "<mark>vandværket</mark>" in results.hits[0].snippet


def test_a_long_note_is_found_on_every_database(world):
    write_note(world.contact, title="Driftsplan", text=LONG_TEXT)
    write_note(world.contact, title="Vandværket", text="Kort note.")
    results = search(user=world.anonymous, query="vandværket")
    assert [hit.title for hit in results.hits] == ["Vandværket", "Driftsplan"]
