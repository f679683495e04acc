# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The error answers of the keyed read endpoints, for their schema: {"detail": …} for a missing,
invalid or insufficient key and an unknown object; {field: [messages]} for a bad filter."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers


class DetailSerializer(serializers.Serializer):
    detail = serializers.CharField()


KEY_ERRORS = {
    401: OpenApiResponse(DetailSerializer, description="No key, or the key is invalid, expired "
                                                       "or revoked."),
    403: OpenApiResponse(DetailSerializer, description="The key does not hold the scope."),
}
NOT_FOUND = {404: OpenApiResponse(DetailSerializer, description="No such object, or no such page "
                                                                 "of the list.")}
BAD_FILTER = {400: OpenApiResponse(OpenApiTypes.OBJECT, description="A filter's value is not "
                                   "valid: {parameter: [messages]}.")}
