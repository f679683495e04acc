# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspaceConfig(AppConfig):
    """Pages that gather several apps (the top layer): Mine områder and the start pages. Each
    feature registers its part in core.registry; this app iterates the registries."""

    name = "lokalkontakt.workspace"
    label = "workspace"
    verbose_name = _("Workspace")

    def ready(self):
        from lokalkontakt.core.registry import Panel, coordinator_blocks
        from lokalkontakt.workspace import blocks

        # core keeps the e-mail queue but registers nothing: the composition layer shows it.
        coordinator_blocks.register("emails-failed", Panel(
            "workspace/_failed_email_row.html", blocks.coordinator_failed_emails), order=80)
