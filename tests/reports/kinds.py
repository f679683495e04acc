# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A small real kind of report for the tests of what any kind gets (scheduled sending): a
report with one table, offering the focus areas as its choice, as the focus-area report does."""

import contextlib

from lokalkontakt.reports.kinds import ReportKind, report_kinds
from lokalkontakt.reports.structure import Column, Report, Section, Table

KEY = "test"
LABEL = "Prøverapport"
FOCUS_AREAS = [("focus_area", "smidige-processer", "Smidige processer"),
               ("focus_area", "groen-omstilling", "Grøn omstilling")]


def build(period, *, focus_area: str = "", failing: list | None = None) -> Report:
    table = Table("inquiries", "Henvendelser", [Column("area", "Lokalområde"),
                                                 Column("count", "Antal", "number")],
                  [["Glud", 3], ["Juelsminde", 1]])
    return Report(title=f"{LABEL} om {focus_area}", period=period,
                  compared_with=period.previous(),
                  sections=[Section("inquiries", "Henvendelser", tables=[table])],
                  filename=f"proeverapport-{period.start:%Y-%m}")


@contextlib.contextmanager
def registered(key: str = KEY, build=build, choices=lambda: FOCUS_AREAS):
    """The kind is registered while the block runs."""
    report_kinds.register(key, ReportKind(label=LABEL, build=build, choices=choices))
    try:
        yield
    finally:
        report_kinds._entries.pop(key, None)
