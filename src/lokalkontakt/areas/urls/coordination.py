# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.urls import path, re_path

from lokalkontakt.areas.views import boundaries, conflicts, coordination, importing, maps, overview

app_name = "coordination"
urlpatterns = [
    path("", overview.overview, name="overview"),
    path("kort/", coordination.coverage_map, name="map"),
    path("kort.svg", maps.coordination_map_svg, name="map_svg"),
    path("kort.geojson", maps.coordination_map_geojson, name="map_geojson"),
    path("oversigt/<slug:name>/", coordination.overview_list, name="overview_list"),
    path("konflikter/<int:pk>/afgoer/", conflicts.settle, name="conflict_settle"),
    path("import/", importing.import_upload, name="import"),
    re_path(r"^import/skabelon\.(?P<fmt>csv|xlsx)$", importing.import_template,
            name="import_template"),
    path("omraader/graenser/", boundaries.boundaries_import, name="boundaries"),
    path("omraader/ny/", coordination.create, name="area_create"),
    path("omraader/<slug:slug>/rediger/", coordination.edit, name="area_edit"),
    path("omraader/<slug:slug>/tildel/", coordination.assign, name="assign"),
    path("omraader/<slug:slug>/svar/", coordination.participation, name="participation"),
    path("tildelinger/<int:pk>/afslut/", coordination.end_assignment, name="end_assignment"),
    path("tildelinger/<int:pk>/overdragelse/", coordination.handover, name="handover"),
]
