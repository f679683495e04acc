# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
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

        from lokalkontakt.areas import panels
        from lokalkontakt.core.registry import Panel, briefing_sections

        briefing_sections.register("facts", Panel("areas/_briefing_facts.html", panels.briefing_from_area),
                                   order=10)
        briefing_sections.register("council", Panel("areas/_briefing_council.html",
                                                     panels.briefing_from_area), order=20)
        briefing_sections.register("contacts", Panel("areas/_briefing_contacts.html",
                                                     panels.briefing_contacts), order=30)

        from lokalkontakt.areas.models import Assignment, LocalArea
        from lokalkontakt.core.registry import coordinator_blocks

        coordinator_blocks.register("areas-without-contact", Panel(
            "areas/_start_row.html", panels.coordinator_without_contact,
            kept_by=(LocalArea, Assignment)), order=70)

        from lokalkontakt.areas.personal_data import AREA_EVENTS
        from lokalkontakt.core.registry import personal_data

        personal_data.register("areas.areaevent", AREA_EVENTS, order=30)
