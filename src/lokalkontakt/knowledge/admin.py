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
    search_fields = ["title", "text"]
    autocomplete_fields = []
    raw_id_fields = ["area", "author"]
    inlines = [NoteAttachmentInline]
