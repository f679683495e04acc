# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The access log (adgangslog): who has seen whose personal data, when, how and from where.

Every page, file, export, search result and admin page that shows a citizen's or a council
member's personal data calls `record(request, objects, how=…)`: one INSERT for the page, whatever
it shows. An object's model must be registered in `core.registry.personal_data`, which knows
whose data it holds; the entries copy none of it. The coordinator and the data-protection officer
read the log (`views`), and reading it is logged too. Entries are deleted after
ACCESS_LOG_RETENTION_DAYS by the periodic job (`jobs`); the application never changes them.
"""

from lokalkontakt.core.accesslog.record import record

__all__ = ["record"]
