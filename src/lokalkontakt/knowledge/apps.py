# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "lokalkontakt.knowledge"
    verbose_name = _("Knowledge")

    def ready(self):
        from lokalkontakt.core.search.registry import register
        from lokalkontakt.knowledge.search import NoteSource

        register(NoteSource())

        from lokalkontakt.core.registry import jobs
        from lokalkontakt.knowledge.jobs import report

        jobs.register("knowledge", report, order=20)

        from lokalkontakt.core.registry import Panel, area_panels
        from lokalkontakt.knowledge import panels

        area_panels.register("notes", Panel("knowledge/_area_notes.html", panels.area_notes), order=20)

        from lokalkontakt.core.registry import demo_area_loaders
        from lokalkontakt.knowledge.demo import load_demo_notes, tag_demo_notes

        demo_area_loaders.register("knowledge", load_demo_notes, order=20)
        from lokalkontakt.core.registry import demo_loaders

        # After the meetings' demo, whose minutes share an experience as a note.
        demo_loaders.register("knowledge", tag_demo_notes, order=70)

        from lokalkontakt.core.registry import briefing_sections

        briefing_sections.register("notes", Panel("knowledge/_briefing_notes.html",
                                                   panels.briefing_notes), order=40)

        from lokalkontakt.core.registry import tagged_texts
        from lokalkontakt.knowledge.selectors import tagged_texts as note_texts

        tagged_texts.register("notes", note_texts, order=30)
