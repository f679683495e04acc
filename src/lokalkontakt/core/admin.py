# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.contrib import admin

from lokalkontakt.core.accesslog.admin import AccessLoggedAdmin
from lokalkontakt.core.models import FocusArea, OutgoingEmail


@admin.register(FocusArea)
class FocusAreaAdmin(admin.ModelAdmin):
    list_display = ["number", "name"]
    search_fields = ["name", "description"]


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(AccessLoggedAdmin, admin.ModelAdmin):
    access_log_list = False  # subjects and dates only; the page of one e-mail shows its recipients
    list_display = ["created_at", "subject", "status", "attempts"]
    list_filter = ["status"]
    readonly_fields = ["to", "subject", "body", "reply_to", "status", "attempts", "last_error",
                       "claimed_at", "sent_at", "resent_at", "resent_by"]

    def has_add_permission(self, request):
        return False
