from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "lokalkontakt.meetings"
    label = "meetings"
    verbose_name = _("Coordination meetings")

    def ready(self):
        from lokalkontakt.core.registry import jobs
        from lokalkontakt.meetings.jobs import report

        jobs.register("meetings", report, order=30)
