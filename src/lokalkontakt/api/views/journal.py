# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Journalisation for the case system's integration (scope `journal`): the cases, a case's
package (the ZIP staff download from the Journalisering page) and the record "journaliseret som
<sagsnummer>". Reads and writes go through the journal app; the key sees every case (user None)."""

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.response import Response

from lokalkontakt.api.scopes import Scope
from lokalkontakt.api.serializers.detail import DetailSerializer
from lokalkontakt.api.serializers.journal import (
    KINDS,
    CaseFilterSerializer,
    JournalCaseSerializer,
    JournaliseSerializer,
)
from lokalkontakt.api.views.base import KeyedViewSet
from lokalkontakt.api.views.journal_pages import JournalPages
from lokalkontakt.core.accesslog.record import How, record_references
from lokalkontakt.journal import selectors, services
from lokalkontakt.journal.packages import package_file
from lokalkontakt.journal.selectors import personal_references
from lokalkontakt.people.models import Employee

TAGS = ["Journalisation"]
MAX_ID = 2**63 - 1
# 400, 401, 403 and 404 are described for every operation by api.schema.ApiAutoSchema.
CASE = [OpenApiParameter("kind", str, OpenApiParameter.PATH, enum=KINDS,
                         description="inquiry or consultation"),
        OpenApiParameter("id", int, OpenApiParameter.PATH, description="The case's id")]


def _case(kind: str, id: str) -> selectors.Case:  # noqa: A002 - the URL's name
    """The case; 404 for an id no database column holds (beyond 64 bits) as for a missing one."""
    if int(id) > MAX_ID:
        raise Http404
    return selectors.case_for(kind, int(id))


class AnyAccept(DefaultContentNegotiation):
    """The package is a ZIP whatever the client accepts (`Accept: application/zip` too), and an
    error is JSON: the renderers are never asked to make the ZIP."""

    def select_renderer(self, request, renderers, format_suffix=None):
        try:
            return super().select_renderer(request, renderers, format_suffix)
        except NotAcceptable:
            return renderers[0], renderers[0].media_type


@extend_schema_view(list=extend_schema(
    summary="The cases to journalise", tags=TAGS, parameters=[CaseFilterSerializer],
    responses={200: JournalCaseSerializer(many=True)},
    description="Inquiries and consultations, oldest first (the day received or sent), "
                "not yet journalised by default. Pages have `next` and `previous` links and "
                "no total (counting every case is slow)."))
class JournalViewSet(KeyedViewSet):
    """The cases, as the Journalisering page lists them, for the key (every case). A list holds
    no submitter's details; the package does, and its download is logged."""

    required_scopes = {"GET": Scope.JOURNAL}
    pagination_class = JournalPages
    serializer_class = JournalCaseSerializer

    def list(self, request):
        filters = CaseFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        rows = selectors.case_rows(**filters.validated_data)
        cases = selectors.cases_for_rows(self.paginator.paginate_queryset(rows, request, self))
        # `journalised_by` names the employee who recorded a case: a read of their data.
        users = {case.journalisation.journalised_by_id for case in cases
                 if case.journalisation and case.journalisation.journalised_by_id}
        if users:
            record_references(request, [("people.employee", pk) for pk in Employee.objects.filter(
                user_id__in=users).values_list("pk", flat=True)], how=How.API)
        return self.get_paginated_response(
            JournalCaseSerializer(cases, many=True, context={"request": request}).data)


class JournalCaseViewSet(KeyedViewSet):
    """One case (an inquiry or a consultation, by its id): its package, and recording it as
    journalised."""

    required_scopes = {"GET": Scope.JOURNAL, "POST": Scope.JOURNAL}
    serializer_class = JournalCaseSerializer
    lookup_url_kwarg = "id"
    lookup_value_regex = r"[0-9]+"

    @extend_schema(
        summary="The package of a case (ZIP)", tags=TAGS, parameters=CASE,
        description="The case's package for the case system, as staff download it: the case "
                    "as PDF/A, its files byte for byte and metadata.json. Holds the submitter's "
                    "details: each download is written to the access log.",
        responses={(200, "application/zip"): OpenApiResponse(
            OpenApiTypes.BINARY, description="<reference>/sag.pdf (PDF/A-3b), "
            "<reference>/bilag/…, <reference>/metadata.json (docs/journalisering.md)")})
    @action(detail=True, methods=["get"], url_path="package", content_negotiation_class=AnyAccept)
    def package(self, request, kind: str, id: str):  # noqa: A002 - the URL's name
        case = _case(kind, id)
        record_references(request, personal_references([(case.kind, case.pk)]), how=How.API)
        response = FileResponse(package_file([case]), as_attachment=True,
                                filename=f"{case.reference}.zip", content_type="application/zip")
        response["Cache-Control"] = "private, no-store"
        return response

    @extend_schema(
        summary="Record a case as journalised", tags=TAGS, parameters=CASE,
        request=JournaliseSerializer,
        responses={201: JournalCaseSerializer,
                   409: OpenApiResponse(DetailSerializer, description="Already journalised; "
                                                                      "nothing was changed.")},
        description="\"Journaliseret som <case_number>\", once; by the key's system.")
    @action(detail=True, methods=["post"], url_path="journalised")
    def journalised(self, request, kind: str, id: str):  # noqa: A002 - the URL's name
        case = _case(kind, id)
        data = JournaliseSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            services.journalise(case=case, case_number=data.validated_data["case_number"],
                                kle=data.validated_data.get("kle") or None, actor=None,
                                actor_label=request.user.get_username())
        except ValidationError as error:
            if getattr(error, "code", None) == "already_journalised":
                return Response({"detail": error.messages[0]}, status=status.HTTP_409_CONFLICT)
            body = error.message_dict if hasattr(error, "error_dict") else {
                "detail": " ".join(error.messages)}
            return Response(body, status=status.HTTP_400_BAD_REQUEST)
        return Response(JournalCaseSerializer(case, context={"request": request}).data,
                        status=status.HTTP_201_CREATED)
