# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Issue 20's goals, computed from the bench's figures: every page's median against /healthz and
against the layout floor of the same audience, its growth from the smallest case to the largest,
and which pages miss which goal. Pure functions on the JSON's dicts (tests/bench tests them)."""

from bench.pages import FLOOR_NAMES, HEALTHZ, LAYOUT_PUBLIC, LAYOUT_STAFF

GOAL_LAYOUT = 3.0  # median at most 3x the layout floor
GOAL_HEALTHZ = 15.0  # and at most 15x /healthz
GOAL_GROWTH = 1.5  # from the smallest to the largest case (30 -> 3,000 areas)
GOAL_THROUGHPUT = 0.3  # under load: the directory's requests/s at least 0.3x /healthz's


def _ratio(value, floor):
    return round(value / floor, 2) if value is not None and floor else None


def layout_floor_of(page: dict) -> str:
    """The layout floor a page is read against: the coordinator's layout for a page the
    coordinator is signed in for, the public layout for the rest (anonymous, API key)."""
    return LAYOUT_STAFF if page.get("as") == "coordinator" else LAYOUT_PUBLIC


def add_ratios(pages: list[dict]) -> None:
    """Every page's ratio_to_healthz and ratio_to_layout (None when that floor was not timed)."""
    medians = {page["name"]: page["median_ms"] for page in pages}
    for page in pages:
        page["layout_floor"] = layout_floor_of(page)
        page["ratio_to_healthz"] = _ratio(page["median_ms"], medians.get(HEALTHZ))
        page["ratio_to_layout"] = _ratio(page["median_ms"], medians.get(page["layout_floor"]))


def _size(run: dict) -> int:
    return run["inquiries"] if run.get("case") == "inquiries" else run["areas"]


def add_growth(runs: list[dict]) -> None:
    """On the largest case of each database and kind (areas, inquiries): every page's median
    over its median in the smallest case of the same kind (`growth`, and `growth_from`: that
    size). Nothing when a kind ran at one size only."""
    groups: dict = {}
    for run in runs:
        if run.get("ok") and run.get("case") in ("areas", "inquiries") and run.get("pages"):
            groups.setdefault((run["database"], run["case"]), []).append(run)
    for group in groups.values():
        smallest, largest = min(group, key=_size), max(group, key=_size)
        if _size(smallest) == _size(largest):
            continue
        before = {page["name"]: page["median_ms"] for page in smallest["pages"]}
        for page in largest["pages"]:
            if page["name"] in before:
                page["growth"] = _ratio(page["median_ms"], before[page["name"]])
                page["growth_from"] = _size(smallest)


def misses(page: dict) -> list[str]:
    """The goals a page misses: "layout" (over 3x its layout floor), "healthz" (over 15x),
    "growth" (over 1.5x from the smallest case). The floors themselves are references, not
    pages the goal is about: none."""
    if page["name"] in FLOOR_NAMES:
        return []
    missed = []
    if (page.get("ratio_to_layout") or 0) > GOAL_LAYOUT:
        missed.append("layout")
    if (page.get("ratio_to_healthz") or 0) > GOAL_HEALTHZ:
        missed.append("healthz")
    if (page.get("growth") or 0) > GOAL_GROWTH:
        missed.append("growth")
    return missed


def throughput_ratio(load: dict) -> float | None:
    """The directory's requests/s alone over /healthz's alone (the goal: at least 0.3)."""
    alone = load.get("alone") or {}
    healthz, directory = alone.get("healthz"), alone.get("directory")
    if not healthz or not directory:
        return None
    return _ratio(directory["rps"], healthz["rps"])


def goal_summary(runs: list[dict]) -> dict:
    """Per database and case, the pages that miss a goal (name: the goals missed), the load
    tests' errors and throughput ratios; written to the JSON as `goal`."""
    summary = {"limits": {"x_layout": GOAL_LAYOUT, "x_healthz": GOAL_HEALTHZ,
                          "growth": GOAL_GROWTH, "throughput_vs_healthz": GOAL_THROUGHPUT},
               "cases": []}
    for run in runs:
        if not run.get("ok") or not run.get("pages"):
            continue
        missed = {page["name"]: misses(page) for page in run["pages"] if misses(page)}
        case = {"database": run["database"], "case": run["case"], "size": _size(run),
                "pages_missing": missed}
        load = run.get("load")
        if load and not load.get("error"):
            ratio = throughput_ratio(load)
            case["load_errors"] = load["mix"]["errors"]
            case["directory_vs_healthz"] = ratio
            case["throughput_ok"] = ratio is not None and ratio >= GOAL_THROUGHPUT
        summary["cases"].append(case)
    return summary
