# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Time finding the local area of an address among 3,000 areas with outlines (issue 19).

    .venv/bin/python -m bench.addresses [--areas 3000] [--points 500]

A fresh SQLite database in a temporary folder, migrated; 3,000 areas on a grid over Jutland,
each with an outline of 400 points (the most the boundary import keeps, areas.simplify) and a
hole; then areas_at (the outline whose bounding box, then whose rings, hold a point) and
find_area by postcode and town (no address service) for random points and postcodes. Prints
the median, p95 and maximum in milliseconds. Nothing leaves the machine."""

import argparse
import math
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

GOAL_MS = 20  # p95 of one look-up
POINTS_PER_OUTLINE = 400


def ring(lon: float, lat: float, radius: float, points: int) -> list:
    coordinates = [[round(lon + radius * math.cos(2 * math.pi * i / points), 5),
                    round(lat + radius * 0.6 * math.sin(2 * math.pi * i / points), 5)]
                   for i in range(points)]
    return coordinates + coordinates[:1]


def generate(count: int) -> list[tuple[float, float]]:
    from lokalkontakt.areas.addresses.geometry import bounding_box
    from lokalkontakt.areas.models import LocalArea

    columns = math.ceil(math.sqrt(count))
    step = 2.0 / columns  # the grid spans two degrees of longitude
    areas, centres = [], []
    for n in range(count):
        lon, lat = 8.5 + (n % columns) * step, 55.0 + (n // columns) * step * 0.6
        outline = {"type": "MultiPolygon", "coordinates": [[
            ring(lon, lat, step * 0.49, POINTS_PER_OUTLINE - 16), ring(lon, lat, step * 0.05, 12)]]}
        west, south, east, north = bounding_box(outline)
        areas.append(LocalArea(
            name=f"Område {n:04d}", slug=f"omraade-{n:04d}", sort_name=f"{n:08d}",
            towns=f"By {n}", postcodes=f"{7000 + n % 900}", boundary=outline, boundary_west=west,
            boundary_south=south, boundary_east=east, boundary_north=north))
        centres.append((lon, lat, step))
    LocalArea.objects.bulk_create(areas, batch_size=500)
    return centres


def timed(function, arguments) -> dict:
    times = []
    for args in arguments:
        started = time.perf_counter()
        function(*args)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {"median": statistics.median(times), "p95": times[int(len(times) * 0.95) - 1],
            "max": times[-1]}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--areas", type=int, default=3000)
    parser.add_argument("--points", type=int, default=500)
    args = parser.parse_args(argv)
    folder = tempfile.mkdtemp(prefix="lk-bench-addresses-")
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lokalkontakt.config.settings")
    os.environ["ADDRESS_SERVICE_URL"] = ""
    import django

    django.setup()
    from django.core.management import call_command

    from lokalkontakt.areas.addresses.lookup import areas_at, find_area

    call_command("migrate", verbosity=0, interactive=False)
    started = time.perf_counter()
    centres = generate(args.areas)
    print(f"{args.areas} areas with {POINTS_PER_OUTLINE}-point outlines generated in "
          f"{time.perf_counter() - started:.1f} s")
    rng = random.Random(19)
    points = []
    for _ in range(args.points):
        lon, lat, step = rng.choice(centres)
        points.append((lon + rng.uniform(-0.3, 0.3) * step, lat + rng.uniform(-0.15, 0.15) * step))
    found = sum(1 for lon, lat in points if areas_at(lon, lat))
    outline = timed(areas_at, points)
    postcode = timed(find_area, [(f"Vestergade 1, {7000 + rng.randrange(900)}",)
                                 for _ in range(args.points)])
    print(f"points inside an outline: {found} of {len(points)}")
    for name, figures in [("outline (areas_at)", outline), ("postcode and town", postcode)]:
        print(f"{name:20} median {figures['median']:.2f} ms, p95 {figures['p95']:.2f} ms, "
              f"max {figures['max']:.2f} ms")
    ok = outline["p95"] < GOAL_MS and postcode["p95"] < GOAL_MS
    print(f"goal p95 < {GOAL_MS} ms: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    sys.exit(main())
