# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""/api/v1/: the endpoints, the OpenAPI schema and its documentation page."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from lokalkontakt.api.views.focus import FocusAreaViewSet
from lokalkontakt.api.views.journal import JournalCaseViewSet, JournalViewSet
from lokalkontakt.api.views.key import KeyView
from lokalkontakt.api.views.schema import SchemaView

app_name = "api"

router = SimpleRouter()
router.register("focus-areas", FocusAreaViewSet, basename="focus-area")
router.register("journal", JournalViewSet, basename="journal")
router.register(r"journal/(?P<kind>[a-z]+)", JournalCaseViewSet, basename="journal-case")

urlpatterns = [
    path("schema/", SchemaView.as_view(), name="schema"),
    path("key/", KeyView.as_view(), name="key"),
    *router.urls,
]
