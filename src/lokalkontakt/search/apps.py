# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The search pages (the top layer): /soeg/ finds areas, notes, inquiries and consultations
    through the sources each app registers in core.search, and "who knows something about …"
    finds colleagues. The engine is core.search."""

    name = "lokalkontakt.search"
    label = "search"
    verbose_name = _("Search")
