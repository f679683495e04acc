# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The sections of a focus area's report that list its items, each saying how many more there
are when the list is cut at items.ITEMS."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lokalkontakt.reports.focus.items import ITEMS
from lokalkontakt.reports.structure import Column, Section, Table


def _columns() -> dict[str, list[Column]]:
    return {
        "inquiries": [Column("reference", _("Reference")), Column("received", _("Received"), "date"),
                      Column("area", _("Local area")), Column("subject", _("Subject")),
                      Column("status", _("Status")), Column("outcome", _("Outcome"))],
        "answers": [Column("consultation", _("Consultation")),
                    Column("answered", _("Date"), "date"), Column("area", _("Local area")),
                    Column("status", _("Status")), Column("answer", _("Answer"))],
        "notes": [Column("title", _("Title")), Column("written", _("Written"), "date"),
                  Column("area", _("Local area")), Column("kind", _("Kind"))],
        "projects": [Column("title", _("Project")), Column("registered", _("Registered"), "date"),
                     Column("areas", _("Local areas")), Column("status", _("Status"))],
    }


def _titles() -> dict[str, tuple[str, str]]:
    """(section title, what the table holds)."""
    return {
        "inquiries": (_("Inquiries"), _("Inquiries received in the period")),
        "answers": (_("Consultation answers"),
                    _("The local areas' answers to consultations, given in the period")),
        "notes": (_("Knowledge notes"), _("Notes written in the period")),
        "projects": (_("Development projects"), _("Projects registered in the period")),
    }


def more_note(shown: int, total: int) -> str:
    """The sentence under a list cut at ITEMS."""
    if total <= shown:
        return ""
    return ngettext("The %(shown)d newest are shown; %(more)d more is not.",
                    "The %(shown)d newest are shown; %(more)d more are not.",
                    total - shown) % {"shown": shown, "more": total - shown}


def item_sections(item_rows: dict[str, list], totals: dict, *, limited: bool = False) -> list[Section]:
    """A section per kind of item; `limited`: the reader may open only some of them (the counts
    above are of all), which the intro says."""
    columns, titles = _columns(), _titles()
    sections = []
    for kind, rows in item_rows.items():
        title, caption = titles[kind]
        table = Table(key=f"{kind}-items", title=caption, columns=columns[kind], rows=rows,
                      note=more_note(min(len(rows), ITEMS), totals[kind][0]))
        intro = _("Subject and outcome; who wrote is never shown.") if kind == "inquiries" else ""
        if limited and kind in ("inquiries", "answers"):
            intro = " ".join(part for part in [intro, _(
                "Only those you may open are listed; the counts above are of them all.")] if part)
        sections.append(Section(key=f"{kind}-items", title=title, tables=[table], intro=intro))
    return sections
