# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The shape issue 14 asked for, kept: every app has one permissions module, and modules stay
small (the layers themselves are import-linter's contract, run by `make lint`)."""

import statistics
from pathlib import Path

from django.apps import apps

SRC = Path(__file__).resolve().parent.parent / "src" / "lokalkontakt"


def project_apps():
    return [config for config in apps.get_app_configs() if config.name.startswith("lokalkontakt.")]


def modules():
    return {path: len(path.read_text().splitlines()) for path in SRC.rglob("*.py")
            if "migrations" not in path.parts}


def test_every_app_has_one_permissions_module():
    assert len(project_apps()) >= 15
    missing = [config.name for config in project_apps()
               if not (Path(config.path) / "permissions.py").is_file()]
    assert missing == []
    doubles = [str(path.relative_to(SRC)) for path in SRC.rglob("*permissions*.py")
               if path.name != "permissions.py" or "views" in path.parts]
    assert doubles == []


def test_no_module_is_over_300_lines_and_the_median_is_at_most_60():
    sizes = modules()
    assert [str(path.relative_to(SRC)) for path, lines in sizes.items() if lines > 300] == []
    assert statistics.median(sizes.values()) <= 60
