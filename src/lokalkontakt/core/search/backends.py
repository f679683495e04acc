# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The two places the search text lives, behind one interface: insert(kind, documents),
delete(ids) and candidates(terms, where, cap).

`candidates` returns (entry id, rank) of at most `cap` matching entries, the newest first (by
entry id), that also satisfy `where` (SQL on core_searchentry, compiled from a Django Q). Bounding
the candidates is what keeps a query of a word in half the notes as fast as a rare one: the
newest `cap` matches are ranked, not every match; a rare word has fewer matches than `cap`, so
none of its hits is lost. Higher rank is better on both.
"""

from django.db import connection
from django.utils import timezone

from lokalkontakt.core.models import SearchEntry
from lokalkontakt.core.search.text import Term, reversed_stems, stems, words


class SqliteBackend:
    """FTS5 over Python's Snowball stems: columns title, body and rev (the reversed stems)."""

    WEIGHTS = "10.0, 1.0, 0.3"  # bm25 column weights: title, body, rev

    def insert(self, cursor, kind, documents) -> list[int]:
        """New entries for the documents, with their text; their ids, in order."""
        entries = SearchEntry.objects.bulk_create(
            SearchEntry(kind=kind, object_id=d.object_id, audience=d.audience,
                        created_at=d.created_at) for d in documents)
        cursor.executemany(
            "INSERT INTO search_fts (rowid, title, body, rev) VALUES (%s, %s, %s, %s)",
            [(e.pk, " ".join(stems(d.title)), " ".join(stems(d.body)),
              " ".join(reversed_stems(d.title, d.body))) for e, d in zip(entries, documents, strict=True)])
        return [e.pk for e in entries]

    def delete(self, cursor, ids):
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM search_fts WHERE rowid IN ({marks})", chunk)  # noqa: S608

    @staticmethod
    def match(terms: list[Term]) -> str:
        parts = []
        for term in terms:
            part = "{title body} : (" + " OR ".join(f'"{stem}"' for stem in term.stems) + ")"
            if term.suffix:
                part = f'({part} OR rev : "{term.suffix}" *)'
            parts.append(part)
        return " AND ".join(parts)

    def candidates(self, terms, where, params, cap, *, selective=False, ranked=True):
        rank = f"bm25(search_fts, {self.WEIGHTS})" if ranked else "0"
        # Only constants and Django-compiled SQL are formatted in; every value is a parameter.
        sql = (f"SELECT search_fts.rowid, {rank} FROM search_fts "  # noqa: S608
               "JOIN core_searchentry ON core_searchentry.id = search_fts.rowid "
               f"WHERE search_fts MATCH %s{' AND ' + where if where else ''} "
               "ORDER BY search_fts.rowid DESC LIMIT %s")
        with connection.cursor() as cursor:
            cursor.execute(sql, [self.match(terms), *params, cap])
            return [(pk, -score) for pk, score in cursor.fetchall()]


class PostgresBackend:
    """PostgreSQL's `danish` configuration for title (weight A) and body (B); the reversed stems
    (D) in the `simple` configuration, for compound words. PostgreSQL gets the words as Python
    splits them (core.search.text.words), as the queries do: its own parser would keep
    "info@glud.dk" or "www.glud.dk" whole, and a search for "glud" would not find them."""

    INSERT = (
        "INSERT INTO core_searchentry (kind, object_id, audience, created_at, indexed_at, vector) "
        "SELECT %s, v.object_id, v.audience, v.created_at, %s, "
        "setweight(to_tsvector('danish', v.title), 'A') || "
        "setweight(to_tsvector('danish', v.body), 'B') || "
        "setweight(to_tsvector('simple', v.rev), 'D') "
        "FROM unnest(%s::bigint[], %s::text[], %s::timestamptz[], %s::text[], %s::text[], "
        "%s::text[]) WITH ORDINALITY AS v(object_id, audience, created_at, title, body, rev, n) "
        "ORDER BY v.n RETURNING id, object_id")

    def insert(self, cursor, kind, documents) -> list[int]:
        """New entries with their vectors, in one statement; their ids, in order."""
        now = timezone.now()
        columns = list(zip(*[(d.object_id, d.audience, d.created_at, " ".join(words(d.title)),
                              " ".join(words(d.body)), " ".join(reversed_stems(d.title, d.body)))
                             for d in documents], strict=True))
        cursor.execute(self.INSERT, [kind, now, *[list(column) for column in columns]])
        ids = {object_id: pk for pk, object_id in cursor.fetchall()}
        return [ids[d.object_id] for d in documents]

    def delete(self, cursor, ids):
        """The vector goes with its row."""

    RANKED = ("SELECT core_searchentry.id, ts_rank(core_searchentry.vector, "
              "to_tsquery('simple', %s)) FROM")
    DENSE = 0.03  # the share of the newest entries a query must match to be read newest first
    # How many of the newest entries the user may find are looked at for that: a word in DENSE of
    # them shows in 15 of 500, a common one (10 % and more) in 50; 2,000 took 11 ms a query.
    PROBE = 500
    COMMON = 0.05  # a word in this share of them is not widened to compounds

    @staticmethod
    def tsquery(terms: list[Term], *, widen=None) -> str:
        """The terms as one tsquery in the `simple` configuration: each distinct Snowball stem once
        (Python's stems are PostgreSQL's, stop words aside; a test checks), and the reversed stem
        as a prefix for the terms in `widen` (default: all that have one). Repeating a lexeme
        would make PostgreSQL count its selectivity twice."""
        parts = []
        for term in terms:
            options = [f"'{stem}'" for stem in term.stems]
            if term.suffix and (widen is None or term in widen):
                options.append(f"'{term.suffix}':*")
            parts.append("(" + " | ".join(options) + ")")
        return " & ".join(parts)

    def _probe(self, cursor, terms, where, params) -> tuple[str, bool]:
        """The query to run and whether to read it newest first, from one look at the newest
        PROBE entries the user may find (3 ms at a million notes; it sees the user's filters, which no
        statistic does). A word in COMMON of a full sample is not widened to the compounds ending
        in it: that adds little to so many matches and slows every query with it. A query that
        matches DENSE of the sample has its newest `cap` matches near: read newest first."""
        counts = ", ".join(["count(*) FILTER (WHERE s.vector @@ to_tsquery('simple', %s))"]
                           * (len(terms) + 1))
        # Only constants and Django-compiled SQL are formatted in; every value is a parameter.
        sql = (f"SELECT count(*), {counts} FROM (SELECT core_searchentry.vector "  # noqa: S608
               f"FROM core_searchentry{' WHERE ' + where if where else ''} "
               "ORDER BY core_searchentry.id DESC LIMIT %s) s")
        full = self.tsquery(terms)
        plain = [self.tsquery([term], widen=()) for term in terms]
        cursor.execute(sql, [full, *plain, *params, self.PROBE])
        seen, matched, *each = cursor.fetchone()
        common = {t for t, n in zip(terms, each, strict=True)
                  if seen >= self.PROBE and n >= self.COMMON * seen}
        query = self.tsquery(terms, widen=[t for t in terms if t not in common])
        return query, matched >= self.DENSE * self.PROBE

    def __init__(self, *, rum: bool | None = None):
        self.rum = rum  # None: the RUM index's path wherever the migration built the index

    def candidates(self, terms, where, params, cap, *, selective=False, ranked=True):
        """A query that matches many of the newest entries is read newest first along the
        primary key (or, for a visitor, the public entries' index) and stops at `cap`. Any other
        query of one word is read from the RUM index where there is one (_from_rum); the rest
        from the GIN index, which intersects several words' matches in the index (at a million
        notes, RUM took 90-130 ms for a common word and a mid-frequency one, GIN 4 ms)."""
        with connection.cursor() as cursor:
            query, dense = self._probe(cursor, terms, where, params)
            rum = self.rum if self.rum is not None else len(terms) == 1 and has_rum_index()
            if not dense and rum:
                return self._from_rum(cursor, query, where, params, cap, ranked=ranked)
            return self._from_gin(cursor, query, dense, where, params, cap, ranked=ranked)

    @staticmethod
    def _from_rum(cursor, query, where, params, cap, *, ranked):
        """The RUM index holds each entry's id beside its words: it gives the matches in id order,
        newest first, the filters apply as they come and the scan stops at `cap`; only those rows
        are read from the table (and ranked). RUM sorts all of a word's matches to do so, which
        for a common word costs more than reading the newest entries along the primary key:
        dense queries do not come here."""
        rank = "ts_rank(core_searchentry.vector, to_tsquery('simple', %s))" if ranked else "0"
        # Only constants and Django-compiled SQL are formatted in; every value is a parameter.
        sql = (f"SELECT core_searchentry.id, {rank} FROM core_searchentry "  # noqa: S608
               "WHERE core_searchentry.vector @@ to_tsquery('simple', %s)"
               f"{' AND ' + where if where else ''} "
               f"ORDER BY core_searchentry.id <=| {RUM_NEWEST} LIMIT %s")
        cursor.execute(sql, [*([query] if ranked else []), query, *params, cap])
        return [(pk, float(rank)) for pk, rank in cursor.fetchall()]

    def _from_gin(self, cursor, query, dense, where, params, cap, *, ranked):
        """A dense query is read newest first along the primary key (or, for a visitor, the
        public entries' index) and stops at `cap`; any other first takes all its matches from
        the GIN index, in a CTE named like the table so that the filters apply to it unchanged,
        and sorts them: read along a key, the planner would walk the whole table whenever it
        overestimates a rare word. Only the kept rows are ranked."""
        filters = f" AND {where}" if where else ""
        if dense:
            kept = ("SELECT core_searchentry.id FROM core_searchentry WHERE "  # noqa: S608
                    f"core_searchentry.vector @@ to_tsquery('simple', %s){filters} "
                    "ORDER BY core_searchentry.id DESC LIMIT %s")
        else:
            # @@@ is @@ that only the GIN index's operator class offers: the planner would
            # otherwise take the RUM index for the bitmap, much slower at intersecting words.
            kept = ("WITH core_searchentry AS MATERIALIZED (SELECT id, kind, object_id, "  # noqa: S608
                    "audience, created_at FROM core_searchentry "
                    "WHERE vector @@@ to_tsquery('simple', %s)) SELECT core_searchentry.id "
                    f"FROM core_searchentry{' WHERE ' + where if where else ''} "
                    "ORDER BY core_searchentry.id DESC LIMIT %s")
        if not ranked:
            cursor.execute(kept, [query, *params, cap])
            return [(pk, 0.0) for (pk,) in cursor.fetchall()]
        if dense:  # one pass: each kept row is ranked as it is read
            cursor.execute(kept.replace("SELECT core_searchentry.id FROM", self.RANKED, 1),
                           [query, query, *params, cap])
            return cursor.fetchall()
        # Only constants and Django-compiled SQL are formatted in; every value is a parameter.
        sql = ("SELECT e.id, ts_rank(e.vector, to_tsquery('simple', %s)) "  # noqa: S608
               f"FROM core_searchentry e WHERE e.id IN ({kept})")
        cursor.execute(sql, [query, query, *params, cap])
        return cursor.fetchall()


RUM_INDEX = "core_searchentry_rum"  # built by migration core 0019 where the extension is available
# `id <=| RUM_NEWEST` is RUM_NEWEST - id: ascending, the newest first. A float8 holds every id up
# to 2**53 exactly (a larger bound would round neighbouring ids to one distance).
RUM_NEWEST = 2**53
_rum_index: dict[str, bool] = {}


def has_rum_index() -> bool:
    """Whether this database has the RUM index (a valid one: a CONCURRENTLY build that failed
    leaves an invalid one behind): looked up once per process and database."""
    name = connection.settings_dict["NAME"]
    if name not in _rum_index:
        with connection.cursor() as cursor:
            cursor.execute("SELECT EXISTS (SELECT 1 FROM pg_index WHERE indisvalid AND "
                           "indexrelid = to_regclass(%s))", [RUM_INDEX])
            _rum_index[name] = cursor.fetchone()[0]
    return _rum_index[name]


def backend():
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()
