# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The exports the worker can build, registered by their apps in `AppConfig.ready` under a
dotted name ("inquiries.list"), so core imports no app."""

from collections.abc import Callable
from dataclasses import dataclass

from lokalkontakt.core.registry import Registry


@dataclass(frozen=True)
class Export:
    """`write(workbook, *, user, params)` fills a write-only workbook (core.xlsx) with what
    `user` may see for `params` (the filter's values as JSON, validated again as the export's
    form does) and returns the personal data it wrote as (model label, id) pairs (logged with
    `how` at each download; empty when it holds none). `filename(params)` names the file;
    `allowed(user)` says who may have it (checked again at download)."""

    write: Callable
    filename: Callable[[dict], str]
    allowed: Callable = lambda user: True
    how: str = "export"


exports = Registry("exports")
