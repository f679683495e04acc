# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The handovers' periodic job (registered in apps.py)."""

from lokalkontakt.handovers.services import handover_switch_due


def report() -> str:
    """run_jobs' line for the handovers whose date has come."""
    return f"Handovers: {handover_switch_due()} switched."
