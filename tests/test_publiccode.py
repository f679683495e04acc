# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""publiccode.yml has what the standard (version 0.4) requires, and agrees with the project."""

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CATEGORIES = {"collaboration", "communications", "knowledge-management", "public-participation",
              "case-management", "document-management", "content-management"}


def test_publiccode_has_every_required_field_and_agrees_with_the_project():
    data = yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]

    assert data["publiccodeYmlVersion"] == "0.4"
    for key in ["name", "url", "platforms", "categories", "developmentStatus", "softwareType",
                "description", "legal", "maintenance", "localisation"]:
        assert key in data, key
    assert re.fullmatch(r"https://\S+", data["url"])
    assert set(data["categories"]) <= CATEGORIES
    assert data["developmentStatus"] in {"concept", "development", "beta", "stable", "obsolete"}
    assert data["softwareVersion"] == project["version"]
    assert data["legal"]["license"] == project["license"]
    assert data["maintenance"]["type"] in {"internal", "contract", "community", "none"}
    assert data["maintenance"]["contacts"]
    assert data["localisation"]["availableLanguages"] == ["da", "en"]
    for language in ["da", "en"]:
        description = data["description"][language]
        assert 1 <= len(description["shortDescription"]) <= 150
        assert 150 <= len(description["longDescription"]) <= 10000
        assert description["features"]
