# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from lokalkontakt.people.models import AccountEvent, CoreArea, Employee


@admin.register(CoreArea)
class CoreAreaAdmin(SimpleHistoryAdmin):
    list_display = ["name", "external_uuid"]
    search_fields = ["name"]


@admin.register(Employee)
class EmployeeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "title", "core_area", "email", "is_active"]
    list_filter = ["is_active", "core_area"]
    search_fields = ["name", "email", "title"]
    list_select_related = ["core_area"]
    raw_id_fields = ["user"]


@admin.register(AccountEvent)
class AccountEventAdmin(admin.ModelAdmin):
    """Read only: the record of what happened to logins."""

    list_display = ["created_at", "kind", "user", "employee", "actor"]
    list_filter = ["kind"]
    search_fields = ["user__username", "employee__name"]
    list_select_related = ["user", "employee", "actor"]
    readonly_fields = ["kind", "user", "employee", "actor", "client_hash", "created_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
