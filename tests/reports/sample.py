# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A report built by hand from reports.structure, with a chart of each kind, for the tests of
charts and exports (the real reports are built by reports/scheme and reports/focus)."""

import datetime

from lokalkontakt.reports.period import Period
from lokalkontakt.reports.structure import Cell, Chart, Column, Report, Section, Table

MONTHS = ["januar", "februar", "marts", "april", "maj", "juni"]


def by_area() -> Table:
    return Table(
        "by-area", "Henvendelser pr. område",
        [Column("area", "Område"), Column("count", "Antal", "number"),
         Column("before", "Året før", "number"), Column("on_time", "Besvaret til tiden", "percent"),
         Column("days", "Median dage til svar", "days")],
        [[Cell("Glud", "/omraader/glud/"), 1234, 1000, 0.75, 4.5],
         [Cell("Hornsyld-Ølholm", "/omraader/hornsyld/"), 12, 8, 0.5, 7.25],
         ["Åle", 0, 2, None, None]],
        chart=Chart("bar", "area", ("count", "before"), title="Henvendelser pr. område i 2026"))


def by_month() -> Table:
    return Table(
        "by-month", "Besvaret til tiden pr. måned",
        [Column("month", "Måned"), Column("share", "Andel besvaret til tiden", "percent")],
        [[month, 0.6 + index / 20] for index, month in enumerate(MONTHS)],
        chart=Chart("line", "month", ("share",)))


def by_channel() -> Table:
    return Table(
        "by-channel", "Henvendelser pr. kanal",
        [Column("channel", "Kanal"), Column("count", "Antal", "number")],
        [["E-mail", 30], ["Formular", 50], ["Telefon", 12]],
        chart=Chart("pie", "channel", ("count",)))


def deadlines() -> Table:
    return Table(
        "deadlines", "Frister: Påske/jul [2026]?",  # a title Excel refuses as a sheet name as it is
        [Column("inquiry", "Henvendelse"), Column("due", "Frist", "date")],
        [["Stien ved åen", datetime.date(2026, 4, 8)]], note="Kun åbne henvendelser.")


def sample_report(**kwargs) -> Report:
    return Report(
        title="Lokalkontaktordningen", period=Period.year(2026), compared_with=Period.year(2025),
        sections=[
            Section("inquiries", "Henvendelser", tables=[by_area(), by_month(), by_channel()],
                    figures=[("Henvendelser i alt", 1246, 1010)]),
            Section("deadlines", "Frister", tables=[deadlines()]),
        ],
        filters=[("Fokusområde", "Smidige processer")],
        generated_at=datetime.datetime(2026, 12, 1, 9, 0, tzinfo=datetime.UTC), **kwargs)
