# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationConfig(AppConfig):
    name = "lokalkontakt.organisation"
    label = "organisation"
    verbose_name = _("Organisation")

    def ready(self):
        from lokalkontakt.core.registry import jobs
        from lokalkontakt.organisation.jobs import report

        # Before the handovers' job, so an area marked "handover due" today is listed at once.
        jobs.register("organisation", report, order=35)
