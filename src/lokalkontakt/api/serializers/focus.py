# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from rest_framework import serializers

from lokalkontakt.core.models import FocusArea


class FocusAreaSerializer(serializers.ModelSerializer):
    """One of the political focus areas that inquiries, consultations and notes are tagged with."""

    class Meta:
        model = FocusArea
        fields = ["number", "slug", "name", "description"]
