# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
import json
from pathlib import Path

from lokalkontakt.core.models import FocusArea

DATA = Path(__file__).resolve().parents[2] / "src/lokalkontakt/core/data/focus_areas.json"


def test_the_fifteen_focus_areas_exist_with_descriptions(db):
    focus_areas = list(FocusArea.objects.all())

    assert [f.number for f in focus_areas] == list(range(1, 16))
    assert focus_areas[0].name == "Byudvikling og udstykninger"
    assert focus_areas[-1].name == "Bæredygtig vækst"
    assert all(f.description for f in focus_areas)
    assert {f.slug for f in focus_areas} == {item["slug"] for item in json.loads(DATA.read_text())}
