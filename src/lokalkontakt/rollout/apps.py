# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RolloutConfig(AppConfig):
    name = "lokalkontakt.rollout"
    label = "rollout"
    verbose_name = _("Rollout")

    def ready(self):
        from lokalkontakt.core.registry import demo_loaders
        from lokalkontakt.rollout.demo import load_demo

        demo_loaders.register("rollout", load_demo, order=10)
