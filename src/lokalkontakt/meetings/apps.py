from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "lokalkontakt.meetings"
    label = "meetings"
    verbose_name = _("Coordination meetings")
