# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from lokalkontakt.knowledge.models import Note, NoteAttachment


class NoteAttachmentInline(admin.TabularInline):
    """Files come from the services only."""

    model = NoteAttachment
    extra = 0
    can_delete = False
    readonly_fields = ["name", "size", "content_type", "created_at"]
    fields = readonly_fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Note)
class NoteAdmin(SimpleHistoryAdmin):
    list_display = ["title", "area", "kind", "visibility", "author", "created_at"]
    list_filter = ["kind", "visibility"]
    list_select_related = ["area", "author"]
    search_fields = ["title"]
    raw_id_fields = ["area"]
    readonly_fields = ["author", "version", "created_at", "updated_at"]
    inlines = [NoteAttachmentInline]

    def save_model(self, request, obj, form, change):
        """A save here is a new version too, so that an edit begun on the site before it is
        refused instead of overwriting it (services.note_update)."""
        if change:
            obj.version += 1
        super().save_model(request, obj, form, change)
