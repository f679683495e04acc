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
