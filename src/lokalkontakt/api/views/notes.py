# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins

from lokalkontakt.api.scopes import Scope
from lokalkontakt.api.serializers.detail import BAD_FILTER, KEY_ERRORS, NOT_FOUND
from lokalkontakt.api.serializers.notes import NoteFilterSerializer, NoteSerializer
from lokalkontakt.api.views.base import KeyedViewSet
from lokalkontakt.api.views.filters import filtered, filters
from lokalkontakt.knowledge.permissions import notes_visible_to_staff


@extend_schema_view(
    list=extend_schema(summary="Knowledge notes", tags=["Knowledge"],
                       parameters=[NoteFilterSerializer],
                       responses={200: NoteSerializer(many=True), **BAD_FILTER, **KEY_ERRORS,
                                  **NOT_FOUND}),
    retrieve=extend_schema(summary="One knowledge note", tags=["Knowledge"],
                           responses={200: NoteSerializer, **KEY_ERRORS, **NOT_FOUND}),
)
class NoteViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, KeyedViewSet):
    """The knowledge notes any member of staff may read (every visibility: staff, staff and
    council, public), newest first, with their files' names and sizes. Scope notes:read. The
    authors' names are personal data: each call is written to the access log."""

    serializer_class = NoteSerializer
    required_scopes = {"GET": Scope.NOTES_READ}
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        notes = (notes_visible_to_staff().select_related("area", "author")
                 .prefetch_related("focus_areas", "attachments").order_by("-created_at", "-pk"))
        if self.action != "list":
            return notes
        given = filters(self.request, NoteFilterSerializer)
        return filtered(notes, given, {
            "area": "area__slug", "focus_area": "focus_areas__slug", "visibility": "visibility",
            "kind": "kind", "updated_since": "updated_at__gte"})

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        self.log_read(note.author for note in page)
        return page

    def get_object(self):
        note = super().get_object()
        self.log_read([note.author])
        return note
