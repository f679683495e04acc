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

        from lokalkontakt.areas.jobs import report
        from lokalkontakt.areas.services_onboarding import onboarding_start
        from lokalkontakt.core.registry import assignment_started, jobs

        jobs.register("handovers", report, order=40)
        assignment_started.register("onboarding", onboarding_start)

        from lokalkontakt.areas import panels
        from lokalkontakt.core.registry import Panel, mine_panels

        mine_panels.register("handovers", Panel("areas/_my_handovers.html", panels.mine_handovers),
                             order=10)
        mine_panels.register("onboarding", Panel("areas/_my_onboarding.html", panels.mine_onboarding,
                                                 css="css/onboarding.css"), order=20)

        from lokalkontakt.areas import demo_handover, demo_onboarding
        from lokalkontakt.core.registry import demo_loaders

        demo_loaders.register("handovers", demo_handover.load_demo, order=30)
        demo_loaders.register("onboarding", demo_onboarding.load_demo, order=40)
