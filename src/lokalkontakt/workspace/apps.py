# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspaceConfig(AppConfig):
    """Pages that gather several apps (the top layer): Mine områder and the start page. Each
    feature registers its part in core.registry; this app iterates the registries."""

    name = "lokalkontakt.workspace"
    label = "workspace"
    verbose_name = _("Workspace")
