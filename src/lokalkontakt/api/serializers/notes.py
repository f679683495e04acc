# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from rest_framework import serializers

from lokalkontakt.api.serializers.fields import SinceField
from lokalkontakt.knowledge.models import Note, NoteAttachment


class NoteAttachmentSerializer(serializers.ModelSerializer):
    """A file of the note: its name, size in bytes and type (the file itself is not served)."""

    class Meta:
        model = NoteAttachment
        fields = ["name", "size", "content_type"]


class NoteSerializer(serializers.ModelSerializer):
    """A knowledge note, as any member of staff reads it. `area` is the local area's slug, or
    null for a note about the whole scheme; `text` is Markdown."""

    area = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    focus_areas = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    author = serializers.CharField(source="author.name", read_only=True)
    attachments = NoteAttachmentSerializer(many=True, read_only=True)

    class Meta:
        model = Note
        fields = ["id", "area", "title", "text", "kind", "visibility", "focus_areas", "author",
                  "attachments", "created_at", "updated_at"]


class NoteFilterSerializer(serializers.Serializer):
    """The note list's filters (query parameters)."""

    area = serializers.SlugField(required=False, help_text="A local area's slug.")
    focus_area = serializers.SlugField(required=False, help_text="A focus area's slug.")
    visibility = serializers.ChoiceField(choices=Note.Visibility.choices, required=False)
    kind = serializers.ChoiceField(choices=Note.Kind.choices, required=False)
    updated_since = SinceField(
        required=False, help_text="Only notes changed at or after this time (ISO 8601).")
