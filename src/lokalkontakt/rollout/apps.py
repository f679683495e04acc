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
        from lokalkontakt.core.exports.registry import Export, exports
        from lokalkontakt.rollout.exports import areas_export, areas_filename

        exports.register("rollout.areas", Export(
            write=areas_export, filename=areas_filename,
            allowed=lambda user: user.has_perm("core.view_internal")))
