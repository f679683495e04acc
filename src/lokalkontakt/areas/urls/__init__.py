# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The public directory and the area pages (under omraader/); the coordinator's pages are in
coordination (under koordinering/)."""

from django.urls import path

from lokalkontakt.areas.views import directory, maps, picking

app_name = "areas"
urlpatterns = [
    path("", directory.directory, name="directory"),
    # the map's resources, versioned by ?v= (areas.views.maps)
    path("kort.svg", maps.directory_map_svg, name="map_svg"),
    path("kort.geojson", maps.directory_map_geojson, name="map_geojson"),
    # Before the area pages; "_" never begins a slug the app makes (services.unique_area_slug).
    path("_forslag/", picking.suggestions, name="suggestions"),
    path("<slug:slug>/", directory.detail, name="detail"),
]
