# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "lokalkontakt.people"
    label = "people"
    verbose_name = _("People")

    def ready(self):
        from lokalkontakt.core.registry import SecretLink, email_secret_links

        # The e-mails that set or reset a login's password carry the link.
        email_secret_links.register("account-password", SecretLink("account:password_set"))

        from lokalkontakt.core.registry import jobs
        from lokalkontakt.people.jobs import report

        # Login records past LOGIN_RECORD_RETENTION_DAYS (people.jobs).
        jobs.register("logins", report, order=30)

        from lokalkontakt.core.registry import personal_data
        from lokalkontakt.people.personal_data import EMPLOYEES

        # Their names and work contact details (the API gives them to other systems).
        personal_data.register("people.employee", EMPLOYEES, order=50)
