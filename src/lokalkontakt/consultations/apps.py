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

        from lokalkontakt.consultations.models import Consultation, ConsultationTask
        from lokalkontakt.core.registry import colleague_blocks, coordinator_blocks

        row = "consultations/_start_row.html"
        coordinator_blocks.register("consultations-past-deadline", Panel(
            row, panels.coordinator_past_deadline, kept_by=(Consultation, ConsultationTask)),
            order=30)
        colleague_blocks.register("consultations-requested",
                                  Panel(row, panels.colleague_requested), order=30)

        from lokalkontakt.core.registry import briefing_sections

        briefing_sections.register("consultations", Panel(
            "consultations/_briefing_consultations.html", panels.briefing_consultations), order=60)

        from lokalkontakt.consultations.selectors import tagged_texts as consultation_texts
        from lokalkontakt.core.registry import tagged_texts

        tagged_texts.register("consultations", consultation_texts, order=20)

        from lokalkontakt.consultations.demo import load_demo
        from lokalkontakt.core.registry import demo_loaders

        demo_loaders.register("consultations", load_demo, order=60)
