"""The two places the search text lives, behind one interface: write(rows), delete(ids) and
candidates(terms, where, cap).

`candidates` returns (entry id, rank) of at most `cap` matching entries, the newest first (by
entry id), that also satisfy `where` (SQL on core_searchentry, compiled from a Django Q). Bounding
the candidates is what keeps a query of a word in half the notes as fast as a rare one: the
newest `cap` matches are ranked, not every match; a rare word has fewer matches than `cap`, so
none of its hits is lost. Higher rank is better on both.
"""

from django.db import connection

from lokalkontakt.core.search.text import Term, reversed_stems, stems, words


class SqliteBackend:
    """FTS5 over Python's Snowball stems: columns title, body and rev (the reversed stems)."""

    WEIGHTS = "10.0, 1.0, 0.3"  # bm25 column weights: title, body, rev

    def write(self, cursor, rows):
        """rows: (entry id, title, body). Replaces what the entries had."""
        self.delete(cursor, [row[0] for row in rows])
        cursor.executemany(
            "INSERT INTO search_fts (rowid, title, body, rev) VALUES (%s, %s, %s, %s)",
            [(pk, " ".join(stems(title)), " ".join(stems(body)),
              " ".join(reversed_stems(title, body))) for pk, title, body in rows])

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

    def candidates(self, terms, where, params, cap):
        # Only constants and Django-compiled SQL are formatted in; every value is a parameter.
        sql = (f"SELECT search_fts.rowid, bm25(search_fts, {self.WEIGHTS}) FROM search_fts "  # noqa: S608
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

    VECTOR = ("setweight(to_tsvector('danish', %s), 'A') || setweight(to_tsvector('danish', %s), "
              "'B') || setweight(to_tsvector('simple', %s), 'D')")

    def write(self, cursor, rows):
        cursor.executemany(
            f"UPDATE core_searchentry SET vector = {self.VECTOR} WHERE id = %s",  # noqa: S608
            [(" ".join(words(title)), " ".join(words(body)), " ".join(reversed_stems(title, body)),
              pk) for pk, title, body in rows])

    def delete(self, cursor, ids):
        """The vector goes with its row."""

    @staticmethod
    def tsquery(terms: list[Term]) -> tuple[str, list[str]]:
        parts, params = [], []
        for term in terms:
            part = " || ".join(["to_tsquery('danish', %s)"] * len(term.variants))
            params.extend(term.variants)
            if term.suffix:
                part = f"{part} || to_tsquery('simple', %s)"
                params.append(f"{term.suffix}:*")
            parts.append(f"({part})")
        return " && ".join(parts), params

    def candidates(self, terms, where, params, cap):
        query, query_params = self.tsquery(terms)
        # Only constants and Django-compiled SQL are formatted in; every value is a parameter.
        sql = ("SELECT core_searchentry.id, ts_rank(core_searchentry.vector, q.query) "  # noqa: S608
               f"FROM core_searchentry, (SELECT {query} AS query) q "
               f"WHERE core_searchentry.vector @@ q.query{' AND ' + where if where else ''} "
               "ORDER BY core_searchentry.id DESC LIMIT %s")
        with connection.cursor() as cursor:
            cursor.execute(sql, [*query_params, *params, cap])
            return cursor.fetchall()


def backend():
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()
