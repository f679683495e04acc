# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The rollout's table as a spreadsheet (every area with the chosen answer), written row by row
into a write-only workbook (core.xlsx); registered as the export "rollout.areas"."""

from django.utils.translation import gettext as _

from lokalkontakt.areas.models import Coverage
from lokalkontakt.core.xlsx import DATE_FORMAT, WRAP, append_row, styled
from lokalkontakt.rollout import selectors
from lokalkontakt.rollout.forms import AnswerFilterForm


def write_areas(workbook, areas) -> list:
    """One row per area; the dates as dates, the answer's note wrapped (no personal data)."""
    sheet = workbook.create_sheet(_("Rollout")[:31])
    append_row(sheet, [_("Local area"), _("Invitation sent"), _("The council's answer"),
                       _("Answer date"), _("Note on the answer"), _("Coverage"),
                       _("Local contact")])
    labels = dict(Coverage.choices)
    for area in areas:
        contact = area.primary_assignment
        append_row(sheet, [area.name, styled(sheet, area.invited_on, number_format=DATE_FORMAT),
                           area.get_participation_display(),
                           styled(sheet, area.participation_date, number_format=DATE_FORMAT),
                           styled(sheet, area.participation_note, alignment=WRAP),
                           labels[area.coverage], contact.employee.name if contact else ""])
    return []


def areas_export(workbook, *, user, params: dict) -> list:
    """The registered writer: the areas with the answer `params` names (all when none), only
    those lacking a contact when asked so; a filter no longer valid fails the export rather
    than widening it to all."""
    form = AnswerFilterForm({name: value for name, value in params.items() if value})
    if not form.is_valid():
        raise ValueError(f"invalid filter: {form.errors.as_json()}")
    return write_areas(workbook, selectors.rollout_areas(
        answer=form.cleaned_data["answer"], lacking=form.cleaned_data["lacking"]))


def areas_filename(params: dict) -> str:
    return "udrulning.xlsx"
