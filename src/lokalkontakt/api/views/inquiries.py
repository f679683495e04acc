# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
import re

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status
from rest_framework.response import Response

from lokalkontakt.api.pagination import NewestReceivedCursor
from lokalkontakt.api.scopes import Scope
from lokalkontakt.api.serializers.inquiries import (
    InquiryCreateSerializer,
    InquiryDetailSerializer,
    InquiryFilterSerializer,
    InquirySerializer,
)
from lokalkontakt.api.views.base import KeyedViewSet
from lokalkontakt.inquiries.models import Inquiry, InquiryEvent
from lokalkontakt.inquiries.services.submit import inquiry_receive_from_system

READS = ("Every inquiry, whoever handles it: a key with inquiries:read belongs to one of the "
         "municipality's own systems. It holds personal data about the submitter, so every "
         "inquiry returned is written to the access log with the key's system.")
INVALID = OpenApiResponse(OpenApiTypes.OBJECT, description="{field: [messages]}; nothing changed.")
REFERENCE = OpenApiParameter("id", str, OpenApiParameter.PATH,
                             description="The inquiry's reference (H-00042) or id (42).")


@extend_schema_view(
    list=extend_schema(summary="The inquiries", tags=["Inquiries"], description=READS,
                       parameters=[InquiryFilterSerializer], responses={
                           200: InquirySerializer(many=True), 400: INVALID}),
    retrieve=extend_schema(summary="One inquiry with its public timeline", tags=["Inquiries"],
                           description=READS, parameters=[REFERENCE],
                           responses=InquiryDetailSerializer),
    create=extend_schema(
        summary="Send an inquiry", tags=["Inquiries"], request=InquiryCreateSerializer,
        description=(
            "Received as one sent with the public form: routed to the area's contact (or the "
            "coordinator), who is e-mailed, with deadlines in Danish working days. The "
            "submitter gets a receipt by e-mail with a private link to follow the inquiry; the "
            "API never returns that link. The first step of its timeline says it came through "
            "the API from your system. With an `external_reference` your system already sent, "
            "nothing new is made: the inquiry it made is returned with 200."),
        responses={201: InquiryDetailSerializer, 200: InquiryDetailSerializer, 400: INVALID}),
)
class InquiryViewSet(mixins.CreateModelMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin,
                     KeyedViewSet):
    """Inquiries for the municipality's other systems: a self-service form sends them
    (inquiries:write), a case system or a dashboard reads them (inquiries:read).

    Which inquiries a key may read: all of them. The key is an integration of the municipality
    itself, not a person, so the staff's visibility rules (inquiries.permissions) do not apply;
    what it gets is limited by its scopes, and each inquiry returned is in the access log."""

    required_scopes = {"GET": Scope.INQUIRIES_READ, "POST": Scope.INQUIRIES_WRITE}
    http_method_names = ("get", "post", "head", "options")
    pagination_class = NewestReceivedCursor
    lookup_value_regex = r"[^/]+"
    serializer_class = InquirySerializer

    def get_queryset(self):
        # The area's outline, sources and search text can be large and are not shown.
        return (Inquiry.objects.select_related("area", "assignee").prefetch_related("focus_areas")
                .defer("area__boundary", "area__sources", "area__search_text",
                       "area__participation_note", "client_hash", "token_hash", "tracking_salt"))

    def filter_queryset(self, queryset):
        filters = InquiryFilterSerializer(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        given = filters.validated_data
        lookups = {"status": "status", "area": "area__slug", "received_since": "received_on__gte",
                   "received_until": "received_on__lte", "updated_since": "updated_at__gte"}
        return queryset.filter(**{lookups[name]: value for name, value in given.items()})

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        self.log_read(_with_handlers(page))
        return self.get_paginated_response(InquirySerializer(page, many=True).data)

    def get_object(self):
        pk = _pk(self.kwargs["pk"])
        public = Prefetch("events", to_attr="public_events",
                          queryset=InquiryEvent.objects.filter(public=True).order_by("at", "pk"))
        inquiry = self.get_queryset().prefetch_related(public).filter(pk=pk).first()
        if inquiry is None:
            raise Http404
        return inquiry

    def retrieve(self, request, *args, **kwargs):
        inquiry = self.get_object()
        self.log_read(_with_handlers([inquiry]))
        return Response(InquiryDetailSerializer(inquiry).data)

    def create(self, request, *args, **kwargs):
        submission = InquiryCreateSerializer(data=request.data)
        submission.is_valid(raise_exception=True)
        key = request.user.key
        try:
            inquiry, created = inquiry_receive_from_system(
                api_system=key.name, client=f"api:{key.prefix}", **submission.validated_data)
        except ValidationError as error:
            raise serializers.ValidationError(
                error.message_dict if hasattr(error, "error_dict") else error.messages) from None
        self.kwargs["pk"] = str(inquiry.pk)
        inquiry = self.get_object()
        self.log_read(_with_handlers([inquiry]))
        return Response(InquiryDetailSerializer(inquiry).data,
                        status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


def _pk(value: str) -> int:
    """42 or H-00042: the id; anything else finds nothing (ASCII digits only: "¹" and "٤" are
    digits to str.isdigit, not to int)."""
    match = re.fullmatch(r"(?:[Hh]-)?([0-9]{1,18})", value)
    if match is None:
        raise Http404
    return int(match[1])


def _with_handlers(inquiries) -> list:
    """The inquiries and the employees named as handling them (`handled_by`): both are personal
    data the answer gives the key."""
    return [*inquiries, *(inquiry.assignee for inquiry in inquiries)]
