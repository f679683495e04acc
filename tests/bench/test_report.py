# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The printed table: both ratios, the growth and the goals missed; the load test's section."""

from bench.goals import add_growth, goal_summary
from bench.report import print_table
from tests.bench.test_goals import area_run


def figures(n, rps, p50, errors=0):
    return {"n": n, "rps": rps, "p50_ms": p50, "p95_ms": p50 * 2, "p99_ms": p50 * 3,
            "mean_ms": p50, "errors": errors}


def report():
    small, large = area_run(30, (20.0, 16.0, 4.0)), area_run(3000, (40.0, 40.0, 4.0))
    for run in (small, large):
        for page in run["pages"]:
            page.update(p95_ms=page["median_ms"] * 2, queries=4, sql_ms_in_process=1.0,
                        bytes=2048, n=100)
        run.update(generated={"covered": 1, "deputies": 0, "handovers": 0,
                              "assignments_ended": 0, "events": 0},
                   generate_s=1.0, migrate_s=2.0)
    add_growth([small, large])
    large["load"] = {
        "server": "gunicorn lokalkontakt.config.wsgi", "workers": 2,
        "mix": {**figures(200, 50.0, 30.0, errors=1), "clients": 8, "asked": 200, "wall_s": 4.0,
                "pages": [{"name": "directory", **figures(100, 25.0, 40.0, errors=1)},
                          {"name": "healthz", **figures(100, 25.0, 5.0)}],
                "error_samples": ["/omraader/: 502"]},
        "alone": {"healthz": figures(100, 400.0, 4.0), "directory": figures(100, 80.0, 20.0)},
        "worker_peak_rss_kib": [102400, 110592],
        "load_average_before_after": [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]],
    }
    large["memory"] = {
        "run_jobs": {"peak_rss_kib": 153600, "s": 3.2, "returncode": 0},
        "briefing_pack_pdf": {"process_peak_rss_kib": 204800, "peak_rss_added_kib": 51200,
                              "ms": 900.0, "bytes": 15360, "status": 200},
    }
    runs = [small, large]
    return {"meta": {"when": "2026-12-07T05:00:00+00:00", "machine": "Linux x86_64, 2 CPUs",
                     "python": "3.11", "django": "5.2", "server": "gunicorn",
                     "load_average_before_after": [1.0, 4.0],
                     "load_averages_before_after": [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]},
            "goal": goal_summary(runs), "runs": runs}


def test_the_table_shows_both_ratios_the_growth_and_what_each_page_misses(capsys):
    data = report()
    print_table(data)
    lines = capsys.readouterr().out.splitlines()
    assert "load average 1/5/15 min 1.0 2.0 3.0 -> 4.0 5.0 6.0" in lines[0]
    assert "/privatliv/" in lines[1]
    meeting = next(line for line in lines if "3,000 areas" in line and "meeting page" in line)
    # 40 ms: 20x healthz, 5x the coordinator's layout, 2.5x the 30 areas' 16 ms
    assert meeting.split()[-10:-7] == ["20.0", "5.0", "2.5"]
    assert meeting.endswith("layout healthz growth")
    api = next(line for line in lines if "3,000 areas" in line and "API: areas" in line)
    assert api.rstrip().endswith("100")  # misses nothing
    assert data["goal"]["cases"][1]["directory_vs_healthz"] == 0.2


def test_the_load_section_gives_each_page_the_throughput_goal_and_peak_memory(capsys):
    print_table(report())
    out = capsys.readouterr().out
    section = out[out.index("Under load: sqlite, 3,000 areas"):]
    assert "2 worker processes (gthread), 8 clients, 200 of 200 requests in 4.0 s" in section
    assert "error: /omraader/: 502" in section
    assert "directory / healthz = 0.2x (MISSES the goal, at least 0.3x)" in section
    assert "gunicorn workers after the load 100 MiB, 108 MiB" in section
    assert "run_jobs 150 MiB (3.2 s, exit 0)" in section
    assert "briefing pack PDF 200 MiB (+50 MiB over the warm process" in section
    rows = [line.split() for line in section.splitlines()[2:6]]
    assert rows[1][:2] == ["directory", "100"] and rows[1][-1] == "1"
    assert rows[3][0] == "all" and rows[3][-1] == "1"


def test_the_goal_lines_name_the_pages_that_miss_per_case(capsys):
    print_table(report())
    out = capsys.readouterr().out
    assert "Goal, sqlite, 30 areas: 1 of 6 pages miss: directory (layout)" in out
    assert ("Goal, sqlite, 3,000 areas: 2 of 6 pages miss: directory (layout, healthz, growth); "
            "meeting page (layout, healthz, growth)") in out
