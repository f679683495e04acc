# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Notes in the search: title and text; found by whoever may read the note (its visibility)."""

from django.utils.translation import gettext_lazy as _

from lokalkontakt.core.links import url_of
from lokalkontakt.core.markdown import plain_text
from lokalkontakt.core.models import SearchEntryPerson
from lokalkontakt.core.search.registry import Document, Hit, Source, audience_filter
from lokalkontakt.knowledge.models import Note
from lokalkontakt.knowledge.permissions import notes_visible_to


class NoteSource(Source):
    kind = "note"
    label = _("Note")
    model = Note

    def queryset(self):
        return Note.objects.prefetch_related("focus_areas")

    def document(self, note: Note) -> Document:
        return Document(
            object_id=note.pk, title=note.title, body=plain_text(note.text), created_at=note.created_at,
            audience=note.visibility, areas=[note.area_id] if note.area_id else [],
            focus_areas=[f.pk for f in note.focus_areas.all()],
            people=[(note.author_id, SearchEntryPerson.Role.AUTHOR)])

    def visible(self, user):
        return audience_filter(user)

    def hits(self, user, ids):
        # The snippet is cut from the index's stored text: the Markdown is not read; of the
        # note and its area only what a hit shows, and the link reversed once.
        rows = notes_visible_to(user=user).filter(pk__in=ids).values_list(
            "pk", "title", "kind", "created_at", "area__name")
        labels = {kind: str(label) for kind, label in Note.Kind.choices}
        url = url_of("knowledge:detail")
        return {pk: Hit(kind=self.kind, kind_label=labels[kind], title=title, url=url(pk),
                        date=created_at, area=area or "")
                for pk, title, kind, created_at, area in rows}
