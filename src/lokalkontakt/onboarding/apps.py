# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OnboardingConfig(AppConfig):
    name = "lokalkontakt.onboarding"
    label = "onboarding"
    verbose_name = _("Onboarding")

    def ready(self):
        from lokalkontakt.core.registry import Panel, assignment_started, demo_loaders, mine_panels
        from lokalkontakt.onboarding import demo, panels
        from lokalkontakt.onboarding.services import onboarding_start

        assignment_started.register("onboarding", onboarding_start)
        mine_panels.register("onboarding", Panel("onboarding/_my_onboarding.html",
                                                 panels.mine_onboarding,
                                                 css="css/onboarding.css"), order=20)
        demo_loaders.register("onboarding", demo.load_demo, order=40)
