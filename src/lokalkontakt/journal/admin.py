# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Read-only views for support: journalisations are recorded once (services.journalise) and the
KLE list is loaded from a file (kle.kle_load), never edited by hand."""

from django.contrib import admin

from lokalkontakt.journal.models import Journalisation, KleLoad, KleNumber


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Journalisation)
class JournalisationAdmin(ReadOnlyAdmin):
    list_display = ["kind", "object_id", "case_number", "kle", "journalised_at", "journalised_by",
                    "actor_label"]
    list_filter = ["kind"]
    search_fields = ["case_number"]


@admin.register(KleNumber)
class KleNumberAdmin(ReadOnlyAdmin):
    list_display = ["number", "title", "active"]
    list_filter = ["active"]
    search_fields = ["number", "title"]


@admin.register(KleLoad)
class KleLoadAdmin(ReadOnlyAdmin):
    list_display = ["file_name", "loaded_at", "loaded_by", "total", "added", "updated",
                    "deactivated"]
