# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The staff list of inquiries as a spreadsheet: the rows the list's filters find, with the
channel and the date received; never the submitter's name or contact details. Written row by
row into a write-only workbook (core.xlsx) and registered as the export "inquiries.list", so
that a large one is built by the worker (core.exports)."""

from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from lokalkontakt.core.exports.registry import Written
from lokalkontakt.core.xlsx import DATE_FORMAT, append_row, styled
from lokalkontakt.inquiries import selectors
from lokalkontakt.inquiries.forms import ListFilterForm
from lokalkontakt.inquiries.permissions import inquiries_visible_to

CHECK_CHUNK = 1000


def write_inquiries(workbook, inquiries) -> list:
    """One row per inquiry under a header; the three dates formatted as dates. Holds no
    personal data of the submitters (nothing to log)."""
    sheet = workbook.create_sheet(_("Inquiries")[:31])
    append_row(sheet, [_("Reference"), _("Subject"), _("Local area"), _("Channel"),
                       _("Date received"), _("Status"), _("Handled by"),
                       capfirst(_("acknowledge by")), _("Answer by")])
    coordinator = _("The coordinator")

    def date(value):
        return styled(sheet, value, number_format=DATE_FORMAT)

    for inquiry in inquiries:
        append_row(sheet, [
            inquiry.reference, inquiry.subject, inquiry.area.name if inquiry.area else "",
            inquiry.get_channel_display(), date(inquiry.received_on), inquiry.get_status_display(),
            inquiry.assignee.name if inquiry.assignee else coordinator,
            date(inquiry.acknowledge_due), date(inquiry.answer_due)])
    return []


def list_export(workbook, *, user, params: dict) -> Written:
    """The registered writer: the list as `user` may see it now, for the filter `params`; the
    ids of the inquiries written are what it shows. A filter no longer valid (an assignee since
    deactivated) fails the export: left out, it would widen it."""
    form = ListFilterForm(params)
    if not form.is_valid():
        raise ValueError(f"invalid filter: {form.errors.as_json()}")
    shown = []

    def kept(inquiries):
        for inquiry in inquiries:
            shown.append(inquiry.pk)
            yield inquiry
    write_inquiries(workbook, kept(
        selectors.inquiry_list(user=user, **form.filters()).iterator(chunk_size=2000)))
    return Written([], shown)


def list_still_visible(user, shown) -> bool:
    """Whether `user` may still see every inquiry the file shows (a contact who has handed an
    area over may not), a chunk of ids at a time."""
    ids = sorted(set(shown or []))
    for start in range(0, len(ids), CHECK_CHUNK):
        chunk = ids[start:start + CHECK_CHUNK]
        if inquiries_visible_to(user=user).filter(pk__in=chunk).count() != len(chunk):
            return False
    return True


def list_filename(params: dict) -> str:
    return f"henvendelser-{timezone.localdate():%Y%m%d}.xlsx"
