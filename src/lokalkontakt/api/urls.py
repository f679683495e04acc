# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""/api/v1/: the endpoints, the OpenAPI schema and its documentation page."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from lokalkontakt.api.views.areas import AreaViewSet
from lokalkontakt.api.views.changes import ChangeFeedView
from lokalkontakt.api.views.consultations import ConsultationViewSet
from lokalkontakt.api.views.docs import docs
from lokalkontakt.api.views.focus import FocusAreaViewSet
from lokalkontakt.api.views.inquiries import InquiryViewSet
from lokalkontakt.api.views.journal import JournalCaseViewSet, JournalViewSet
from lokalkontakt.api.views.key import KeyView
from lokalkontakt.api.views.notes import NoteViewSet
from lokalkontakt.api.views.organisation import AssignmentViewSet, CoreAreaViewSet, EmployeeViewSet
from lokalkontakt.api.views.schema import SchemaView

app_name = "api"

router = SimpleRouter()
router.register("focus-areas", FocusAreaViewSet, basename="focus-area")
router.register("areas", AreaViewSet, basename="area")
router.register("inquiries", InquiryViewSet, basename="inquiry")
router.register("consultations", ConsultationViewSet, basename="consultation")
router.register("notes", NoteViewSet, basename="note")
router.register("employees", EmployeeViewSet, basename="employee")
router.register("core-areas", CoreAreaViewSet, basename="core-area")
router.register("assignments", AssignmentViewSet, basename="assignment")
router.register("journal", JournalViewSet, basename="journal")
router.register(r"journal/(?P<kind>[a-z]+)", JournalCaseViewSet, basename="journal-case")

urlpatterns = [
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", docs, name="docs"),
    path("key/", KeyView.as_view(), name="key"),
    path("changes/", ChangeFeedView.as_view(), name="changes"),
    *router.urls,
]
