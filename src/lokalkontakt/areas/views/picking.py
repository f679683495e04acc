# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Suggestions for a typed area field (areas.fields.AreaField) as the person types."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from lokalkontakt.areas.picking import area_suggestions, place_label
from lokalkontakt.core.http import public


@public
@require_GET
def suggestions(request):
    """At most ten areas for the text in the parameter `felt` names (the field's own name, as
    htmx sends the input's value), in Danish order, as <option>s of a <datalist>. Public: every
    area's name, towns and postcodes are in the public directory."""
    text = request.GET.get(request.GET.get("felt", "q"), "")
    return render(request, "areas/_area_suggestions.html", {
        "areas": [(area, place_label(area)) for area in area_suggestions(text)]})
