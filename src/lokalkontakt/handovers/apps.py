# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HandoversConfig(AppConfig):
    name = "lokalkontakt.handovers"
    label = "handovers"
    verbose_name = _("Handovers")

    def ready(self):
        from lokalkontakt.core.registry import Panel, demo_loaders, jobs, mine_panels
        from lokalkontakt.handovers import demo, panels
        from lokalkontakt.handovers.jobs import report

        jobs.register("handovers", report, order=40)
        mine_panels.register("handovers", Panel("handovers/_my_handovers.html",
                                                panels.mine_handovers), order=10)
        demo_loaders.register("handovers", demo.load_demo, order=30)

        from lokalkontakt.core.registry import coordinator_blocks, planned_handovers
        from lokalkontakt.handovers.selectors import planned_handover_links

        planned_handovers.register("handovers", planned_handover_links)

        from lokalkontakt.areas.models import Assignment, LocalArea
        from lokalkontakt.handovers.models import Handover
        from lokalkontakt.people.models import Employee

        drawn_from = (Handover, Assignment, LocalArea, Employee)
        coordinator_blocks.register("handovers-planned", Panel(
            "handovers/_start_planned_row.html", panels.coordinator_planned, kept_by=drawn_from),
            order=50)
        coordinator_blocks.register("handovers-due", Panel(
            "handovers/_start_due_row.html", panels.coordinator_due, kept_by=drawn_from), order=60)
