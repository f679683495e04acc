"""Time Lokalkontakt's main pages at 30 and 3,000 local areas against the /healthz floor.

For each database (SQLite always; PostgreSQL too when DATABASE_URL points at a server) and each
size, a child process (`python -m bench.run --case ...`) creates a fresh database, migrates it,
fills it with bench.generate, counts the SQL queries per page in-process (django.test.Client),
starts gunicorn (one sync worker) on a free loopback port and times each page over HTTP with
http.client. This parent prints one table and writes every figure to bench/out/latest.json.

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
SETTINGS = "lokalkontakt.config.settings"


# name, path (may hold {slug}), signed in as coordinator?, requests, warm-up requests
PAGES = [
    ("healthz", "/healthz", False, 200, 20),
    ("directory", "/omraader/", False, 200, 10),
    ("directory search", "/omraader/?q=" + quote("øster"), False, 100, 5),
    ("directory uncovered", "/omraader/?coverage=uncovered", False, 100, 5),
    ("area page", "/omraader/{slug}/", False, 200, 10),
    ("area page (coord.)", "/omraader/{slug}/", True, 100, 5),
    ("coverage overview", "/koordinering/", True, 100, 5),
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
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)),
                        help="comma-separated numbers of local areas (default 30,3000)")
    parser.add_argument("--budget", type=float, default=12.0,
                        help="seconds at most per page and size (default 12)")
    parser.add_argument("--server", choices=["gunicorn", "wsgiref"], default="gunicorn",
                        help="gunicorn (production, default) or an in-process wsgiref thread")
    parser.add_argument("--profile", action="store_true",
                        help="print where the time goes for every page slower than 100 ms")
    parser.add_argument("--no-postgres", action="store_true",
                        help="SQLite only, even when DATABASE_URL points at PostgreSQL")
    args = parser.parse_args(argv)
    if args.case:
        return run_case(args)

    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    databases = [("sqlite", None)]
    server_url = os.environ.get("DATABASE_URL", "")
    if server_url.startswith(("postgres://", "postgresql://")) and not args.no_postgres:
        databases.append(("postgresql", server_url))
    started, load_before = time.monotonic(), os.getloadavg()
    runs = []
    for database, url in databases:
        for size in sizes:
            print(f"== {database}, {size} areas", flush=True)
            runs.append(run_child(database, url, size, args))
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


def run_child(database: str, server_url: str | None, size: int, args) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix=f"lk-bench-{database}-{size}-"))
    result_file = workdir / "result.json"
    dbname = f"lk_bench_{size}"
    failed = {"database": database, "areas": size, "ok": False}
    try:
        if database == "sqlite":
            url = f"sqlite:///{workdir / 'bench.sqlite3'}"
        else:
            _pg_admin(server_url, f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
            _pg_admin(server_url, f'CREATE DATABASE "{dbname}"')
            url = urlunsplit(urlsplit(server_url)._replace(path=f"/{dbname}"))
        command = [sys.executable, "-m", "bench.run", "--case", "--database", database,
                   "--database-url", url, "--size", str(size), "--result", str(result_file),
                   "--budget", str(args.budget), "--server", args.server]
        if args.profile:
            command.append("--profile")
        child = subprocess.run(command, cwd=ROOT, env=_env(url), timeout=900, check=False)  # noqa: S603
        if child.returncode == 0 and result_file.exists():
            return json.loads(result_file.read_text(encoding="utf-8"))
        return {**failed, "error": f"child exited with {child.returncode}"}
    except subprocess.TimeoutExpired:
        return {**failed, "error": "timed out after 900 s"}
    except Exception as error:  # noqa: BLE001 - e.g. the PostgreSQL server is not reachable
        return {**failed, "error": f"{type(error).__name__}: {error}"}
    finally:
        if database != "sqlite":
            try:
                _pg_admin(server_url, f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
            except Exception as error:  # noqa: BLE001
                print(f"   could not drop {dbname}: {error}", flush=True)
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


def print_table(report: dict) -> None:
    header = (f"{'database':<10} {'areas':>5}  {'page':<21} {'median ms':>9} {'p95 ms':>8} "
              f"{'x healthz':>9} {'queries':>7} {'sql ms':>7} {'KiB':>7} {'n':>4}")
    meta = report["meta"]
    print(f"Lokalkontakt bench, {meta['when']}: {meta['machine']} (load average "
          f"{meta['load_average_before_after'][0]} -> {meta['load_average_before_after'][1]}), "
          f"Python {meta['python']}, Django {meta['django']}, {meta['server']} (1 worker), loopback")
    print(header)
    print("-" * len(header))
    for run in report["runs"]:
        if not run.get("ok"):
            print(f"{run['database']:<10} {run['areas']:>5}  FAILED: {run.get('error')}")
            continue
        for warning in run.get("warnings", []):
            print(textwrap.fill(f"WARNING: {warning}", width=len(header),
                                initial_indent=f"{run['database']:<10} {run['areas']:>5}  ",
                                subsequent_indent=" " * 18))
        for page in run["pages"]:
            print(f"{run['database']:<10} {run['areas']:>5}  {page['name']:<21} "
                  f"{page['median_ms']:>9.1f} {page['p95_ms']:>8.1f} {page['ratio_to_healthz']:>9.1f} "
                  f"{page['queries']:>7} {page['sql_ms_in_process']:>7.1f} "
                  f"{page['bytes'] / 1024:>7.1f} {page['n']:>4}")
        print(f"{'':<18}generated in {run['generate_s']} s (migrate {run['migrate_s']} s): "
              f"{run['generated']['covered']} covered, {run['generated']['deputies']} deputies, "
              f"{run['generated']['handovers']} handovers, "
              f"{run['generated']['assignments_ended']} ended assignments, "
              f"{run['generated']['events']} events")
    print("median/p95: wall time per request over HTTP (connect, request, full body); "
          "x healthz: median / median(/healthz);\nqueries: SQL queries of one request, "
          "in-process (django.test.Client, same database); sql ms: those SELECTs run again "
          "(execute + fetchall);\nKiB: response body; n: timed requests (fewer than asked when "
          "the page's time budget ran out).")


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

    result = {"database": args.database, "areas": args.size, "ok": False}
    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    result["migrate_s"] = round(time.perf_counter() - started, 1)
    started = time.perf_counter()
    generated = generate(args.size)
    result["generate_s"] = round(time.perf_counter() - started, 1)
    result["generated"] = generated.__dict__
    print(f"   migrated in {result['migrate_s']} s, generated {args.size} areas in "
          f"{result['generate_s']} s", flush=True)

    pages = [(name, path.format(slug=generated.covered_slug), coord, n, warm)
             for name, path, coord, n, warm in PAGES]
    cookie, in_process = measure_in_process(pages, generated.coordinator, profile=args.profile)
    connections.close_all()

    server = start_server(args.server, PRODUCTION_WSGI)
    result["warnings"] = []
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
            timing = time_page(server.port, path, cookie if coord else "", n, warm, args.budget)
            result["pages"].append({"name": name, "path": path, "as": "coordinator" if coord
                                    else "anonymous", **timing, **in_process[name]})
            print(f"   {name:<21} median {timing['median_ms']:7.1f} ms  p95 {timing['p95_ms']:7.1f} ms"
                  f"  n={timing['n']}", flush=True)
    finally:
        server.stop()
    floor = result["pages"][0]["median_ms"]
    for page in result["pages"]:
        page["ratio_to_healthz"] = round(page["median_ms"] / floor, 2) if floor else None
    for page in result["pages"]:
        profile = page.pop("_profile", None)
        if profile and page["median_ms"] > PROFILE_OVER_MS:
            page["profile"] = profile
            print(f"\n--- profile: {page['name']} ({args.database}, {args.size} areas)\n{profile}",
                  flush=True)
    result["ok"] = True
    Path(args.result).write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    return 0


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

    anonymous, signed_in = Client(), Client()
    signed_in.force_login(get_user_model().objects.get(username=coordinator))
    session = signed_in.cookies[settings.SESSION_COOKIE_NAME].value
    figures = {}
    for name, path, coord, _n, _warm in pages:
        client = signed_in if coord else anonymous
        assert client.get(path).status_code == 200, f"{path} did not answer 200 in-process"
        totals = []
        for _ in range(3):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                client.get(path)
                totals.append(time.perf_counter() - started)
        sql = [replay(connection, queries.captured_queries) for _ in range(3)]
        figures[name] = {"queries": len(queries.captured_queries),
                         "sql_ms_in_process": round(statistics.median(sql) * 1000, 2),
                         "in_process_ms": round(statistics.median(totals) * 1000, 2)}
        if profile:
            figures[name]["_profile"] = profile_request(client, path)
    return f"{settings.SESSION_COOKIE_NAME}={session}", figures


PRODUCTION_WSGI = "lokalkontakt.config.wsgi"
BENCH_WSGI = "bench.wsgi"


PROFILE_OVER_MS = 100  # --profile shows the pages slower than this (median over HTTP)
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
            connection.request("GET", path, headers={"Cookie": cookie} if coord else {})
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                refused.append(f"{name} ({path}{', as coordinator' if coord else ''}) "
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


def time_page(port: int, path: str, cookie: str, n: int, warmup: int, budget: float) -> dict:
    """`warmup` untimed requests, then up to `n` timed ones, stopping early after `budget` s."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    headers = {"Cookie": cookie} if cookie else {}

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
