# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.contrib import admin

from lokalkontakt.consultations.models import (
    Consultation,
    ConsultationAttachment,
    ConsultationEvent,
    ConsultationTask,
)


class ReadOnlyInline(admin.TabularInline):
    """Tasks, events and files come from the services only."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class ConsultationTaskInline(ReadOnlyInline):
    model = ConsultationTask
    fields = readonly_fields = ["area", "handler", "status", "responded_by", "responded_at"]


class ConsultationEventInline(ReadOnlyInline):
    model = ConsultationEvent
    readonly_fields = ["task", "kind", "text", "actor", "at"]


class ConsultationAttachmentInline(ReadOnlyInline):
    """Names only: files are downloaded through consultations:attachment, never from MEDIA_URL."""

    model = ConsultationAttachment
    fields = readonly_fields = ["name", "size", "content_type", "task", "uploaded_by", "created_at"]


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    list_display = ["pk", "title", "requested_by", "deadline", "status", "created_at"]
    list_filter = ["status"]
    list_select_related = ["requested_by"]
    search_fields = ["title"]
    # Closing goes through consultations.services, which writes the event.
    readonly_fields = ["status", "closed_at"]
    inlines = [ConsultationTaskInline, ConsultationEventInline, ConsultationAttachmentInline]


@admin.register(ConsultationTask)
class ConsultationTaskAdmin(admin.ModelAdmin):
    list_display = ["pk", "consultation", "area", "handler", "status", "responded_at"]
    list_filter = ["status"]
    list_select_related = ["consultation", "area", "handler"]
    raw_id_fields = ["consultation", "area", "handler"]
    # Responses go through consultations.services, which writes the events and tells the requester.
    readonly_fields = ["status", "response", "heard", "responded_by", "responded_at"]
