# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Consultations (høringer) in the API: the areas asked and each area's answer."""

from rest_framework import serializers

from lokalkontakt.api.serializers.brief import AreaBriefSerializer, StaffBriefSerializer
from lokalkontakt.api.serializers.fields import SinceField
from lokalkontakt.consultations.models import Consultation, ConsultationTask


class ConsultationAnswerSerializer(serializers.ModelSerializer):
    """One area asked, and its answer so far (status waiting: none yet)."""

    area = AreaBriefSerializer()
    heard = serializers.CharField(help_text="Who the area heard before answering.")

    class Meta:
        model = ConsultationTask
        fields = ["area", "status", "response", "heard", "responded_at"]
        read_only_fields = fields


class ConsultationSerializer(serializers.ModelSerializer):
    """A consultation: what the administration asks the local areas, by when, and their answers."""

    reference = serializers.CharField(read_only=True)
    requested_by = StaffBriefSerializer()
    focus_areas = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    areas = ConsultationAnswerSerializer(source="tasks", many=True)

    class Meta:
        model = Consultation
        fields = ["id", "reference", "title", "description", "status", "deadline",
                  "requested_by", "focus_areas", "areas", "created_at", "updated_at", "closed_at"]
        read_only_fields = fields


class ConsultationFilterSerializer(serializers.Serializer):
    """The list's filters (query parameters)."""

    status = serializers.ChoiceField(choices=Consultation.Status.choices, required=False)
    updated_since = SinceField(required=False,
                                              help_text="Changed at this time or later.")
