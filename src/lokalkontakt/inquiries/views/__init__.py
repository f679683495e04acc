# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The inquiries' pages, one module per audience or subject: public (intake and tracking),
inquiries (the staff's list and page), handling (the page's actions), council."""
