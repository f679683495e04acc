from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AreasConfig(AppConfig):
    name = "lokalkontakt.areas"
    label = "areas"
    verbose_name = _("Local areas")

    def ready(self):
        from lokalkontakt.areas.search import AreaSource
        from lokalkontakt.core.search.registry import register

        register(AreaSource())

        from lokalkontakt.areas.services_onboarding import onboarding_start
        from lokalkontakt.core.registry import assignment_started

        assignment_started.register("onboarding", onboarding_start)

        from lokalkontakt.areas import panels
        from lokalkontakt.core.registry import Panel, mine_panels

        mine_panels.register("onboarding", Panel("areas/_my_onboarding.html", panels.mine_onboarding,
                                                 css="css/onboarding.css"), order=20)
