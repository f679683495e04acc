# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "lokalkontakt.projects"
    label = "projects"
    verbose_name = _("Development projects")

    def ready(self):
        from lokalkontakt.core.registry import demo_area_loaders
        from lokalkontakt.projects.demo import load_bilag_projects

        demo_area_loaders.register("projects", load_bilag_projects, order=10)

        from lokalkontakt.core.registry import Panel, briefing_sections
        from lokalkontakt.projects import panels

        briefing_sections.register("projects", Panel("projects/_briefing_projects.html",
                                                      panels.briefing_projects), order=70)
