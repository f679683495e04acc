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
        from lokalkontakt.core.exports.registry import exports
        from lokalkontakt.journal.downloads import NAME, PERIOD_EXPORT

        # A period's ZIP is a prepared export: core.exports' job deletes it after its hours.
        exports.register(NAME, PERIOD_EXPORT)
