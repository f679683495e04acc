# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The search bench's bulk notes (PostgreSQL, COPY and SQL) leave what the services leave: the
same search entries, vectors, stored text, areas, focus areas and author as indexing the notes
through core.search.index; and the plain text is core.markdown.plain_text's."""

import importlib
import random

import pytest
from django.apps import apps as django_apps
from django.db import connection

from bench.bulk_notes import bulk_notes, plain
from bench.generate import generate
from bench.generate_notes import Writer, vocabulary
from lokalkontakt.core.markdown import plain_text
from lokalkontakt.core.models import SearchEntry
from lokalkontakt.core.search.index import rebuild
from lokalkontakt.core.search.query import search
from lokalkontakt.knowledge.models import Note

load_focus_areas = importlib.import_module(
    "lokalkontakt.core.migrations.0002_load_focus_areas").load


def test_the_plain_text_of_the_generated_markdown_is_plain_texts():
    rng = random.Random(3)
    writer = Writer(vocabulary(rng)[0], rng)
    texts = [writer.markdown(writer.body()) for _ in range(300)]

    assert any("**" in text for text in texts) and any("\n- " in text for text in texts)
    assert [plain(text) for text in texts] == [" ".join(plain_text(text).split())
                                               for text in texts]


def _index_rows():
    """Every note entry as the search reads it, by note id."""
    entries = SearchEntry.objects.filter(kind="note").select_related("stored")
    with connection.cursor() as cursor:
        cursor.execute("SELECT object_id, vector::text FROM core_searchentry WHERE kind = 'note'")
        vectors = dict(cursor.fetchall())
    return {e.object_id: (e.audience, e.created_at, e.stored.text, vectors[e.object_id],
                          sorted(e.areas.values_list("pk", flat=True)),
                          sorted(e.focus_areas.values_list("pk", flat=True)),
                          sorted(e.people.values_list("employee_id", "role")))
            for e in entries}


@pytest.mark.django_db(transaction=True)
def test_bulk_notes_are_indexed_as_the_services_index_them():
    if connection.vendor != "postgresql":
        pytest.skip("the bulk notes are PostgreSQL's (COPY)")
    # A transactional test before this one on the worker may have flushed the focus areas that
    # core's data migration loads: load them again, so the notes are tagged as in production.
    load_focus_areas(django_apps, None)
    generate(4)

    summary = bulk_notes(300)

    assert Note.objects.count() == summary.notes == 300
    assert Note.objects.filter(focus_areas__isnull=False).distinct().count() == \
        summary.with_focus_areas
    bulk = _index_rows()
    rebuild(kinds=["note"])
    assert _index_rows() == bulk
    word = max(summary.document_frequency, key=lambda w: (len(w) > 8, summary.document_frequency[w]))
    assert search(user=_coordinator(), query=word).count > 0
    # the sequences go on after the copied ids
    assert Note.objects.create(title="Ny", text="Ny", kind="plans", visibility="public",
                               author_id=Note.objects.first().author_id).pk == \
        Note.objects.order_by("-pk").values_list("pk", flat=True)[1] + 1


def _coordinator():
    from django.contrib.auth import get_user_model

    from bench.generate import COORDINATOR_USERNAME

    return get_user_model().objects.get(username=COORDINATOR_USERNAME)
