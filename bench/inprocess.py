# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""In-process figures of a page (django.test.Client): queries, SQL time, a profile."""

import cProfile
import io
import pstats
import re
import statistics
import time

from bench.pages import API_HEADERS, KEY


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
