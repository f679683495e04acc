# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Scheduled reports: the coordinator subscribes addresses to a kind of report monthly or
quarterly (models.ReportSubscription); reports/jobs.py sends it once per period."""
