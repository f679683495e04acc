# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.contrib import admin

from lokalkontakt.organisation.models import SyncRun


@admin.register(SyncRun)
class SyncRunAdmin(admin.ModelAdmin):
    list_display = ["started_at", "source", "succeeded", "finished_at"]
    list_filter = ["source", "succeeded"]
    readonly_fields = ["source", "started_at", "finished_at", "succeeded", "report"]
