# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The admin shows inquiries for operations only, read-only and without the citizen: no name,
contact details, text, messages or file names, which the application shows to those its
visibility rules allow (and changes only through its services, which record who did what)."""

from django.contrib import admin

from lokalkontakt.inquiries.models import Inquiry, InquiryEvent


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class InquiryEventInline(admin.TabularInline):
    """What happened and by whom, without what was written."""

    model = InquiryEvent
    extra = 0
    fields = readonly_fields = ["kind", "public", "actor", "at"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Inquiry)
class InquiryAdmin(ReadOnlyAdmin):
    list_display = ["pk", "subject", "area", "channel", "status", "assignee", "answer_due"]
    list_filter = ["status", "channel"]
    list_select_related = ["area", "assignee"]
    fields = ["subject", "area", "channel", "received_on", "submitter_kind", "shared_with_council",
              "status", "assignee",
              "acknowledge_due", "answer_due", "acknowledged_at", "answered_at", "closed_at",
              "escalated_at", "anonymised_at", "created_at"]
    readonly_fields = fields
    inlines = [InquiryEventInline]
