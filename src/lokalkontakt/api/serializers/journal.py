# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The journalisation's cases (journal.selectors.Case) as the case system's integration reads
them, and what it sends when a case is journalised."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from lokalkontakt.api.serializers.strict import StrictJsonTypes
from lokalkontakt.journal.models import Journalisation

KINDS = Journalisation.Kind.values


class KleSerializer(serializers.Serializer):
    number = serializers.CharField()
    title = serializers.CharField()


class JournalisationSerializer(serializers.Serializer):
    """"Journaliseret som <case_number>": when and by whom (a member of staff's name, or the
    integration's "API: <system> (<prefix>)")."""

    case_number = serializers.CharField()
    kle = KleSerializer(allow_null=True)
    journalised_at = serializers.DateTimeField()
    journalised_by = serializers.CharField(source="recorded_by")


class JournalCaseSerializer(serializers.Serializer):
    """An inquiry or a consultation to journalise. `received` is the inquiry's day received or
    the consultation's day sent. `personal_data_deletion_on` is the day a closed inquiry's
    personal data will be deleted (null when not planned); `personal_data_deletion_soon` says it
    is within 30 days: journalise it first, as the package never holds deleted data."""

    kind = serializers.ChoiceField(choices=KINDS)
    id = serializers.IntegerField(source="pk")
    reference = serializers.CharField()
    title = serializers.CharField()
    received = serializers.DateField()
    journalised = JournalisationSerializer(source="journalisation", allow_null=True)
    package_url = serializers.SerializerMethodField()
    personal_data_deleted = serializers.BooleanField()
    personal_data_deletion_on = serializers.DateField(source="deletion_day", allow_null=True)
    personal_data_deletion_soon = serializers.BooleanField(source="deletion_soon")

    @extend_schema_field(serializers.URLField())
    def get_package_url(self, case) -> str:
        path = reverse("api:journal-case-package", kwargs={"kind": case.kind, "id": case.pk})
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class CaseFilterSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=["pending", "done", "all"], default="pending",
        help_text="pending: not yet journalised (the default); done: journalised; all.")
    kind = serializers.ChoiceField(choices=KINDS, required=False,
                                   help_text="Only inquiries or only consultations.")
    since = serializers.DateField(required=False,
                                  help_text="Received (sent) on or after this day.")
    until = serializers.DateField(required=False,
                                  help_text="Received (sent) on or before this day.")

    def validate(self, data):
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise serializers.ValidationError({"until": _("The period ends before it begins.")})
        return data


class JournaliseSerializer(StrictJsonTypes, serializers.Serializer):
    case_number = serializers.CharField(
        max_length=50, help_text="The case system's case number (sagsnummer), e.g. "
                                 "27.00.00-A00-1-26.")
    kle = serializers.CharField(
        max_length=8, required=False, allow_blank=True, allow_null=True,
        help_text="A KLE number of the municipality's loaded list, e.g. 27.12.04.")
