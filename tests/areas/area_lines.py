# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Helpers for the tests of the fields that choose several local areas (areas.fields.
AreaMultipleField) on the pages that use them."""

import re

from tests.areas.factories import LocalAreaFactory
from tests.typed_fields import field_html

# Beside the areas a test's setting makes: more than AREA_SELECT_MAX (lowered to 5) in all.
NAMES = ["Hornborg", "Hornsyld", "Ørum", "Korning", "Stouby", "Tørring"]
SEVERAL = "Several local areas match “{}”: {}. Write the whole name of the one you mean on that line."
UNKNOWN = "No local area matches “{}”. Check the spelling, or write the beginning of the name."
CHECKBOX = '<input type="checkbox" class="form-checkbox" id="id_areas_0" name="areas" value="'


def many_areas(settings, names=NAMES) -> dict:
    """More areas than the form lists (the limit lowered to 5)."""
    settings.AREA_SELECT_MAX = 5
    return {name: LocalAreaFactory(name=name) for name in names}


def lines_field(html: str, name: str = "areas") -> str:
    """The field's label, help, errors, textarea and the areas it found."""
    return field_html(html, name)


def textarea(html: str, name: str = "areas") -> str:
    """The text in the field's textarea (the line break after the tag aside)."""
    found = re.search(rf'<textarea name="{name}"[^>]*>\n(.*?)</textarea>', html, re.S)
    assert found, "no textarea"
    return found.group(1)


def chosen(html: str, name: str = "areas") -> list[str]:
    """The areas listed under the field as what its lines name."""
    found = re.search(rf'id="id_{name}-chosen">.*?</p>\n<p>(.*?)</p>', html, re.S)
    return found.group(1).split(", ") if found else []
