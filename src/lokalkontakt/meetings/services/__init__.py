# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Every write about coordination meetings, one module per subject: series (series and their
meetings), agenda, attendance, minutes, actions, bulletins, local_meetings, calendar_feeds. Each
write runs in one transaction, saves a version with its author (simple_history) and queues its
e-mails (core.mail), which the worker sends after commit."""
