# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The search case of `make bench` (issue 5): generate notes, index them, time the search.

Run by bench.run in the case's child process, on a fresh database that bench.generate has filled
with a municipality of --inquiry-areas areas:

1. bench.generate_notes writes the notes (bulk_create in chunks, memory flat);
2. `python -m bench.generate_notes index` rebuilds the notes' index in a process of its own, so
   its peak memory (ru_maxrss above what the process had before) is the indexing's alone;
3. twelve queries picked from the corpus's document frequencies (bench.generate_notes
   .pick_queries) are each run --search-runs times in-process with core.search.query.search, as
   the coordinator, an ordinary colleague and an anonymous visitor: the whole search, with the
   hits loaded through the notes' selectors and their snippets made. The backend's candidate
   query alone is timed too (the database's share), and who_knows for two queries.
"""

import json
import math
import statistics
import subprocess
import sys
import time

GOAL_MS = 50
BUDGET_S = 8.0  # seconds at most per query and user (fewer runs when they are slow)
MIN_RUNS = 5
CLASSES = ("common", "mid", "rare", "two words")


def _percentiles(samples: list[float]) -> dict:
    ordered = sorted(samples)
    return {"p50_ms": round(statistics.median(ordered) * 1000, 2),
            "p95_ms": round(ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)] * 1000, 2),
            "max_ms": round(ordered[-1] * 1000, 2)}


def _timed(function, runs: int, warmup: int = 2, budget: float = BUDGET_S) -> dict:
    """`warmup` untimed calls, then up to `runs` timed ones, stopping after `budget` seconds
    (at least MIN_RUNS): a query that takes a second must not hold the bench for an hour."""
    for _ in range(warmup):
        function()
    samples, deadline = [], time.monotonic() + budget
    for _ in range(runs):
        started = time.perf_counter()
        function()
        samples.append(time.perf_counter() - started)
        if len(samples) >= MIN_RUNS and time.monotonic() > deadline:
            break
    return {"n": len(samples), **_percentiles(samples)}


def _users(coordinator: str):
    """The coordinator, an ordinary colleague (an active employee with a user account, in no
    group) and an anonymous visitor."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import AnonymousUser

    from lokalkontakt.people.models import Employee

    User = get_user_model()
    colleague = User.objects.filter(username="bench-kollega").first()
    if colleague is None:
        employee = Employee.objects.filter(is_active=True, user__isnull=True).order_by("pk").first()
        colleague = User.objects.create(username="bench-kollega",
                                        first_name=employee.name.split()[0])
        employee.user = colleague
        employee.save(update_fields=["user"])
    return [("coordinator", User.objects.get(username=coordinator)),
            ("colleague", User.objects.get(pk=colleague.pk)), ("anonymous", AnonymousUser())]


def _index(args) -> dict:
    command = [sys.executable, "-m", "bench.generate_notes", "index", str(args.index_batch)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise RuntimeError(f"indexing failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _analyze() -> None:
    from django.db import connection

    if connection.vendor == "postgresql":
        # Planner statistics for the bulk-loaded tables, as autovacuum would gather them soon.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def explain(user, terms) -> str:
    """The plan of the backend's candidate query for this user and these terms, as the database
    ran it: EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL, EXPLAIN QUERY PLAN on SQLite."""
    from django.db import connection

    from lokalkontakt.core.search.query import candidates

    captured = []

    def capture(execute, sql, params, many, context):
        if "search_fts" in sql or "ts_rank" in sql:
            captured.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(capture):
        candidates(user, terms)
    if not captured:
        return ""
    sql, params = captured[0]
    prefix = ("EXPLAIN (ANALYZE, BUFFERS) " if connection.vendor == "postgresql"
              else "EXPLAIN QUERY PLAN ")
    with connection.cursor() as cursor:
        cursor.execute(prefix + sql, params)
        rows = cursor.fetchall()
    plan = "\n".join(" | ".join(str(v) for v in row) for row in rows)
    return f"{sql}\n{params}\n{plan}"


def search_case(args, result: dict, generated) -> None:
    from django.db import connection, connections

    from bench.generate_notes import generate_notes

    started, tenth = time.perf_counter(), max(1, args.size // 10)

    def progress(done):
        if done % tenth < 2000 or done == args.size:
            print(f"   {done:,} notes in {time.perf_counter() - started:.0f} s", flush=True)

    if connection.vendor == "postgresql":
        # COPY and SQL: the services' path wrote 6,500 notes a minute, too slow for a million.
        from bench.bulk_notes import bulk_notes

        timings = {}
        notes = bulk_notes(args.size, progress=progress, timings=timings)
        result["generate_notes_s"] = round(time.perf_counter() - started, 1)
        result["generated_notes"] = notes.summary()
        result["index"] = {"index_s": round(timings["vectors_s"] + timings["rest_s"], 1),
                           "batch": "SQL",
                           "notes_per_s": round(notes.notes / max(0.1, timings["vectors_s"]
                                                                  + timings["rest_s"])),
                           "rss_peak_mib": "-", "rss_growth_mib": "-", "bulk": timings}
        result["analyze_s"] = timings["analyze_s"]
        print(f"   generated and indexed {notes.notes:,} notes with COPY and SQL in "
              f"{result['generate_notes_s']} s: {timings}", flush=True)
    else:
        notes = generate_notes(args.size, progress=progress)
        result["generate_notes_s"] = round(time.perf_counter() - started, 1)
        result["generated_notes"] = notes.summary()
        _analyze()
        connections.close_all()
        print(f"   generated {notes.notes:,} notes ({notes.words:,} words, vocabulary "
              f"{notes.vocabulary:,}) in {result['generate_notes_s']} s; indexing", flush=True)
        result["index"] = _index(args)
        print(f"   indexed in {result['index']['index_s']} s, peak RSS growth "
              f"{result['index']['rss_growth_mib']} MiB", flush=True)
        started = time.perf_counter()
        _analyze()
        result["analyze_s"] = round(time.perf_counter() - started, 1)

    time_queries(args.search_runs, result, generated.coordinator, notes.document_frequency,
                 notes.notes)


def time_queries(runs: int, result: dict, coordinator: str, df, count: int) -> None:
    """The twelve queries (and who_knows), timed; the figures go into `result`."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from bench.generate_notes import pick_queries
    from lokalkontakt.core.search.backends import backend
    from lokalkontakt.core.search.query import candidates, search, who_knows
    from lokalkontakt.core.search.text import parse_query, words

    users = _users(coordinator)
    result["queries"] = []
    for klass, query in pick_queries(df, count):
        terms = parse_query(query)
        row = {"class": klass, "query": query, "df": [df[w] for w in words(query)],
               "matches": len(backend().candidates(terms, "", [], 10**9)), "users": {}}
        for name, user in users:
            results = search(user=user, query=query)
            with CaptureQueriesContext(connection) as captured:
                search(user=user, query=query)
            row["users"][name] = {"count": results.count, "capped": results.capped,
                                  "hits": len(results.hits), "queries": len(captured),
                                  **_timed(lambda u=user, q=query: search(user=u, query=q),
                                           runs)}
            if name == "coordinator":
                row["snippet"] = str(results.hits[0].snippet) if results.hits else ""
                row["candidates"] = _timed(lambda u=user, t=terms: candidates(u, t),
                                           runs)
            if row["class"] != "two words" or name == "coordinator":
                row.setdefault("plans", {})[name] = explain(user, terms)
        result["queries"].append(row)
        coordinator = row["users"]["coordinator"]
        print(f"   {klass:<9} {query:<32} matches {row['matches']:>8,}  coordinator p50 "
              f"{coordinator['p50_ms']:6.1f} p95 {coordinator['p95_ms']:6.1f} ms", flush=True)
    result["who_knows"] = [
        {"query": row["query"], "class": row["class"],
         **_timed(lambda q=row["query"]: who_knows(user=users[0][1], query=q), runs)}
        for row in result["queries"] if row["class"] in ("common", "mid")][::3]
    result["goal_ms"] = GOAL_MS
    result["worst_p95_by_class"] = {
        klass: max(u["p95_ms"] for row in result["queries"] if row["class"] == klass
                   for u in row["users"].values())
        for klass in CLASSES}


def _count(user: dict) -> str:
    return "over 1,000" if user["capped"] else f"{user['count']:,}"


def print_search_table(runs: list[dict]) -> None:
    header = (f"{'database':<10} {'notes':>9}  {'class':<9} {'query':<30} {'doc. freq.':>15} "
              f"{'matches':>8} {'results':>10}  {'coordinator':>13} {'colleague':>13} "
              f"{'anonymous':>13} {'cand. p95':>9} {'q':>2}")
    print("Search (in-process; p50 / p95 ms of core.search.query.search, hits and snippets "
          "included)")
    print(header)
    print("-" * len(header))
    for run in runs:
        prefix = f"{run['database']:<10} {run['notes']:>9,}  "
        if not run.get("ok"):
            print(f"{prefix}FAILED: {run.get('error')}")
            continue
        for row in run["queries"]:
            users = row["users"]
            timing = "".join(f" {users[name]['p50_ms']:>6.1f}/{users[name]['p95_ms']:<6.1f}"
                             for name in ("coordinator", "colleague", "anonymous"))
            print(f"{prefix}{row['class']:<9} {row['query'][:30]:<30} "
                  f"{'/'.join(f'{n:,}' for n in row['df']):>15} {row['matches']:>8,} "
                  f"{_count(users['coordinator']):>10} {timing} "
                  f"{row['candidates']['p95_ms']:>9.1f} {users['coordinator']['queries']:>2}")
        for row in run["who_knows"]:
            print(f"{prefix}who_knows {row['query'][:30]:<30} {'':>15} {'':>8} {'':>10}  "
                  f"{row['p50_ms']:>6.1f}/{row['p95_ms']:<6.1f}")
        index, generated = run["index"], run["generated_notes"]
        worst = ", ".join(f"{klass} {ms:.1f}" for klass, ms in run["worst_p95_by_class"].items())
        met = all(ms < run["goal_ms"] for ms in run["worst_p95_by_class"].values())
        print(f"{' ' * len(prefix)}worst p95 by class (ms): {worst}: goal p95 < {run['goal_ms']} "
              f"ms {'met' if met else 'NOT met'}")
        print(f"{' ' * len(prefix)}generated in {run['generate_notes_s']} s ({generated['words']:,}"
              f" words, vocabulary {generated['vocabulary']:,}, {generated['compounds']:,} "
              f"compounds); indexed in {index['index_s']} s ({index['notes_per_s']:,} notes/s, "
              f"batch {index['batch']}), peak RSS {index['rss_peak_mib']} MiB, growth "
              f"{index['rss_growth_mib']} MiB")
    print("doc. freq.: notes holding the word as written (per word); matches: entries the "
          "query matches (stems and compounds, uncapped);\nresults: the coordinator's count "
          "(the search ranks at most 1,000 candidates); cand. p95: the backend's candidate "
          "query alone (coordinator); q: SQL queries of one search.")


def document_frequency() -> tuple:
    """The notes' document frequencies, read back from the database (as generate_notes counts
    them), and how many notes: for timing the queries again on a kept database."""
    from collections import Counter

    from lokalkontakt.core.search.text import words
    from lokalkontakt.knowledge.models import Note

    df, count, last = Counter(), 0, 0
    while rows := list(Note.objects.filter(pk__gt=last).order_by("pk")
                       .values_list("pk", "title", "text")[:5000]):
        for _pk, title, text in rows:
            df.update(set(words(title)) | set(words(text)))
        count, last = count + len(rows), rows[-1][0]
    return df, count


def main() -> int:
    """`python -m bench.search DATABASE_URL [RUNS]`: time the queries again on a database the
    search case filled and indexed (kept with `bench.run --keep`); prints the table."""
    import os

    os.environ["DATABASE_URL"] = sys.argv[1]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lokalkontakt.config.settings")
    import django

    django.setup()
    from django.db import connection

    import lokalkontakt.core.roles  # noqa: F401 - registers the role permissions
    from bench.generate import COORDINATOR_USERNAME

    df, count = document_frequency()
    result = {"database": connection.vendor, "case": "search", "notes": count, "ok": True,
              "index": {}, "generated_notes": {}}
    time_queries(int(sys.argv[2]) if len(sys.argv) > 2 else 30, result, COORDINATOR_USERNAME,
                 df, count)
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
