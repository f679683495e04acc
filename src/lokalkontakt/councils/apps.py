# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilsConfig(AppConfig):
    name = "lokalkontakt.councils"
    label = "councils"
    verbose_name = _("Council members")

    def ready(self):
        # Registers the councils.manage_members rule the area page asks for.
        from lokalkontakt.core.registry import SecretLink, email_secret_links, jobs, personal_data
        from lokalkontakt.councils import permissions  # noqa: F401
        from lokalkontakt.councils.jobs import report
        from lokalkontakt.councils.personal_data import COUNCIL_MEMBERS

        # Invitations and requested login links carry a one-time login link.
        email_secret_links.register("council-login", SecretLink("council:confirm"))
        # Before the mail job (order 80), so the e-mails it empties are not looked at twice.
        jobs.register("councils", report, order=20)
        personal_data.register("councils.councilmember", COUNCIL_MEMBERS, order=20)
