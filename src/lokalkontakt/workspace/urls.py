# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Workspace pages under an area's address (omraader/<slug>/…), in the areas namespace so their
names stay `areas:briefing` and `areas:briefing_pdf` (config/urls.py joins them to areas' URLs)."""

from django.urls import path

from lokalkontakt.workspace import views

area_urlpatterns = [
    path("<slug:slug>/introduktionspakke/", views.briefing, name="briefing"),
    path("<slug:slug>/introduktionspakke.pdf", views.briefing_pdf, name="briefing_pdf"),
]
