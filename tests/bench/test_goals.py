# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The bench's reading of issue 20's goals: ratios to both floors, growth, the pages that miss."""

from bench.goals import add_growth, add_ratios, goal_summary, misses, throughput_ratio
from bench.pages import FLOOR_NAMES, INQUIRY_PAGES, PAGES
from bench.run import chosen_pages


def page(name, median, who="anonymous"):
    return {"name": name, "median_ms": median, "as": who}


def area_run(areas, medians):
    pages = [page("healthz", 2.0), page("layout (public)", 6.0),
             page("layout (coord.)", 8.0, "coordinator"),
             page("directory", medians[0]), page("meeting page", medians[1], "coordinator"),
             page("API: areas", medians[2], "API key")]
    add_ratios(pages)
    return {"database": "sqlite", "case": "areas", "areas": areas, "ok": True, "pages": pages}


def by_name(run):
    return {entry["name"]: entry for entry in run["pages"]}


def test_each_page_is_read_against_healthz_and_its_audiences_layout_floor():
    pages = by_name(area_run(30, (20.0, 16.0, 4.0)))
    assert pages["directory"]["ratio_to_healthz"] == 10.0
    assert pages["directory"]["layout_floor"] == "layout (public)"
    assert pages["directory"]["ratio_to_layout"] == 3.33
    assert pages["meeting page"]["layout_floor"] == "layout (coord.)"
    assert pages["meeting page"]["ratio_to_layout"] == 2.0
    assert pages["API: areas"]["ratio_to_layout"] == 0.67
    assert pages["layout (coord.)"]["ratio_to_layout"] == 1.0


def test_a_floor_not_timed_gives_no_ratio():
    pages = [page("directory", 10.0)]
    add_ratios(pages)
    assert pages[0]["ratio_to_healthz"] is None and pages[0]["ratio_to_layout"] is None
    assert misses(pages[0]) == []


def test_growth_is_the_largest_case_over_the_smallest_of_the_same_database_and_kind():
    small, middle, large = (area_run(30, (20.0, 16.0, 4.0)), area_run(300, (21.0, 20.0, 4.0)),
                            area_run(3000, (22.0, 40.0, 4.2)))
    inquiries = {"database": "sqlite", "case": "inquiries", "areas": 30, "inquiries": 100,
                 "ok": True, "pages": [page("healthz", 9.0)]}
    add_growth([large, small, middle, inquiries])
    assert by_name(large)["meeting page"]["growth"] == 2.5
    assert by_name(large)["meeting page"]["growth_from"] == 30
    assert by_name(large)["directory"]["growth"] == 1.1
    assert "growth" not in by_name(small)["directory"]
    assert "growth" not in by_name(middle)["directory"]
    assert "growth" not in inquiries["pages"][0]  # one size of its kind: nothing to compare


def test_the_pages_that_miss_each_goal_are_named():
    small, large = area_run(30, (20.0, 16.0, 4.0)), area_run(3000, (40.0, 40.0, 4.0))
    add_growth([small, large])
    pages = by_name(large)
    assert misses(pages["directory"]) == ["layout", "healthz", "growth"]  # 6.7x, 20x, 2x
    assert misses(pages["meeting page"]) == ["layout", "healthz", "growth"]  # 5x, 20x, 2.5x
    assert misses(pages["API: areas"]) == []
    assert pages["layout (coord.)"]["ratio_to_healthz"] == 4.0
    pages["layout (coord.)"]["ratio_to_healthz"] = 20.0
    assert misses(pages["layout (coord.)"]) == []  # a floor is a reference, not a page to judge
    assert misses(by_name(small)["directory"]) == ["layout"]  # 3.33x, 10x, no growth at 30
    summary = goal_summary([small, large])
    assert summary["limits"] == {"x_layout": 3.0, "x_healthz": 15.0, "growth": 1.5,
                                 "throughput_vs_healthz": 0.3}
    assert summary["cases"][0]["pages_missing"] == {"directory": ["layout"]}
    assert set(summary["cases"][1]["pages_missing"]) == {"directory", "meeting page"}


def test_the_throughput_goal_compares_the_directory_alone_with_healthz_alone():
    load = {"mix": {"errors": 0},
            "alone": {"healthz": {"rps": 500.0}, "directory": {"rps": 100.0}}}
    assert throughput_ratio(load) == 0.2
    run = {**area_run(30, (20.0, 16.0, 4.0)), "load": load}
    case = goal_summary([run])["cases"][0]
    assert case["directory_vs_healthz"] == 0.2 and case["throughput_ok"] is False
    assert case["load_errors"] == 0
    load["alone"]["directory"]["rps"] = 150.0
    assert goal_summary([run])["cases"][0]["throughput_ok"] is True
    assert throughput_ratio({"alone": {}}) is None


def test_every_case_times_the_floors_first_even_when_pages_are_named():
    for pages in (PAGES, INQUIRY_PAGES):
        assert [entry[0] for entry in pages[:3]] == FLOOR_NAMES
        assert [entry[0] for entry in chosen_pages(pages, ["directory"])] in (
            [*FLOOR_NAMES, "directory"], FLOOR_NAMES)
    layout_paths = {path for name, path, *_rest in PAGES if name.startswith("layout")}
    assert layout_paths == {"/privatliv/"}
