# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The printed table of bench.run: one row per page and case, with its ratios to the floors."""

import textwrap

from bench.goals import GOAL_GROWTH, GOAL_HEALTHZ, GOAL_LAYOUT, GOAL_THROUGHPUT, misses, throughput_ratio
from bench.pages import LAYOUT_PUBLIC, LAYOUT_STAFF


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


def _ratio(value) -> str:
    return "-" if value is None else f"{value:.1f}"


def print_table(report: dict) -> None:
    header = (f"{'database':<10} {'data':>12}  {'page':<22} {'median ms':>9} {'p95 ms':>8} "
              f"{'x healthz':>9} {'x layout':>8} {'growth':>6} {'queries':>7} {'sql ms':>7} "
              f"{'KiB':>7} {'n':>4}  misses")
    meta = report["meta"]
    before, after = meta.get("load_averages_before_after") or [[value] for value in
                                                               meta["load_average_before_after"]]
    print(f"Lokalkontakt bench, {meta['when']}: {meta['machine']} (load average 1/5/15 min "
          f"{' '.join(map(str, before))} -> {' '.join(map(str, after))}), "
          f"Python {meta['python']}, Django {meta['django']}, {meta['server']} (1 worker), loopback")
    print(f"Floors: healthz = /healthz (no template); layout = /privatliv/, the cheapest page with "
          f"the whole base template (static text, no query of its own), timed as the public "
          f"(anonymous, API key pages: '{LAYOUT_PUBLIC}') and as the coordinator (their pages: "
          f"'{LAYOUT_STAFF}'), whose header, menu and footer differ.")
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
            print(f"{prefix}{page['name']:<22} "
                  f"{page['median_ms']:>9.1f} {page['p95_ms']:>8.1f} "
                  f"{_ratio(page.get('ratio_to_healthz')):>9} {_ratio(page.get('ratio_to_layout')):>8} "
                  f"{_ratio(page.get('growth')):>6} "
                  f"{page['queries']:>7} {page['sql_ms_in_process']:>7.1f} "
                  f"{page['bytes'] / 1024:>7.1f} {page['n']:>4}  {' '.join(misses(page))}")
        print(textwrap.fill(_generated_line(run), width=len(header),
                            initial_indent=" " * len(prefix), subsequent_indent=" " * len(prefix)))
    print("median/p95: wall time per request over HTTP (connect, request, full body); "
          "x healthz: median / median(/healthz);\nx layout: median / median of the layout floor "
          "of the page's audience; growth: median / the same page's median in the smallest case "
          "of its kind (30 areas, 100 inquiries),\nshown on the largest case; "
          f"misses: the goals missed (layout: over {GOAL_LAYOUT:g}x the layout floor, healthz: over "
          f"{GOAL_HEALTHZ:g}x /healthz, growth: over {GOAL_GROWTH:g}x);\nqueries: SQL queries of "
          "one request, in-process (django.test.Client, same database); sql ms: those SELECTs run "
          "again (execute + fetchall);\nKiB: response body; n: timed requests (fewer than asked "
          "when the page's time budget ran out). Inquiry pages: as the coordinator, 50 a page.")
    print_goal(report)
    loads = [run for run in report["runs"] if run.get("load")]
    for run in loads:
        print()
        print_load(run)
    searches = [run for run in report["runs"] if run.get("case") == "search"]
    if searches:
        from bench.search import print_search_table

        print()
        print_search_table(searches)


def print_goal(report: dict) -> None:
    """Per case, the pages that miss a goal and what they miss (the JSON's `goal`)."""
    goal = report.get("goal") or {}
    sizes = {(run["database"], run["case"], run.get("inquiries", run.get("areas"))): run
             for run in report["runs"] if run.get("ok") and run.get("pages")}
    for case in goal.get("cases", []):
        run = sizes.get((case["database"], case["case"], case["size"]))
        total = len(run["pages"]) if run else "?"
        label = _case_label(run) if run else case["size"]
        missing = case["pages_missing"]
        listed = "; ".join(f"{name} ({', '.join(goals)})" for name, goals in missing.items())
        print(textwrap.fill(f"Goal, {case['database']}, {label}: {len(missing)} of {total} pages "
                            f"miss{': ' + listed if listed else ''}", width=130,
                            subsequent_indent="  "))


def _mib(kib) -> str:
    return "-" if kib is None else f"{kib / 1024:.0f} MiB"


def print_load(run: dict) -> None:
    """The load test of one case: per page and over all, the throughput alone, peak memory."""
    load = run["load"]
    title = f"Under load: {run['database']}, {_case_label(run)}"
    if load.get("error"):
        print(f"{title}: FAILED: {load['error']}")
        return
    mix = load["mix"]
    before, after = load["load_average_before_after"]
    print(f"{title}: {load['server']}, {load['workers']} worker processes (gthread), "
          f"{mix['clients']} clients, "
          f"{mix['n']:,} of {mix['asked']:,} requests in {mix['wall_s']} s (load average 1/5/15 min "
          f"{' '.join(map(str, before))} -> {' '.join(map(str, after))})")
    header = f"  {'page':<22} {'n':>5} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>6}"
    print(header)
    print("  " + "-" * (len(header) - 2))
    for page in [*mix["pages"], {**mix, "name": "all"}]:
        print(f"  {page['name']:<22} {page['n']:>5} {page['rps']:>7.1f} {page['p50_ms']:>8.1f} "
              f"{page['p95_ms']:>8.1f} {page['p99_ms']:>8.1f} {page['errors']:>6}")
    for sample in mix.get("error_samples", []):
        print(f"  error: {sample}")
    alone, ratio = load["alone"], throughput_ratio(load)
    verdict = "-" if ratio is None else ("meets" if ratio >= GOAL_THROUGHPUT else "MISSES")
    print("  alone (" + ", ".join(
        f"{name}: {figures['n']:,} requests, {figures['rps']} req/s, p95 {figures['p95_ms']} ms, "
        f"{figures['errors']} errors" for name, figures in alone.items())
        + f"): directory / healthz = {_ratio(ratio)}x ({verdict} the goal, at least "
          f"{GOAL_THROUGHPUT:g}x)")
    memory = run.get("memory") or {}
    jobs, pdf = memory.get("run_jobs") or {}, memory.get("briefing_pack_pdf") or {}
    workers = ", ".join(_mib(kib) for kib in load.get("worker_peak_rss_kib", [])) or "-"
    print(f"  peak memory (resident high-water mark): gunicorn workers after the load {workers}; "
          f"run_jobs {_mib(jobs.get('peak_rss_kib'))} ({jobs.get('s')} s, exit "
          f"{jobs.get('returncode')}); briefing pack PDF {_mib(pdf.get('process_peak_rss_kib'))} "
          f"(+{_mib(pdf.get('peak_rss_added_kib'))} over the warm process, {pdf.get('ms')} ms, "
          f"{(pdf.get('bytes') or 0) / 1024:.0f} KiB, status {pdf.get('status')})")
