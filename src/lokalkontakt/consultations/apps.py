# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "lokalkontakt.consultations"
    label = "consultations"
    verbose_name = _("Consultations")

    def ready(self):
        from lokalkontakt.consultations.search import ConsultationSource
        from lokalkontakt.core.search.registry import register

        register(ConsultationSource())

        from lokalkontakt.consultations import panels
        from lokalkontakt.core.registry import Panel, council_panels, mine_workload

        mine_workload.register("consultations", Panel("consultations/_mine_workload.html",
                                                      panels.mine_workload), order=20)
        council_panels.register("consultations", panels.council_home_panel, order=20)

        from lokalkontakt.core.registry import briefing_sections

        briefing_sections.register("consultations", Panel(
            "consultations/_briefing_consultations.html", panels.briefing_consultations), order=60)
