# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The reports by the 15 focus areas: how much of each kind of work is tagged with each (and how
much is not), and per focus area what the local areas raised about it."""
