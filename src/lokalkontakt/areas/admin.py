# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from lokalkontakt.areas.models import AreaEvent, Assignment, Council, LocalArea


class CouncilInline(admin.StackedInline):
    model = Council
    extra = 0
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(LocalArea)
class LocalAreaAdmin(SimpleHistoryAdmin):
    list_display = ["name", "postcodes", "participation"]
    search_fields = ["name", "towns", "postcodes"]
    list_filter = ["participation", "community_forming"]
    inlines = [CouncilInline]
    readonly_fields = ["slug"]


@admin.register(Assignment)
class AssignmentAdmin(SimpleHistoryAdmin):
    """Read-only here: assignments change through the coordinator's pages, which keep history."""

    list_display = ["area", "employee", "role", "starts_on", "ends_on", "handover_due"]
    list_filter = ["role", "handover_due"]
    list_select_related = ["area", "employee"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AreaEvent)
class AreaEventAdmin(admin.ModelAdmin):
    list_display = ["at", "area", "kind", "actor"]
    list_filter = ["kind"]
    list_select_related = ["area", "actor"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
