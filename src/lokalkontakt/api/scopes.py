# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""What an API key may do. A key holds a list of these; an endpoint names the scope each of its
methods needs (`required_scopes`), and a key without it is refused (403)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    INQUIRIES_READ = "inquiries:read", _("Read inquiries, their status and public steps")
    INQUIRIES_WRITE = "inquiries:write", _("Create inquiries from another system")
    CONSULTATIONS_READ = "consultations:read", _("Read consultations and the areas' answers")
    NOTES_READ = "notes:read", _("Read knowledge notes shared with staff")
    ORGANISATION_READ = "organisation:read", _("Read employees, core areas and assignments")
    CHANGES_READ = "changes:read", _("Follow the change feed")
    JOURNAL = "journal", _("Fetch journalisation packages and record them as journalised")
