from django.contrib import admin

from lokalkontakt.inquiries.models import Inquiry, InquiryAttachment, InquiryEvent


class InquiryEventInline(admin.TabularInline):
    model = InquiryEvent
    extra = 0
    can_delete = False
    readonly_fields = ["kind", "public", "text", "actor", "at"]


class InquiryAttachmentInline(admin.TabularInline):
    """Names only: files are downloaded from the inquiry page, never from MEDIA_URL."""

    model = InquiryAttachment
    extra = 0
    can_delete = False
    fields = readonly_fields = ["name", "size", "content_type", "event", "created_at"]


@admin.register(Inquiry)
class InquiryAdmin(admin.ModelAdmin):
    list_display = ["pk", "subject", "area", "status", "assignee", "answer_due"]
    list_filter = ["status"]
    list_select_related = ["area", "assignee"]
    readonly_fields = ["token_hash", "client_hash"]
    inlines = [InquiryEventInline, InquiryAttachmentInline]
