# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The data subject's rights (mounted under koordinering/personoplysninger/)."""

from django.urls import path

from lokalkontakt.core.subjectrights import views

app_name = "personaldata"
urlpatterns = [
    path("", views.person_search, name="search"),
    path("personoplysninger.zip", views.person_export_zip, name="export"),
    path("slet/", views.person_erase_confirm, name="erase"),
]
