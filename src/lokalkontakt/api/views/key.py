# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from lokalkontakt.api.client import ApiClient
from lokalkontakt.api.views.base import KeyedApiView


class KeySerializer(serializers.Serializer):
    system = serializers.CharField(source="name")
    prefix = serializers.CharField()
    scopes = serializers.ListField(child=serializers.CharField())
    expires_on = serializers.DateField()


class AnyKey(BasePermission):
    def has_permission(self, request, view) -> bool:
        return isinstance(request.user, ApiClient)


class KeyView(KeyedApiView):
    """The key this call was made with: its system, scopes and expiry, so an integration can
    check its set-up (and see when to ask for a new key). Any valid key."""

    permission_classes = (AnyKey,)

    @extend_schema(summary="The calling key", tags=["Keys"], responses=KeySerializer)
    def get(self, request):
        return Response(KeySerializer(request.user.key).data)
