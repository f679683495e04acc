# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may open and post to the directory, area and coordination URLs, by role; see tests/permissions.py."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lokalkontakt.core.files_kept import files_keep
from tests.permissions import (
    ROLES,
    check_coordinator_action,
    check_get_by_role,
    routes_ruled_by,
    source_conflict,
    today,
)

RULES = {
    "areas:directory": "public",
    "areas:detail": "public",
    "areas:suggestions": "public",
    "coordination:overview": "coordinator",
    "coordination:overview_list": "coordinator",
    "coordination:map": "coordinator",
    "areas:map_svg": "public",
    "areas:map_geojson": "public",
    "coordination:map_svg": "coordinator",
    "coordination:map_geojson": "coordinator",
    "coordination:import": "coordinator",
    "coordination:import_template": "coordinator",
    "coordination:area_create": "coordinator",
    "coordination:area_edit": "coordinator",
    "coordination:assign": "coordinator",
    "coordination:participation": "coordinator",
    "coordination:end_assignment": "coordinator",
    "coordination:handover": "coordinator",
    "coordination:boundaries": "coordinator",
    "coordination:conflict_settle": "coordinator",
}

# The map's resources without ?v= are sent on to the current version; the GeoJSON is served
# only with tiles (MAP_TILE_URL). tests/areas/test_map_resource.py follows both.
GET_STATUS = {
    **{("areas:map_svg", role): 302 for role in ROLES},
    **{("areas:map_geojson", role): 404 for role in ROLES},
    ("coordination:map_svg", "coordinator"): 302,
    ("coordination:map_geojson", "coordinator"): 404,
}


class TestGetByRole:
    """The world is built once for the class; what a test changes is rolled back after it."""

    @pytest.mark.parametrize("route", routes_ruled_by(RULES), ids=str)
    def test_get_by_role(self, route, world_to_get):
        check_get_by_role(route, world_to_get, RULES, GET_STATUS)


def test_import_template_xlsx_is_for_the_coordinator(world):
    url = reverse("coordination:import_template", kwargs={"fmt": "xlsx"})
    assert world.clients["coordinator"].get(url).status_code == 200
    assert world.clients["colleague"].get(url).status_code == 403


# --- coordinator actions refuse everyone else -------------------------------------------------


def _area_form(name: str) -> dict:
    return {"name": name, "towns": name, "postcodes": "7130", "parish": f"{name} Sogn",
            "population": "", "population_year": "", "latitude": "", "longitude": "",
            "council_name": "", "council_email": "", "council_website": "", "council_chair_name": "",
            "council_chair_email": "", "council_chair_phone": ""}


def _kept_outline(world) -> str:
    """The preview's kept GeoJSON file with an outline for the world's area (the confirm step)."""
    content = (b'{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
               b'{"navn": "%s"}, "geometry": {"type": "Polygon", "coordinates": [[[9.7, 55.7], '
               b'[9.8, 55.7], [9.8, 55.8], [9.7, 55.8], [9.7, 55.7]]]}}]}'
               % world.area.name.encode())
    return files_keep([ContentFile(content, name="sogne.geojson")],
                      user=world.users["coordinator"])[0].token


# name -> (kwargs, form data) from the world
POST_ACTIONS = {
    "coordination:assign": lambda w: ({"slug": w.area.slug}, {
        "employee": w.employee.pk, "role": "deputy", "starts_on": today(), "note": "",
        "council_confirmed": "on"}),
    "coordination:end_assignment": lambda w: ({"pk": w.assignment.pk}, {"ends_on": today()}),
    "coordination:handover": lambda w: ({"pk": w.assignment.pk}, {"due": "1"}),
    "coordination:participation": lambda w: ({"slug": w.area.slug}, {
        "answer": "declined", "answered_on": today(), "note": "Nej tak"}),
    "coordination:area_edit": lambda w: ({"slug": w.area.slug}, {
        **_area_form("Glud Nord"), "council_name": "Glud Nord Lokalråd"}),
    "coordination:area_create": lambda w: ({}, _area_form("Helt Nyt Område")),
    "coordination:boundaries": lambda w: ({}, {
        "kept": _kept_outline(w), "name_property": "navn", "action": "confirm"}),
    "coordination:conflict_settle": lambda w: ({"pk": source_conflict(w).pk}, {
        "kept": "without_contact", "note": ""}),
    "coordination:import": lambda w: ({}, {"file": SimpleUploadedFile(
        "omraader.csv", b"omraade;postnumre\nImporteret By;7130\n", "text/csv")}),
}
# The coordinator's pages without a POST.
GET_ONLY = {"coordination:overview", "coordination:overview_list", "coordination:map",
            "coordination:map_svg", "coordination:map_geojson",
            "coordination:import_template"}


@pytest.mark.parametrize("name", sorted(POST_ACTIONS))
def test_coordinator_actions_refuse_everyone_else(name, world):
    check_coordinator_action(name, POST_ACTIONS[name], world)
