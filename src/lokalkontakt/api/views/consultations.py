# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response

from lokalkontakt.api.scopes import Scope
from lokalkontakt.api.serializers.consultations import (
    ConsultationFilterSerializer,
    ConsultationSerializer,
)
from lokalkontakt.api.views.base import KeyedViewSet
from lokalkontakt.consultations.models import Consultation, ConsultationTask
from lokalkontakt.core.accesslog.record import How, record_personal

READS = ("Every consultation: a key with consultations:read belongs to one of the "
         "municipality's own systems. The newest first.")
INVALID = OpenApiResponse(OpenApiTypes.OBJECT, description="{field: [messages]}.")


@extend_schema_view(
    list=extend_schema(summary="The consultations", tags=["Consultations"], description=READS,
                       parameters=[ConsultationFilterSerializer],
                       responses={200: ConsultationSerializer(many=True), 400: INVALID}),
    retrieve=extend_schema(summary="One consultation", tags=["Consultations"],
                           description=READS),
)
class ConsultationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, KeyedViewSet):
    """Consultations (høringer) with the areas asked and their answers (consultations:read).

    Which a key may read: all of them (an integration of the municipality, not a person; the
    staff's visibility rules do not apply). A read is written to the access log for the objects
    whose model is registered as personal data (core.registry.personal_data)."""

    required_scopes = {"GET": Scope.CONSULTATIONS_READ}
    serializer_class = ConsultationSerializer

    def get_queryset(self):
        tasks = ConsultationTask.objects.select_related("area").order_by("pk")
        return (Consultation.objects.select_related("requested_by")
                .prefetch_related(Prefetch("tasks", queryset=tasks), "focus_areas")
                .order_by("-created_at", "-pk"))

    def get_object(self):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    def filter_queryset(self, queryset):
        filters = ConsultationFilterSerializer(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        lookups = {"status": "status", "updated_since": "updated_at__gte"}
        return queryset.filter(**{lookups[name]: value
                                  for name, value in filters.validated_data.items()})

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        self._log(page)
        return self.get_paginated_response(ConsultationSerializer(page, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        consultation = self.get_object()
        self._log([consultation])
        return Response(ConsultationSerializer(consultation).data)

    def _log(self, consultations) -> None:
        """The employee who asked is logged; a consultation's own models hold no personal data
        today, and should one be registered, its reads are logged from then on."""
        references = [(c._meta.label_lower, c.pk) for c in consultations]
        references += [(t._meta.label_lower, t.pk) for c in consultations for t in c.tasks.all()]
        # The employee named as `requested_by`.
        references += [("people.employee", c.requested_by_id) for c in consultations]
        record_personal(self.request, references, how=How.API)
