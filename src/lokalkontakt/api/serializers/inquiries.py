# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Inquiries in the API: what another system sends to create one, and what it reads back."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from lokalkontakt.api.serializers.brief import AreaBriefSerializer, StaffBriefSerializer
from lokalkontakt.api.serializers.fields import SinceField
from lokalkontakt.api.serializers.strict import StrictJsonTypes
from lokalkontakt.areas.models import LocalArea
from lokalkontakt.core.models import FocusArea
from lokalkontakt.inquiries.models import Inquiry, InquiryEvent


@extend_schema_field({"type": "string"})
class _OptionalAreaField(serializers.SlugRelatedField):
    """A local area's slug, or none: null, "" (DRF reads an empty related field as null, as a
    form's "don't know" choice sends it) or left out."""


class InquiryCreateSerializer(StrictJsonTypes, serializers.Serializer):
    """An inquiry sent by another system (e.g. the municipality's self-service form). It is
    received as one sent with the public form: routed to the area's contact (or the
    coordinator), with deadlines in Danish working days; the submitter gets a receipt by e-mail
    with their private tracking link, which the API never returns."""

    area = _OptionalAreaField(
        slug_field="slug", queryset=LocalArea.objects.all(), allow_null=True, default=None,
        help_text="The local area's slug; when unknown leave it out (or send null or \"\"): "
                  "the coordinator routes it.")
    subject = serializers.CharField(max_length=200)
    text = serializers.CharField(max_length=10000)
    submitter_kind = serializers.ChoiceField(choices=Inquiry.SubmitterKind.choices)
    submitter_name = serializers.CharField(max_length=150)
    submitter_email = serializers.EmailField(
        required=False, allow_blank=True, default="",
        help_text="Where the receipt and the tracking link go; without one, none is sent.")
    submitter_phone = serializers.CharField(max_length=30, required=False, allow_blank=True,
                                            default="")
    channel = serializers.ChoiceField(choices=Inquiry.Channel.choices,
                                      default=Inquiry.Channel.WEB_FORM)
    received_on = serializers.DateField(
        required=False, help_text="The day it reached the municipality (default today); not in "
                                  "the future. The deadlines count from it.")
    shared_with_council = serializers.BooleanField(
        default=False, help_text="The submitter lets the area's local council read it.")
    focus_areas = serializers.SlugRelatedField(
        slug_field="slug", queryset=FocusArea.objects.all(), many=True, required=False,
        default=list)
    external_reference = serializers.CharField(
        max_length=100, required=False, allow_blank=True, default="",
        help_text="Your system's own id for it (e.g. the form submission's). Sending the same "
                  "one again returns the inquiry already made (200), so a retry is safe.")

    def validate_received_on(self, value):
        if value > timezone.localdate():
            raise serializers.ValidationError(_("The date received cannot be in the future."))
        return value


class InquiryEventSerializer(serializers.ModelSerializer):
    """A step on the inquiry's public timeline, as the submitter sees it."""

    class Meta:
        model = InquiryEvent
        fields = ["kind", "text", "at"]


class SubmitterSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Inquiry.SubmitterKind.choices, source="submitter_kind")
    name = serializers.CharField(source="submitter_name")
    email = serializers.EmailField(source="submitter_email", allow_blank=True)
    phone = serializers.CharField(source="submitter_phone", allow_blank=True)


class InquirySerializer(serializers.ModelSerializer):
    """An inquiry: its status, dates and deadlines, who handles it and who sent it (personal
    data: every read is written to the access log; none after anonymisation)."""

    reference = serializers.CharField(read_only=True)
    area = AreaBriefSerializer(allow_null=True)
    handled_by = StaffBriefSerializer(source="assignee", allow_null=True,
                                      help_text="Empty: the coordinator handles it.")
    focus_areas = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    submitter = serializers.SerializerMethodField(
        help_text="Empty when the personal data has been deleted (anonymised_at).")
    received_through_api_from = serializers.CharField(source="api_system")

    class Meta:
        model = Inquiry
        fields = ["id", "reference", "status", "channel", "area", "subject", "text",
                  "received_on", "acknowledge_due", "answer_due", "acknowledged_at",
                  "answered_at", "closed_at", "outcome", "handled_by", "focus_areas",
                  "shared_with_council", "submitter", "anonymised_at",
                  "received_through_api_from", "external_reference", "created_at", "updated_at"]
        read_only_fields = fields

    @extend_schema_field(SubmitterSerializer(allow_null=True))
    def get_submitter(self, inquiry):
        # A dict, not SubmitterSerializer(inquiry).data: building a serializer per row costs
        # more than the rest of the row (bench/).
        if inquiry.anonymised_at:
            return None
        return {"kind": inquiry.submitter_kind, "name": inquiry.submitter_name,
                "email": inquiry.submitter_email, "phone": inquiry.submitter_phone}


class InquiryDetailSerializer(InquirySerializer):
    """An inquiry with its public timeline: the steps the submitter sees (never internal steps
    or comments)."""

    events = InquiryEventSerializer(many=True, source="public_events", read_only=True)

    class Meta(InquirySerializer.Meta):
        fields = [*InquirySerializer.Meta.fields, "events"]
        read_only_fields = fields


class InquiryFilterSerializer(serializers.Serializer):
    """The list's filters (query parameters)."""

    status = serializers.ChoiceField(choices=Inquiry.Status.choices, required=False)
    area = serializers.SlugField(required=False, help_text="A local area's slug.")
    received_since = serializers.DateField(required=False,
                                           help_text="Received on this day or later.")
    received_until = serializers.DateField(required=False,
                                           help_text="Received on this day or earlier.")
    updated_since = SinceField(required=False,
                                              help_text="Changed at this time or later.")

