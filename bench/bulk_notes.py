# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A million notes on PostgreSQL in minutes, for the search bench (never for real data).

The same notes as bench.generate_notes (same seed, same words, Zipf classes, visibility, areas,
authors, focus areas and dates), written with COPY instead of the ORM, and indexed in SQL
instead of through core.search.index: the rows the services write (core.SearchEntry with its
tsvector, core.SearchText, the entry's areas, focus areas and author) from the same strings the
service computes in Python (core.search.text.words and reversed_stems of the note's title and
plain text), so that the search reads exactly what it would read after `rebuild`. The
GIN index is dropped for the load and built once after it, then VACUUM ANALYZE.

The plain text is made from the generated Markdown by dropping its only markup (bold and list
markers); a test checks it against core.markdown.plain_text.
"""

import itertools
import re
import time

from bench.generate_notes import count_row, note_rows, start

CHUNK = 20_000
COPY_NOTES = ("COPY knowledge_note (id, area_id, title, text, kind, visibility, author_id, version, "
              "created_at, updated_at) FROM STDIN")
COPY_STAGE = "COPY bench_note_text (note_id, title, body, rev, plain) FROM STDIN"
COPY_TAGS = "COPY knowledge_note_focus_areas (note_id, focusarea_id) FROM STDIN"

LIST_MARKER = re.compile(r"^- ", re.MULTILINE)


def plain(markdown: str) -> str:
    """The generated Markdown's text on one line, as plain_text and Document.snippet_text make it."""
    return " ".join(LIST_MARKER.sub("", markdown).replace("**", "").split())


STAGE = ("CREATE UNLOGGED TABLE bench_note_text (note_id bigint PRIMARY KEY, title text, "
         "body text, rev text, plain text)")
ENTRIES = """
INSERT INTO core_searchentry (id, kind, object_id, audience, created_at, indexed_at, vector)
SELECT %(e0)s + s.note_id - %(n0)s, 'note', s.note_id, n.visibility, n.created_at, now(),
       setweight(to_tsvector('danish', s.title), 'A') ||
       setweight(to_tsvector('danish', s.body), 'B') ||
       setweight(to_tsvector('simple', s.rev), 'D')
FROM bench_note_text s JOIN knowledge_note n ON n.id = s.note_id
WHERE s.note_id %% 2 = %(half)s
"""
AFTER = [
    "INSERT INTO core_searchtext (entry_id, text) SELECT %(e0)s + note_id - %(n0)s, plain "
    "FROM bench_note_text",
    "INSERT INTO core_searchentry_areas (searchentry_id, localarea_id) "
    "SELECT %(e0)s + id - %(n0)s, area_id FROM knowledge_note WHERE id >= %(n0)s "
    "AND area_id IS NOT NULL",
    "INSERT INTO core_searchentry_focus_areas (searchentry_id, focusarea_id) "
    "SELECT %(e0)s + note_id - %(n0)s, focusarea_id FROM knowledge_note_focus_areas "
    "WHERE note_id >= %(n0)s",
    "INSERT INTO core_searchentryperson (entry_id, employee_id, role) "
    "SELECT %(e0)s + id - %(n0)s, author_id, 'author' FROM knowledge_note WHERE id >= %(n0)s",
    "DROP TABLE bench_note_text",
    "CREATE INDEX core_searchentry_vector ON core_searchentry USING gin (vector)",
]


def _copy_notes(cursor, count, seed, n0, progress):
    """COPY the notes, their focus areas and the strings the index is made of, CHUNK at a time
    (one connection holds one COPY at once)."""
    from lokalkontakt.core.search.text import STOP_WORDS, stem

    rng, writer, summary = start(seed)
    # Every word is the vocabulary's, lower-case letters: words() of the title and the plain text
    # are the drawn words, and reversed_stems() their distinct stems reversed (a test checks).
    reversed_stem = {w: stem(w)[::-1] for w in writer.words if w not in STOP_WORDS}
    rows = note_rows(count, rng, writer)
    pk = n0
    while chunk := list(itertools.islice(rows, CHUNK)):
        notes, stage, tags = [], [], []
        for row in chunk:
            count_row(summary, row)
            title = " ".join(row.title).capitalize()[:200]
            notes.append((pk, row.area, title, row.text, row.kind, row.visibility, row.author, 1,
                          row.at, row.at))
            body = plain(row.text)
            stage.append((pk, " ".join(row.title), " ".join(row.body),
                          " ".join(dict.fromkeys(reversed_stem[w] for w in row.title + row.body
                                                 if w in reversed_stem)), body))
            tags += [(pk, f) for f in row.tags]
            pk += 1
        for sql, rows_ in ((COPY_NOTES, notes), (COPY_STAGE, stage), (COPY_TAGS, tags)):
            with cursor.copy(sql) as copy:
                for values in rows_:
                    copy.write_row(values)
        progress(summary.notes)
    return summary


def bulk_notes(count: int, seed: int = 1, progress=None, *, timings: dict | None = None):
    """`count` notes and their search entries in a PostgreSQL database that bench.generate has
    filled. Returns bench.generate_notes.GeneratedNotes (with the document frequencies)."""
    from django.db import connection, transaction

    timings = {} if timings is None else timings
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(max(id), 0) + 1 FROM knowledge_note")
        n0 = cursor.fetchone()[0]
        cursor.execute("SELECT coalesce(max(id), 0) + 1 FROM core_searchentry")
        e0 = cursor.fetchone()[0]
        cursor.execute("SET LOCAL session_replication_role = replica")  # as below
        cursor.execute(STAGE)
        summary = _copy_notes(cursor.cursor, count, seed, n0, progress or (lambda done: None))
        timings["copy_s"] = round(time.perf_counter() - started, 1)
        cursor.execute("DROP INDEX core_searchentry_vector")
    # Two halves, each its own connection, so that both cores make tsvectors.
    started = time.perf_counter()
    _entries_in_two(connection, e0, n0)
    timings["vectors_s"] = round(time.perf_counter() - started, 1)
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        # The rows are consistent by construction (a test compares them with the services'):
        # millions of deferred foreign-key checks at COMMIT took longer than writing them.
        cursor.execute("SET LOCAL session_replication_role = replica")
        for statement in AFTER:
            cursor.execute(statement, {"e0": e0, "n0": n0})
        for table, column in (("knowledge_note", "id"), ("core_searchentry", "id"),
                              ("knowledge_note_focus_areas", "id"), ("core_searchentry_areas", "id"),
                              ("core_searchentry_focus_areas", "id"),
                              ("core_searchentryperson", "id")):
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), "  # noqa: S608
                           f"(SELECT coalesce(max({column}), 1) FROM {table}))")
    timings["rest_s"] = round(time.perf_counter() - started, 1)
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    timings["analyze_s"] = round(time.perf_counter() - started, 1)
    summary.by_visibility = dict(summary.by_visibility)
    return summary


def _entries_in_two(connection, e0, n0):
    import threading

    import psycopg

    params = connection.get_connection_params()
    errors = []

    def run(half):
        try:
            with psycopg.connect(**params, autocommit=True) as other:
                other.execute(ENTRIES, {"e0": e0, "n0": n0, "half": half})
        except Exception as error:  # noqa: BLE001 - raised below, in the caller's thread
            errors.append(error)

    threads = [threading.Thread(target=run, args=(half,)) for half in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
