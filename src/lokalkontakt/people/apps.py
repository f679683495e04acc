from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "lokalkontakt.people"
    label = "people"
    verbose_name = _("People")

    def ready(self):
        from lokalkontakt.core.registry import Panel, mine_panels
        from lokalkontakt.people import panels

        mine_panels.register("time", Panel("people/_mine_time.html", panels.mine_time), order=30)
