# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JournalConfig(AppConfig):
    """Journalisation for the municipality's case system (ESDH), offentlighedsloven § 15
    (composition layer): a package per inquiry and per consultation (a PDF/A of the whole case,
    its files, metadata.json), the list of what still needs journalising, and the record
    "journaliseret som <sagsnummer>". Reads the inquiries and consultations apps; they know
    nothing of it."""

    name = "lokalkontakt.journal"
    label = "journal"
    verbose_name = _("Journalisation")

    def ready(self):
        from lokalkontakt.core.registry import jobs
        from lokalkontakt.journal.downloads import report

        # Prepared ZIPs hold personal data: deleted after a day.
        jobs.register("journal", report, order=60)
