# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from drf_spectacular.utils import extend_schema, extend_schema_view

from lokalkontakt.api.serializers.focus import FocusAreaSerializer
from lokalkontakt.api.views.base import PublicViewSet
from lokalkontakt.core.models import FocusArea


@extend_schema_view(
    list=extend_schema(summary="The focus areas", tags=["Public"]),
    retrieve=extend_schema(summary="One focus area", tags=["Public"]),
)
class FocusAreaViewSet(PublicViewSet):
    """The political focus areas, in their numbered order. Public."""

    queryset = FocusArea.objects.order_by("number")
    serializer_class = FocusAreaSerializer
    lookup_field = "slug"
