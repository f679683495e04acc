# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The meetings' pages, one module per subject: meetings, agenda, actions, bulletins,
local_meetings, calendar."""
