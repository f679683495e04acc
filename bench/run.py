# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Time Lokalkontakt's main pages at 30 and 3,000 local areas, and the inquiry pages at 100
and 100,000 inquiries, against the /healthz floor.

For each database (SQLite always; PostgreSQL too when DATABASE_URL points at a server) and each
case (a number of areas, or a number of inquiries in a municipality of --inquiry-areas areas),
a child process (`python -m bench.run --case ...`) creates a fresh database, migrates it,
fills it with bench.generate (and bench.generate_inquiries), counts the SQL queries per page
in-process (django.test.Client), starts gunicorn (one worker process, gthread as
gunicorn.conf.py sets, never replaced during the run) on a free loopback port and times
each page over HTTP with http.client against two floors: /healthz and the layout floor
(bench/pages.py). In an area case it then runs the load test (bench/load.py: two workers, eight
clients, a mix of public and staff pages) and measures peak memory (bench/memory.py: a worker,
run_jobs, a briefing pack's PDF), unless --no-load. This parent adds each page's growth from the
smallest case to the largest (bench/goals.py), prints one table (bench/report.py) and writes
every figure to bench/out/latest.json.

Only loopback traffic; every loop is bounded by a request count and a time budget per page.
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench.cases import check_area_filter, inquiry_case
from bench.goals import add_growth, add_ratios, goal_summary
from bench.inprocess import measure_in_process
from bench.load import LOAD_CLIENTS, LOAD_REQUESTS, LOAD_TIMEOUT_S, LOAD_WORKERS
from bench.pages import FLOOR_NAMES, INQUIRY_PAGES, PAGES
from bench.report import print_table
from bench.serve import _as, _headers, preflight, retime_floor, start_server, time_page

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
                             "empty or 0 for none)")
    parser.add_argument("--inquiries", default=",".join(map(str, INQUIRY_SIZES)),
                        help="comma-separated numbers of inquiries for the inquiry pages "
                             "(default 100,100000; empty or 0 for none)")
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
                             "the floors healthz and layout always), e.g. --page \"API: areas\"; "
                             "default all")
    parser.add_argument("--keep", action="store_true",
                        help="keep the databases (PostgreSQL lk_bench_*, the SQLite files in "
                             "the temporary directories) for EXPLAIN or `python -m bench.search`")
    parser.add_argument("--no-postgres", action="store_true",
                        help="SQLite only, even when DATABASE_URL points at PostgreSQL")
    parser.add_argument("--load", action=argparse.BooleanOptionalAction, default=True,
                        help="in every area case, the load test (gunicorn with --load-workers "
                             "worker processes (gthread, never replaced during the run), "
                             "--load-clients clients, --load-requests requests over "
                             "public and staff pages) and the peak memory of a worker, run_jobs "
                             "and a briefing pack's PDF (default: on; --no-load to skip)")
    parser.add_argument("--load-requests", type=int, default=LOAD_REQUESTS,
                        help=f"requests in the load test's mix (default {LOAD_REQUESTS}; half as "
                             "many for /healthz and the directory alone)")
    parser.add_argument("--load-clients", type=int, default=LOAD_CLIENTS,
                        help=f"concurrent clients of the load test (default {LOAD_CLIENTS})")
    parser.add_argument("--load-workers", type=int, default=LOAD_WORKERS,
                        help=f"gunicorn worker processes (gthread) of the load test (default {LOAD_WORKERS})")
    args = parser.parse_args(argv)
    if args.case:
        return run_case(args)
    unknown = set(args.pages) - {page[0] for page in PAGES + INQUIRY_PAGES}
    if unknown:
        parser.error(f"--page: no page named {', '.join(sorted(unknown))}")

    # 0 or an empty list: no case of that kind (as --notes 0 leaves out the search case)
    cases = ([("areas", int(size)) for size in args.sizes.split(",") if size.strip() and int(size)]
             + [("inquiries", int(size)) for size in args.inquiries.split(",")
                if size.strip() and int(size)])
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
    add_growth(runs)
    load_after = os.getloadavg()
    report = {
        "meta": {
            "when": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "python": platform.python_version(), "django": _django_version(),
            "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs",
            "server": args.server, "budget_s_per_page": args.budget,
            "total_s": round(time.monotonic() - started, 1),
            # Other work on the machine shows up in p95 first; compare runs with similar load.
            "load_average_before_after": [round(load_before[0], 2), round(load_after[0], 2)],
            # 1, 5 and 15 minutes, before and after
            "load_averages_before_after": [[round(value, 2) for value in load_before],
                                           [round(value, 2) for value in load_after]],
        },
        "goal": goal_summary(runs),
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
    if args.load and kind == "areas":
        timeout += LOAD_TIMEOUT_S
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
        if args.load and kind == "areas":
            command += ["--load", "--load-requests", str(args.load_requests),
                        "--load-clients", str(args.load_clients),
                        "--load-workers", str(args.load_workers)]
        else:
            command += ["--no-load"]
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
    from lokalkontakt.core import tablewrites

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
    # The record of which tables were written, as run_jobs leaves it every 15 minutes (a row a
    # table): the generators' statements recorded there are the bulk load's, not a day's use.
    tablewrites.prune()

    if connections["default"].vendor == "postgresql":
        # Planner statistics and the visibility map for the bulk-loaded tables, as autovacuum
        # would gather and set them within a minute or so in any running installation (it
        # vacuums tables that only grow, too, since PostgreSQL 13): without the visibility map a
        # count reads every row from the table instead of answering from an index, which no
        # running installation does for long (SQLite keeps no statistics unless asked).
        with connections["default"].cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")

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
        for page, (_name, _path, coord, _n, warm) in zip(result["pages"], pages, strict=True):
            if page["name"] in FLOOR_NAMES:
                retime_floor(page, server.port, _headers(coord, cookie), warm, args.budget)
                print(f"   {page['name']:<21} again: median {page['median_last_ms']:7.1f} ms "
                      f"(first {page['median_first_ms']:.1f}); both: {page['median_ms']:.1f} ms",
                      flush=True)
    finally:
        server.stop()
    for page in result["pages"]:
        page.pop("_samples", None)
    add_ratios(result["pages"])
    for page in result["pages"]:
        page.pop("_rows", None)
        profile = page.pop("_profile", None)
        if profile and page["median_ms"] > args.profile_over:
            page["profile"] = profile
            print(f"\n--- profile: {page['name']} ({args.database}, {args.size} {args.kind})"
                  f"\n{profile}", flush=True)
    if args.load and args.kind == "areas":
        load_and_memory(args, result, server.module, cookie, generated, meetings.next_pk)
    result["ok"] = True
    Path(args.result).write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    return 0


def chosen_pages(pages: list, names: list[str]) -> list:
    """The pages named by --page (all when none is), always with the floors first: /healthz
    and the layout floors."""
    wanted = set(names)
    return [page for page in pages if not wanted or page[0] in wanted | set(FLOOR_NAMES)]


def load_and_memory(args, result: dict, module: str, cookie: str, generated, meeting) -> None:
    """The load test (result["load"]), then the peak memory of run_jobs and of a briefing
    pack's PDF (result["memory"]); a failure is recorded and printed, not raised."""
    from bench.load import PDF_TIMEOUT_S, RUN_JOBS_TIMEOUT_S, load_case
    from bench.memory import pdf_memory, run_jobs_memory

    print(f"   load test: {args.load_requests} requests, {args.load_clients} clients, "
          f"{args.load_workers} workers", flush=True)
    try:
        result["load"] = load_case(kind=args.server, module=module, cookie=cookie,
                                   slug=generated.covered_slug, meeting=meeting,
                                   requests=args.load_requests, clients=args.load_clients,
                                   workers=args.load_workers)
        mix = result["load"]["mix"]
        print(f"   load: {mix['rps']} req/s, p95 {mix['p95_ms']} ms, {mix['errors']} errors",
              flush=True)
    except Exception as error:  # noqa: BLE001 - the page timings stand without it
        result["load"] = {"error": f"{type(error).__name__}: {error}"}
        print(f"   load test FAILED: {result['load']['error']}", flush=True)
    pdf_path = next(path for name, path, *_rest in PAGES if name == "briefing pack, PDF")
    result["memory"] = {
        "run_jobs": run_jobs_memory(timeout=RUN_JOBS_TIMEOUT_S),
        "briefing_pack_pdf": pdf_memory(pdf_path.format(slug=generated.covered_slug),
                                        generated.coordinator, timeout=PDF_TIMEOUT_S),
    }
    print(f"   memory: run_jobs {result['memory']['run_jobs']['peak_rss_kib']} KiB, "
          f"briefing pack PDF {result['memory']['briefing_pack_pdf'].get('process_peak_rss_kib')} KiB",
          flush=True)


PRODUCTION_WSGI = "lokalkontakt.config.wsgi"
BENCH_WSGI = "bench.wsgi"


if __name__ == "__main__":
    sys.exit(main())
