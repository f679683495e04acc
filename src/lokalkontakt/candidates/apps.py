# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class CandidatesConfig(AppConfig):
    name = "lokalkontakt.candidates"
    label = "candidates"
    verbose_name = pgettext_lazy("menu", "Candidates")

    def ready(self):
        from lokalkontakt.candidates.demo import load_demo
        from lokalkontakt.core.registry import demo_loaders

        # the demo colleague leads Læring and has nominated a member of their staff
        demo_loaders.register("candidates", load_demo, order=90)
