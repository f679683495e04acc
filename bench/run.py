# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Time Lokalkontakt's main pages at 30 and 3,000 local areas, and the inquiry pages at 100
and 100,000 inquiries, against the /healthz floor.

For each database (SQLite always; PostgreSQL too when DATABASE_URL points at a server) and each
case (a number of areas, or a number of inquiries in a municipality of --inquiry-areas areas),
a child process (`python -m bench.run --case ...`) creates a fresh database, migrates it,
fills it with bench.generate (and bench.generate_inquiries), counts the SQL queries per page
in-process (django.test.Client), starts gunicorn (one sync worker) on a free loopback port and
times each page over HTTP with http.client. This parent prints one table and writes every
figure to bench/out/latest.json.

Only loopback traffic; every loop is bounded by a request count and a time budget per page.
"""

import argparse
import cProfile
import datetime
import http.client
import io
import json
import math
import os
import platform
import pstats
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "latest.json"
SIZES = (30, 3000)
INQUIRY_SIZES = (100, 100_000)
INQUIRY_AREAS = 30  # Hedensted has 28 local areas
SEARCH_NOTES = {"sqlite": 200_000, "postgresql": 1_000_000}
SEARCH_RUNS = 30  # timed runs of each query and user
SEARCH_GOAL_MS = 50  # issue 5: p95 under 50 ms for every query class
SETTINGS = "lokalkontakt.config.settings"
PROFILE_OVER_MS = 100  # --profile shows the pages slower than this (median over HTTP)


# Issue 18: the reports (this year against last) and their exports, timed with both data sets.
REPORT_PAGES = [
    ("scheme's report", "/rapporter/", True, 50, 3),
    ("scheme's report, PDF", "/rapporter/?format=pdf", True, 5, 1),
    ("scheme's report, XLSX", "/rapporter/?format=xlsx", True, 10, 2),
    ("public summary", "/rapporter/offentlig/", False, 50, 3),
    ("focus areas", "/rapporter/fokusomraader/", True, 50, 3),
    ("focus area report", "/rapporter/fokusomraader/smidige-processer/", True, 50, 3),
    ("focus area, PDF", "/rapporter/fokusomraader/smidige-processer/?format=pdf", True, 5, 1),
]
# name, path (may hold {slug}), signed in as coordinator?, requests, warm-up requests
PAGES = [
    ("healthz", "/healthz", False, 200, 20),
    ("directory", "/omraader/", False, 200, 10),
    ("directory search", "/omraader/?q=" + quote("øster"), False, 100, 5),
    ("directory uncovered", "/omraader/?coverage=uncovered", False, 100, 5),
    ("area page", "/omraader/{slug}/", False, 200, 10),
    ("area page (coord.)", "/omraader/{slug}/", True, 100, 5),
    ("coverage overview", "/koordinering/", True, 100, 5),
    # Issue 20: the overview's lists are cut to ten rows; the rest is paged, the map has its own page.
    ("coverage overview, contacts", "/koordinering/oversigt/lokalkontakter/?side=2", True, 100, 5),
    ("coverage map", "/koordinering/kort/", True, 100, 5),
    # Issue 17: the coordinator's start page (every block: a count and the first five rows).
    ("coordinator's overview", "/overblik/", True, 100, 5),
    # Issue 6: 12 meetings, every employee invited; 5 items a meeting at 30 areas, 500 at 3,000,
    # with two action items per held item (bench/generate_meetings.py). {meeting} is the next one.
    ("meetings", "/moeder/", True, 100, 5),
    ("meeting page", "/moeder/{meeting}/", True, 100, 5),
    ("agenda (arrange)", "/moeder/{meeting}/dagsorden/", True, 50, 3),
    ("action items, all", "/moeder/opfoelgning/?scope=all", True, 100, 5),
    # Issue 7: every contact registers twice a week for 26 weeks (bench/generate_time.py).
    ("time overview", "/tid/overblik/", True, 100, 5),
    # Issue 20: the overview pages its contacts; the time per local area is a page of its own.
    ("time per local area", "/tid/overblik/omraader/", True, 100, 5),
    ("time overview, XLSX", "/tid/overblik/eksport/", True, 20, 2),
    # Issue 7, the rest (bench/generate_scheme.py): the rollout, the handovers, the candidates,
    # the suggestions for an area without a contact and the briefing pack of a covered area.
    ("rollout", "/udrulning/", True, 100, 5),
    ("rollout, areas", "/udrulning/omraader/", True, 100, 5),
    ("handovers", "/overdragelser/", True, 100, 5),
    ("candidates", "/kandidater/", True, 100, 5),
    ("suggestions", "/kandidater/forslag/{uncovered}/", True, 100, 5),
    ("briefing pack", "/omraader/{slug}/introduktionspakke/", True, 50, 3),
    ("briefing pack, PDF", "/omraader/{slug}/introduktionspakke.pdf", True, 10, 2),
    # Issue 18: the coverage map coloured by the councils' answers (the directory above draws
    # it by coverage), then the reports.
    ("map by answer", "/omraader/?kort=svar", False, 100, 5),
    *REPORT_PAGES,
    # Issue 19: the public API (no key) a municipality's website reads: the directory's areas
    # as JSON (first page of 50, a search, one area) and the focus areas.
    ("API: areas", "/api/v1/areas/", False, 200, 10),
    ("API: areas, search", "/api/v1/areas/?q=" + quote("øster"), False, 100, 5),
    ("API: area", "/api/v1/areas/{slug}/", False, 200, 10),
    ("API: focus areas", "/api/v1/focus-areas/", False, 200, 10),
]
# Pages timed with an API key (the header is made in the child: API_HEADERS) instead of a session.
KEY = "key"
API_HEADERS: dict = {}
# The inquiry cases, all as the coordinator (who may see every inquiry). {area} is the list's
# area filter for the area with the most inquiries (see area_filter), {pk} the inquiry with 16
# events. The list sorts by answer deadline and shows 50 a page.
INQUIRY_PAGES = [
    ("healthz", "/healthz", False, 200, 20),
    ("inquiry list", "/henvendelser/?scope=all", True, 100, 5),
    ("inquiries, any status", "/henvendelser/?scope=all&status=any", True, 100, 5),
    ("inquiries by area", "/henvendelser/?scope=all&status=any&{area}", True, 100, 5),
    ("inquiries by status", "/henvendelser/?scope=all&status=acknowledged", True, 100, 5),
    ("inquiry page", "/henvendelser/{pk}/", True, 100, 5),
    # Issue 19: the API's inquiry list with a key (inquiries:read), 50 a page by cursor: the
    # first page, and the page halfway down ({cursor}, as a `next` link makes it).
    ("API inquiries", "/api/v1/inquiries/", KEY, 100, 5),
    ("API inquiries, later", "/api/v1/inquiries/?cursor={cursor}", KEY, 100, 5),
    # Issue 17: the coordinator's start page and the inquiries waiting for them; the list's
    # XLSX export of every open inquiry (an export is not bounded: it is the full data).
    ("coordinator's overview", "/overblik/", True, 100, 5),
    ("inquiries waiting", "/henvendelser/venter/", True, 100, 5),
    ("inquiry list, XLSX", "/henvendelser/eksport/?scope=all", True, 5, 1),
    # Issue 18: the reports aggregate every inquiry of the period in SQL.
    *REPORT_PAGES,
    # Issue 15: about 5 access-log entries per inquiry over six months (bench/generate_access_log.py);
    # the newest page, who has seen one person's data (the inquiry page's submitter), and what
    # one user has looked at.
    ("access log", "/koordinering/adgangslog/", True, 50, 3),
    ("access log, a person", "/koordinering/adgangslog/?person={person}", True, 50, 3),
    ("access log, a user", "/koordinering/adgangslog/?user={user}", True, 50, 3),
    # Issue 19: what still needs journalising, oldest first (every inquiry is waiting here), 50
    # a page: each kind's first 51 by its index, merged, and no count (before: a COUNT and a
    # sorted UNION of both kinds: 109 ms, 22.8x healthz; now 29 ms, 6.5x; 2026-12-07).
    ("journalisation", "/journalisering/", True, 50, 3),
]


# ---------------------------------------------------------------------------------------------
# The parent: one child per (database, size), then the table and the JSON file.
# ---------------------------------------------------------------------------------------------

def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--database-url", help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--kind", choices=["areas", "inquiries", "search"], default="areas",
                        help=argparse.SUPPRESS)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)),
                        help="comma-separated numbers of local areas (default 30,3000; "
                             "empty for none)")
    parser.add_argument("--inquiries", default=",".join(map(str, INQUIRY_SIZES)),
                        help="comma-separated numbers of inquiries for the inquiry pages "
                             "(default 100,100000; empty for none)")
    parser.add_argument("--inquiry-areas", type=int, default=INQUIRY_AREAS,
                        help=f"local areas of the inquiry cases' municipality (default {INQUIRY_AREAS})")
    parser.add_argument("--notes", type=int, default=SEARCH_NOTES["sqlite"],
                        help=f"notes for the search case on SQLite (default "
                             f"{SEARCH_NOTES['sqlite']}; 0 for none)")
    parser.add_argument("--pg-notes", type=int, default=SEARCH_NOTES["postgresql"],
                        help=f"notes for the search case on PostgreSQL (default "
                             f"{SEARCH_NOTES['postgresql']}; 0 for none)")
    parser.add_argument("--search-runs", type=int, default=SEARCH_RUNS,
                        help=f"timed runs of each search query and user (default {SEARCH_RUNS})")
    parser.add_argument("--index-batch", type=int, default=1000,
                        help="batch size of the search index rebuild (default 1000)")
    parser.add_argument("--budget", type=float, default=12.0,
                        help="seconds at most per page and size (default 12)")
    parser.add_argument("--server", choices=["gunicorn", "wsgiref"], default="gunicorn",
                        help="gunicorn (production, default) or an in-process wsgiref thread")
    parser.add_argument("--profile", action="store_true",
                        help="print where the time goes for every page slower than "
                             "--profile-over ms")
    parser.add_argument("--profile-over", type=float, default=PROFILE_OVER_MS,
                        help=f"median in ms above which --profile shows a page "
                             f"(default {PROFILE_OVER_MS})")
    parser.add_argument("--page", action="append", default=[], dest="pages",
                        help="a page to time, by its name in the table (repeat for more; "
                             "healthz, the floor, always), e.g. --page \"API: areas\"; "
                             "default all")
    parser.add_argument("--keep", action="store_true",
                        help="keep the databases (PostgreSQL lk_bench_*, the SQLite files in "
                             "the temporary directories) for EXPLAIN or `python -m bench.search`")
    parser.add_argument("--no-postgres", action="store_true",
                        help="SQLite only, even when DATABASE_URL points at PostgreSQL")
    args = parser.parse_args(argv)
    if args.case:
        return run_case(args)
    unknown = set(args.pages) - {page[0] for page in PAGES + INQUIRY_PAGES}
    if unknown:
        parser.error(f"--page: no page named {', '.join(sorted(unknown))}")

    cases = ([("areas", int(size)) for size in args.sizes.split(",") if size.strip()]
             + [("inquiries", int(size)) for size in args.inquiries.split(",") if size.strip()])
    databases = [("sqlite", None)]
    server_url = os.environ.get("DATABASE_URL", "")
    if server_url.startswith(("postgres://", "postgresql://")) and not args.no_postgres:
        databases.append(("postgresql", server_url))
    started, load_before = time.monotonic(), os.getloadavg()
    runs = []
    for database, url in databases:
        notes = args.notes if database == "sqlite" else args.pg_notes
        for kind, size in cases + ([("search", notes)] if notes else []):
            print(f"== {database}, {size} {kind}"
                  + (f" ({args.inquiry_areas} areas)" if kind == "inquiries" else ""), flush=True)
            runs.append(run_child(database, url, kind, size, args))
    report = {
        "meta": {
            "when": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "python": platform.python_version(), "django": _django_version(),
            "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs",
            "server": args.server, "budget_s_per_page": args.budget,
            "total_s": round(time.monotonic() - started, 1),
            # Other work on the machine shows up in p95 first; compare runs with similar load.
            "load_average_before_after": [round(load_before[0], 2), round(os.getloadavg()[0], 2)],
        },
        "runs": runs,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print()
    print_table(report)
    print(f"\nAll figures: {OUT.relative_to(ROOT)} ({report['meta']['total_s']} s in all)")
    return 0 if all(run.get("ok") for run in runs) else 1


def _django_version() -> str:
    import django

    return django.get_version()


def run_child(database: str, server_url: str | None, kind: str, size: int, args) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix=f"lk-bench-{database}-{kind}-{size}-"))
    result_file = workdir / "result.json"
    dbname = {"areas": f"lk_bench_{size}", "inquiries": f"lk_bench_inq_{size}",
              "search": f"lk_bench_notes_{size}"}[kind]
    failed = {"database": database, "case": kind, "ok": False,
              **({"areas": size} if kind == "areas" else
                 {"areas": args.inquiry_areas, "notes": size} if kind == "search" else
                 {"areas": args.inquiry_areas, "inquiries": size})}
    # The search case writes and indexes up to a million notes: about 10 ms a note, with room.
    timeout = 900 + (size // 50 if kind == "search" else 0)
    url = ""
    try:
        if database == "sqlite":
            url = f"sqlite:///{workdir / 'bench.sqlite3'}"
        else:
            _pg_admin(server_url, f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
            _pg_admin(server_url, f'CREATE DATABASE "{dbname}"')
            url = urlunsplit(urlsplit(server_url)._replace(path=f"/{dbname}"))
        command = [sys.executable, "-m", "bench.run", "--case", "--database", database,
                   "--database-url", url, "--size", str(size), "--result", str(result_file),
                   "--kind", kind, "--inquiry-areas", str(args.inquiry_areas),
                   "--budget", str(args.budget), "--server", args.server,
                   *[option for name in args.pages for option in ("--page", name)]]
        if args.profile:
            command += ["--profile", "--profile-over", str(args.profile_over)]
        if kind == "search":
            command += ["--search-runs", str(args.search_runs),
                        "--index-batch", str(args.index_batch)]
        child = subprocess.run(command, cwd=ROOT, env=_env(url), timeout=timeout, check=False)  # noqa: S603
        if child.returncode == 0 and result_file.exists():
            return json.loads(result_file.read_text(encoding="utf-8"))
        return {**failed, "error": f"child exited with {child.returncode}"}
    except subprocess.TimeoutExpired:
        return {**failed, "error": f"timed out after {timeout} s"}
    except Exception as error:  # noqa: BLE001 - e.g. the PostgreSQL server is not reachable
        return {**failed, "error": f"{type(error).__name__}: {error}"}
    finally:
        if args.keep:
            print(f"   kept: {url}", flush=True)
        elif database != "sqlite":
            try:
                _pg_admin(server_url, f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
            except Exception as error:  # noqa: BLE001
                print(f"   could not drop {dbname}: {error}", flush=True)
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


def _pg_admin(server_url: str, sql: str) -> None:
    import psycopg

    parts = urlsplit(server_url)
    with psycopg.connect(host=parts.hostname, port=parts.port or 5432, user=parts.username,
                         password=parts.password, dbname=parts.path.lstrip("/") or "postgres",
                         autocommit=True) as connection:
        connection.execute(sql)


def _env(database_url: str) -> dict:
    env = dict(os.environ)
    env.update({
        "DJANGO_SETTINGS_MODULE": SETTINGS, "DATABASE_URL": database_url, "DEBUG": "0",
        "STATIC_MANIFEST": "0", "LOG_LEVEL": "WARNING", "PYTHONUNBUFFERED": "1",
        # whitenoise warns that var/static (STATIC_ROOT) is missing; the bench needs no collectstatic
        "PYTHONWARNINGS": "ignore:No directory at:UserWarning",
    })
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), str(ROOT / "src"),
                                                      env.get("PYTHONPATH", "")]))
    return env


def _case_label(run: dict) -> str:
    if run.get("case") == "search":
        return f"{run['notes']:,} notes"
    if run.get("case") == "inquiries":
        return f"{run['inquiries']:,} inq."
    return f"{run['areas']:,} areas"


def _generated_line(run: dict) -> str:
    generated = run["generated"]
    if run.get("case") != "inquiries":
        meetings = run.get("generated_meetings") or {}
        return (f"generated in {run['generate_s']} s (migrate {run['migrate_s']} s): "
                f"{generated['covered']} covered, {generated['deputies']} deputies, "
                f"{generated['handovers']} handovers, "
                f"{generated['assignments_ended']} ended assignments, {generated['events']} events; "
                f"{meetings.get('meetings', 0)} meetings, {meetings.get('items', 0)} agenda items, "
                f"{meetings.get('action_items', 0)} action items, "
                f"{meetings.get('attendances', 0)} invitations, "
                f"{meetings.get('time_entries', 0)} time entries")
    inquiries = run["generated_inquiries"]
    statuses = ", ".join(f"{count:,} {status}" for status, count in inquiries["by_status"].items())
    return (f"{inquiries['inquiries']:,} inquiries generated in {run['generate_inquiries_s']} s "
            f"(migrate {run['migrate_s']} s, {run['areas']} areas {run['generate_s']} s): "
            f"{inquiries['events']:,} events; {statuses}; {inquiries['without_area']:,} without "
            f"an area; the area filtered on has {inquiries['busiest_area_inquiries']:,}; "
            f"the inquiry page has {inquiries['detail_events']} events")


def print_table(report: dict) -> None:
    header = (f"{'database':<10} {'data':>12}  {'page':<21} {'median ms':>9} {'p95 ms':>8} "
              f"{'x healthz':>9} {'queries':>7} {'sql ms':>7} {'KiB':>7} {'n':>4}")
    meta = report["meta"]
    print(f"Lokalkontakt bench, {meta['when']}: {meta['machine']} (load average "
          f"{meta['load_average_before_after'][0]} -> {meta['load_average_before_after'][1]}), "
          f"Python {meta['python']}, Django {meta['django']}, {meta['server']} (1 worker), loopback")
    print(header)
    print("-" * len(header))
    for run in report["runs"]:
        prefix = f"{run['database']:<10} {_case_label(run):>12}  "
        if run.get("case") == "search":
            continue
        if not run.get("ok"):
            print(f"{prefix}FAILED: {run.get('error')}")
            continue
        for warning in run.get("warnings", []):
            print(textwrap.fill(f"WARNING: {warning}", width=len(header), initial_indent=prefix,
                                subsequent_indent=" " * len(prefix)))
        for page in run["pages"]:
            print(f"{prefix}{page['name']:<21} "
                  f"{page['median_ms']:>9.1f} {page['p95_ms']:>8.1f} {page['ratio_to_healthz']:>9.1f} "
                  f"{page['queries']:>7} {page['sql_ms_in_process']:>7.1f} "
                  f"{page['bytes'] / 1024:>7.1f} {page['n']:>4}")
        print(textwrap.fill(_generated_line(run), width=len(header),
                            initial_indent=" " * len(prefix), subsequent_indent=" " * len(prefix)))
    print("median/p95: wall time per request over HTTP (connect, request, full body); "
          "x healthz: median / median(/healthz);\nqueries: SQL queries of one request, "
          "in-process (django.test.Client, same database); sql ms: those SELECTs run again "
          "(execute + fetchall);\nKiB: response body; n: timed requests (fewer than asked when "
          "the page's time budget ran out). Inquiry pages: as the coordinator, 50 a page.")
    searches = [run for run in report["runs"] if run.get("case") == "search"]
    if searches:
        from bench.search import print_search_table

        print()
        print_search_table(searches)


# ---------------------------------------------------------------------------------------------
# The child: one database, one size.
# ---------------------------------------------------------------------------------------------

def run_case(args) -> int:
    os.environ["DATABASE_URL"] = args.database_url
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections

    from bench.generate import generate

    areas = args.size if args.kind == "areas" else args.inquiry_areas
    result = {"database": args.database, "case": args.kind, "areas": areas, "ok": False,
              "warnings": []}
    if args.kind == "search":
        result["notes"] = args.size
    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    result["migrate_s"] = round(time.perf_counter() - started, 1)
    started = time.perf_counter()
    generated = generate(areas)
    result["generate_s"] = round(time.perf_counter() - started, 1)
    result["generated"] = generated.__dict__
    print(f"   migrated in {result['migrate_s']} s, generated {areas} areas in "
          f"{result['generate_s']} s", flush=True)
    if args.kind == "search":
        from bench.search import search_case

        search_case(args, result, generated)
        result["ok"] = True
        Path(args.result).write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
        return 0
    if args.kind == "areas":
        from bench.generate_meetings import generate_meetings
        from bench.generate_scheme import generate_scheme
        from bench.generate_time import generate_time

        meetings = generate_meetings(areas)
        result["generated_meetings"] = meetings.__dict__
        result["generated_meetings"]["time_entries"] = generate_time()
        result["generated_scheme"] = generate_scheme()
        pages = [(name, path.format(slug=generated.covered_slug, meeting=meetings.next_pk,
                                    uncovered=generated.uncovered_slug), coord, n, warm)
                 for name, path, coord, n, warm in PAGES]
    else:
        pages = inquiry_case(args.size, result)
    pages = chosen_pages(pages, args.pages)

    if connections["default"].vendor == "postgresql":
        # Planner statistics for the bulk-loaded tables, as autovacuum would gather them within
        # a minute or so in any running installation (SQLite keeps none unless asked).
        with connections["default"].cursor() as cursor:
            cursor.execute("ANALYZE")

    cookie, in_process = measure_in_process(pages, generated.coordinator, profile=args.profile)
    connections.close_all()
    if args.kind == "inquiries":
        check_area_filter(in_process, result)

    server = start_server(args.server, PRODUCTION_WSGI)
    refused = preflight(server.port, pages, cookie)
    if refused and server.kind == "gunicorn":
        result["warnings"].append(
            f"{PRODUCTION_WSGI} refused: " + "; ".join(refused) + ". lokalkontakt/core/roles.py, "
            "which registers the role permissions, is not imported at startup; timed through "
            f"{BENCH_WSGI}, which imports it.")
        print(f"   WARNING: {result['warnings'][-1]}", flush=True)
        server.stop()
        server = start_server(args.server, BENCH_WSGI)
        refused = preflight(server.port, pages, cookie)
    if refused:
        server.stop()
        raise RuntimeError("; ".join(refused))
    result["server"] = f"{server.kind} {server.module}"
    try:
        result["pages"] = []
        for name, path, coord, n, warm in pages:
            timing = time_page(server.port, path, _headers(coord, cookie), n, warm, args.budget)
            result["pages"].append({"name": name, "path": path, "as": _as(coord),
                                    **timing, **in_process[name]})
            print(f"   {name:<21} median {timing['median_ms']:7.1f} ms  p95 {timing['p95_ms']:7.1f} ms"
                  f"  n={timing['n']}", flush=True)
    finally:
        server.stop()
    floor = result["pages"][0]["median_ms"]
    for page in result["pages"]:
        page["ratio_to_healthz"] = round(page["median_ms"] / floor, 2) if floor else None
    for page in result["pages"]:
        page.pop("_rows", None)
        profile = page.pop("_profile", None)
        if profile and page["median_ms"] > args.profile_over:
            page["profile"] = profile
            print(f"\n--- profile: {page['name']} ({args.database}, {args.size} {args.kind})"
                  f"\n{profile}", flush=True)
    result["ok"] = True
    Path(args.result).write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    return 0


def chosen_pages(pages: list, names: list[str]) -> list:
    """The pages named by --page (all when none is), always with /healthz first: the floor."""
    wanted = set(names)
    return [page for page in pages if not wanted or page[0] in wanted | {"healthz"}]


def inquiry_case(count: int, result: dict) -> list:
    """Adds `count` inquiries; returns INQUIRY_PAGES with the area filter and inquiry filled in."""
    from bench.generate_inquiries import generate_inquiries

    started = time.perf_counter()
    generated = generate_inquiries(count)
    result["inquiries"] = count
    result["generate_inquiries_s"] = round(time.perf_counter() - started, 1)
    result["generated_inquiries"] = generated.__dict__
    print(f"   generated {count:,} inquiries and {generated.events:,} events in "
          f"{result['generate_inquiries_s']} s", flush=True)
    from bench.generate_access_log import generate_access_log

    started = time.perf_counter()
    log = generate_access_log(detail_pk=generated.detail_pk)
    result["generated_access_log"] = {**log.__dict__, "s": round(time.perf_counter() - started, 1)}
    print(f"   generated {log.entries:,} access-log entries in {result['generated_access_log']['s']} s "
          f"({log.person_entries:,} about inquiries from “{log.person}”)", flush=True)
    from bench.api import api_key_header, inquiries_cursor_halfway
    from lokalkontakt.api.scopes import Scope

    API_HEADERS["Authorization"] = api_key_header([Scope.INQUIRIES_READ])
    cursor = inquiries_cursor_halfway()
    query, warning = area_filter(generated.busiest_area_pk, generated.busiest_area_slug)
    if warning:
        result["warnings"].append(warning)
        print(f"   WARNING: {warning}", flush=True)
    return [(name, path.format(area=query, pk=generated.detail_pk, person=quote(log.person),
                               user=log.username, cursor=cursor), coord, n, warm)
            for name, path, coord, n, warm in INQUIRY_PAGES]


AREA_FILTER_NAMES = ("area", "omraade", "local_area")


def area_filter(pk: int, slug: str) -> tuple[str, str]:
    """The inquiry list's area filter as a query string, from the list's filter form: the field
    named area (omraade, local_area) or choosing a LocalArea, by its to_field_name (pk or slug).
    Without such a field `area=<pk>` is sent anyway and a warning returned."""
    from django import forms

    from lokalkontakt.areas.models import LocalArea
    from lokalkontakt.inquiries.forms import ListFilterForm

    fields = ListFilterForm.base_fields
    for name, form_field in fields.items():
        model = getattr(getattr(form_field, "queryset", None), "model", None)
        if name in AREA_FILTER_NAMES or model is LocalArea:
            if isinstance(form_field, forms.ModelChoiceField):
                value = slug if form_field.to_field_name == "slug" else pk
            else:
                value = slug if any(choice == slug for choice, _label in
                                    getattr(form_field, "choices", [])) else pk
            return f"{name}={quote(str(value))}", ""
    return f"area={pk}", ("the inquiry list has no area filter yet (ListFilterForm has no area "
                          "field), so 'inquiries by area' shows every inquiry, like "
                          "'inquiries, any status'")


def check_area_filter(in_process: dict, result: dict) -> None:
    """Warn when the list by area shows the same rows as the unfiltered list (filter ignored)."""
    if "inquiries by area" not in in_process or "inquiries, any status" not in in_process:
        return  # not timed in this run (--page)
    by_area = in_process["inquiries by area"].get("_rows")
    unfiltered = in_process["inquiries, any status"].get("_rows")
    if by_area == unfiltered and not any("no area filter" in w for w in result["warnings"]):
        warning = ("'inquiries by area' shows the same rows as 'inquiries, any status': "
                   "the list ignores the area filter")
        result["warnings"].append(warning)
        print(f"   WARNING: {warning}", flush=True)


def replay(connection, captured) -> float:
    """Seconds the database needs for a page's SELECTs: each one run again, execute + fetchall
    (SQLite computes most rows while they are fetched, so timing execute alone says too little)."""
    seconds = 0.0
    with connection.cursor() as cursor:
        for query in captured:
            if not query["sql"].lstrip().upper().startswith("SELECT"):
                continue
            started = time.perf_counter()
            cursor.execute(query["sql"])
            cursor.fetchall()
            seconds += time.perf_counter() - started
    return seconds


def measure_in_process(pages, coordinator: str, *, profile: bool):
    """Queries, SQL time and render time per page, with django.test.Client on the same
    database; returns the coordinator's session cookie for the HTTP runs as well."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    anonymous, signed_in, keyed = Client(), Client(), Client(headers=API_HEADERS)
    signed_in.force_login(get_user_model().objects.get(username=coordinator))
    session = signed_in.cookies[settings.SESSION_COOKIE_NAME].value
    figures = {}
    for name, path, coord, _n, _warm in pages:
        client = keyed if coord == KEY else signed_in if coord else anonymous
        response = client.get(path)
        assert response.status_code == 200, f"{path} did not answer 200 in-process"
        totals = []
        for _ in range(3):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                client.get(path)
                totals.append(time.perf_counter() - started)
        sql = [replay(connection, queries.captured_queries) for _ in range(3)]
        figures[name] = {"queries": len(queries.captured_queries),
                         "sql_ms_in_process": round(statistics.median(sql) * 1000, 2),
                         "in_process_ms": round(statistics.median(totals) * 1000, 2),
                         # the inquiries a list shows (links to inquiry pages), in order
                         "_rows": INQUIRY_LINK.findall(response.content.decode(errors="replace"))}
        if profile:
            figures[name]["_profile"] = profile_request(client, path)
    return f"{settings.SESSION_COOKIE_NAME}={session}", figures


INQUIRY_LINK = re.compile(r'href="/henvendelser/(\d+)/"')
PRODUCTION_WSGI = "lokalkontakt.config.wsgi"
BENCH_WSGI = "bench.wsgi"


# (label, file ending, function): inclusive time under cProfile, shown as a share of the request.
PROFILE_PARTS = [
    ("SQL: execute + fetch", "django/db/models/sql/compiler.py", "execute_sql"),
    ("rows -> model instances", "django/db/models/base.py", "from_db"),
    ("template rendering", "django/template/backends/django.py", "render"),
    ("  of which URL reversing", "django/urls/base.py", "reverse"),
    ("  of which gettext", "django/utils/translation/__init__.py", "gettext"),
]


def profile_request(client, path: str) -> str:
    """Where one request's time goes: a few inclusive figures, then the top functions by own time.
    cProfile slows Python code more than the database, so read the shares as rough."""
    profiler = cProfile.Profile()
    profiler.runcall(client.get, path)
    stats = pstats.Stats(profiler)
    total = max(stats.total_tt, 1e-9)
    lines = [f"{path}: {total * 1000:.0f} ms under cProfile"]
    for label, ending, function in PROFILE_PARTS:
        inclusive = sum(values[3] for (filename, _line, name), values in stats.stats.items()
                        if filename.endswith(ending) and name == function)
        lines.append(f"  {label:<26} {inclusive * 1000:7.0f} ms  {inclusive / total:5.0%}")
    text = io.StringIO()
    stats.stream = text
    stats.sort_stats("tottime").print_stats(12)
    lines.append(text.getvalue().split("\n\n", 1)[-1].rstrip())
    return "\n".join(lines)


class Server:
    def __init__(self, kind, port, stop, module):
        self.kind, self.port, self.stop, self.module = kind, port, stop, module


def preflight(port: int, pages, cookie: str) -> list[str]:
    """Every page once; returns what did not answer 200."""
    refused = []
    for name, path, coord, _n, _warm in pages:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        try:
            connection.request("GET", path, headers=_headers(coord, cookie))
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                refused.append(f"{name} ({path}, as {_as(coord)}) "
                               f"answered {response.status}")
        finally:
            connection.close()
    return refused


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _ready(port: int, seconds: float, alive=lambda: True) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and alive():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        try:
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return True
        except OSError:
            time.sleep(0.1)
        finally:
            connection.close()
    return False


def start_server(kind: str, module: str) -> Server:
    """gunicorn with one sync worker (as in production); an in-process wsgiref thread when
    asked for, or when gunicorn does not come up."""
    if kind == "gunicorn":
        port = _free_port()
        log = tempfile.NamedTemporaryFile(prefix="lk-bench-gunicorn-", suffix=".log", delete=False)  # noqa: SIM115
        process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "gunicorn", module, "-b", f"127.0.0.1:{port}",
             "-w", "1", "--timeout", "120", "--graceful-timeout", "5"],
            cwd=ROOT, env=os.environ.copy(), stdout=log, stderr=subprocess.STDOUT)

        def stop():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
            log.close()
            os.unlink(log.name)

        if _ready(port, 30, alive=lambda: process.poll() is None):
            return Server("gunicorn", port, stop, module)
        log.flush()
        print("   gunicorn did not start; falling back to wsgiref. Its log:\n"
              + Path(log.name).read_text(errors="replace")[-2000:], flush=True)
        stop()
    return _start_wsgiref()


def _start_wsgiref() -> Server:
    from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

    from django.core.wsgi import get_wsgi_application

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    port = _free_port()
    httpd = make_server("127.0.0.1", port, get_wsgi_application(), WSGIServer, QuietHandler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
    thread.start()

    def stop():
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)

    if not _ready(port, 10):
        stop()
        raise RuntimeError("the wsgiref server did not answer /healthz")
    return Server("wsgiref (in-process thread)", port, stop, "django.core.wsgi")


def _headers(coord, cookie: str) -> dict:
    """The request headers of a page: the API key, the coordinator's session, or none."""
    if coord == KEY:
        return dict(API_HEADERS)
    return {"Cookie": cookie} if coord else {}


def _as(coord) -> str:
    return "API key" if coord == KEY else "coordinator" if coord else "anonymous"


def time_page(port: int, path: str, headers: dict, n: int, warmup: int, budget: float) -> dict:
    """`warmup` untimed requests, then up to `n` timed ones, stopping early after `budget` s."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

    def get():
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        if response.status != 200:
            raise RuntimeError(f"GET {path} answered {response.status}")
        return body

    for _ in range(warmup):
        get()
    samples, size = [], 0
    deadline = time.monotonic() + budget
    for _ in range(n):
        started = time.perf_counter()
        size = len(get())
        samples.append(time.perf_counter() - started)
        if time.monotonic() > deadline:
            break
    connection.close()
    ordered = sorted(samples)
    return {
        "n": len(samples), "bytes": size,
        "median_ms": round(statistics.median(ordered) * 1000, 2),
        "p95_ms": round(ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)] * 1000, 2),
        "mean_ms": round(statistics.fmean(ordered) * 1000, 2),
        "min_ms": round(ordered[0] * 1000, 2), "max_ms": round(ordered[-1] * 1000, 2),
    }


if __name__ == "__main__":
    sys.exit(main())
