# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.urls import path

from lokalkontakt.candidates import views

app_name = "nominations"
urlpatterns = [
    path("", views.staff, name="staff"),
    path("indstil/", views.new, name="new"),
    path("indstillinger/", views.nomination_list, name="list"),
    path("indstillinger/<int:pk>/beslut/", views.decide, name="decide"),
    path("indstillinger/<int:pk>/traek-tilbage/", views.withdraw, name="withdraw"),
    path("anmodninger/", views.requests, name="requests"),
    path("anmodninger/ny/", views.request_new, name="request_new"),
    path("forslag/<slug:slug>/", views.suggestions, name="suggestions"),
]
