# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The kinds of report there are, so that pages, exports and scheduled sending meet without
naming each other: each kind registers itself in ReportsConfig.ready.

`build(period, **params)` returns the `Report` for a period; `params` are JSON values (a focus
area's slug), as a scheduled report stores them. `choices()` lists the params a coordinator may
pick from (e.g. [("focus_area", slug, name), ...]), or nothing for a report without any.
"""

from collections.abc import Callable
from dataclasses import dataclass

from lokalkontakt.core.registry import Registry


@dataclass(frozen=True)
class ReportKind:
    label: str
    build: Callable
    choices: Callable = lambda: []


report_kinds = Registry("report_kinds")
