# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from lokalkontakt.core.accesslog.admin import AccessLoggedAdmin
from lokalkontakt.councils.models import CouncilMember


@admin.register(CouncilMember)
class CouncilMemberAdmin(AccessLoggedAdmin, SimpleHistoryAdmin):
    list_display = ["name", "council", "email", "is_active", "invited_at"]
    list_filter = ["is_active"]
    list_select_related = ["council__area"]
    search_fields = ["name", "email", "council__name"]
    readonly_fields = ["user", "invited_by", "invited_at"]
