# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "lokalkontakt.meetings"
    label = "meetings"
    verbose_name = _("Coordination meetings")

    def ready(self):
        from lokalkontakt.core.registry import jobs
        from lokalkontakt.meetings.jobs import report

        jobs.register("meetings", report, order=30)

        from lokalkontakt.core.registry import assignments_changed
        from lokalkontakt.meetings.services.participants import assignments_changed as follow

        assignments_changed.register("meetings", follow)

        from lokalkontakt.core.registry import employee_deactivated
        from lokalkontakt.meetings.services.participants import employee_deactivated as leave

        employee_deactivated.register("meetings", leave)

        from lokalkontakt.core.registry import (
            Panel,
            area_panels,
            demo_loaders,
            mine_panels,
            mine_workload,
        )
        from lokalkontakt.meetings import panels
        from lokalkontakt.meetings.demo import load_demo

        demo_loaders.register("meetings", load_demo, order=20)

        mine_workload.register("actions", Panel("meetings/_mine_actions.html", panels.mine_actions),
                               order=30)
        mine_workload.register("next_meeting", Panel("meetings/_mine_next_meeting.html",
                                                     panels.mine_next_meeting), order=40)
        mine_panels.register("bulletins", Panel("meetings/_mine_bulletins.html",
                                                panels.mine_bulletins), order=40)
        from lokalkontakt.core.registry import colleague_blocks, coordinator_blocks
        from lokalkontakt.meetings.models import ActionItem
        from lokalkontakt.people.models import Employee

        coordinator_blocks.register("actions-overdue", Panel(
            "meetings/_start_row.html", panels.coordinator_overdue_actions,
            kept_by=(ActionItem, Employee)), order=40)
        colleague_blocks.register("actions", Panel("meetings/_start_row.html",
                                                   panels.colleague_actions), order=40)
        area_panels.register("local_meetings", Panel("meetings/_area_local_meetings.html",
                                                     panels.area_local_meetings), order=30)

        from lokalkontakt.core.registry import briefing_sections

        briefing_sections.register("agenda", Panel("meetings/_briefing_agenda.html",
                                                    panels.briefing_agenda), order=80)
        briefing_sections.register("local_meetings", Panel("meetings/_briefing_local_meetings.html",
                                                            panels.briefing_local_meetings), order=90)
