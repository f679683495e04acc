from django.contrib import admin

from lokalkontakt.consultations.models import (
    Consultation,
    ConsultationAttachment,
    ConsultationEvent,
    ConsultationTask,
)


class ConsultationTaskInline(admin.TabularInline):
    model = ConsultationTask
    extra = 0
    can_delete = False
    fields = ["area", "handler", "status", "responded_by", "responded_at"]
    readonly_fields = fields


class ConsultationEventInline(admin.TabularInline):
    model = ConsultationEvent
    extra = 0
    can_delete = False
    readonly_fields = ["task", "kind", "text", "actor", "at"]


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    list_display = ["pk", "title", "requested_by", "deadline", "status", "created_at"]
    list_filter = ["status"]
    list_select_related = ["requested_by"]
    search_fields = ["title"]
    inlines = [ConsultationTaskInline, ConsultationEventInline]


@admin.register(ConsultationTask)
class ConsultationTaskAdmin(admin.ModelAdmin):
    list_display = ["pk", "consultation", "area", "handler", "status", "responded_at"]
    list_filter = ["status"]
    list_select_related = ["consultation", "area", "handler"]
    raw_id_fields = ["consultation", "area", "handler", "responded_by"]


@admin.register(ConsultationAttachment)
class ConsultationAttachmentAdmin(admin.ModelAdmin):
    list_display = ["pk", "name", "consultation", "task", "size", "created_at"]
    list_select_related = ["consultation", "task__area"]
    raw_id_fields = ["consultation", "task", "uploaded_by"]
    readonly_fields = ["file", "size", "content_type"]
