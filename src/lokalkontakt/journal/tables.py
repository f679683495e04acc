# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The journalisation list's rows, written once a page rather than by the template once a row
(issue 20: the rows' template took half the page's time): each label translated once, each date
formatted once, the markup list.html wrote, byte for byte."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import conditional_escape as esc
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _


class _Dates:
    def __init__(self, format_name: str):
        self.format_name, self.done = format_name, {}

    def __call__(self, value) -> str:
        if value not in self.done:
            self.done[value] = esc(date_format(value, self.format_name))
        return self.done[value]


def journal_rows(rows: list[dict], csrf_token: str) -> None:
    """Each row (views._rows) with `html`: its table row as list.html wrote it."""
    reference, subject, received, package, journalised = (esc(_(label)) for label in (
        "Reference", "Subject", "Date received", "Package", "Journalised"))
    kle_label, optional, record = esc(_("KLE number")), esc(_("optional")), esc(_("Record as journalised"))
    deleted = f'<br><span class="badge badge-info">{_("Personal data deleted")}</span>'
    deleted_on = _("Personal data deleted on %(date)s: journalise first")
    download, journalised_as = _("Download %(reference)s (ZIP)"), _("Journalised as %(number)s")
    case_number_for = _("Case number for %(reference)s")
    short_date, short_datetime = _Dates("SHORT_DATE_FORMAT"), _Dates("SHORT_DATETIME_FORMAT")
    token = esc(csrf_token)
    for row in rows:
        case, prefix = row["case"], esc(row["prefix"])
        ref = esc(case.reference)
        warning = ""
        if row["anonymised_on"]:
            warning = ('<br><span class="badge badge-warning">'
                       f'{deleted_on % {"date": short_date(row["anonymised_on"])}}</span>')
        record_ = case.journalisation
        if record_:
            by = f", {esc(record_.recorded_by)}" if record_.recorded_by else ""
            kle = f"; KLE {esc(record_.kle.number)}" if record_.kle else ""
            cell = (f"\n      {journalised_as % {'number': esc(record_.case_number)}}\n"
                    '      <br><span class="muted">'
                    f"{short_datetime(timezone.localtime(record_.journalised_at))}{by}{kle}"
                    "</span>\n      ")
        else:
            cell = (
                "\n      \n"
                f'      <form method="post" action="{esc(row["journalise_url"])}" class="journal-form">\n'
                f'        <input type="hidden" name="csrfmiddlewaretoken" value="{token}">\n'
                f'        <div class="form-group"><label class="form-label" for="id_{prefix}-case_number">'
                f'{case_number_for % {"reference": ref}}</label>\n'
                f'          <input type="text" name="{prefix}-case_number" maxlength="50" required '
                f'id="id_{prefix}-case_number"></div>\n'
                f'        <div class="form-group"><label class="form-label" for="id_{prefix}-kle">'
                f'{kle_label} <span class="weight-normal">({optional})</span></label>\n'
                f'          <input type="text" name="{prefix}-kle" maxlength="8" '
                f'id="id_{prefix}-kle"></div>\n'
                f'        <button type="submit" class="button button-secondary">{record}</button>\n'
                "      </form>\n      ")
        row["html"] = mark_safe(  # noqa: S308 - every value is escaped or built escaped
            f'\n  <tr>\n    <td data-title="{reference}"><a href="{esc(case.obj.get_absolute_url())}">'
            f'{ref}</a><br><span class="muted">{esc(case.kind_label)}</span></td>\n'
            f'    <td data-title="{subject}">{esc(case.title)}\n'
            f"      {deleted if case.personal_data_deleted else ''}\n"
            f"      {warning}\n    </td>\n"
            f'    <td data-title="{received}">{short_date(case.received)}</td>\n'
            f'    <td data-title="{package}"><a href="{esc(row["package_url"])}" download>'
            f'{download % {"reference": ref}}</a></td>\n'
            f'    <td data-title="{journalised}">\n      {cell}\n    </td>\n  </tr>\n  ')
