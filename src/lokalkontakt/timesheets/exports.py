# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The time overview as a spreadsheet (one sheet per view), written row by row into a
write-only workbook (core.xlsx); registered as the export "timesheets.overview" so that a large
one is built by the worker (core.exports).

A file built in the request is kept (KeptFile, issue 20): its bytes in the cache until the data
change, as the overview's page is kept (timesheets.kept: the same version and the same key of
period, core area, viewer, today, language and time zone), with the local areas' names besides,
which only the file shows (every write of an area goes through save() and sets updated_at)."""

import datetime
import io

from django.utils.translation import gettext as _

from lokalkontakt.areas.maps.cached import KEEP_SECONDS
from lokalkontakt.areas.models import LocalArea
from lokalkontakt.areas.versions import kept_in, kept_key
from lokalkontakt.core.exports.registry import Written
from lokalkontakt.core.exports.respond import rows_capped
from lokalkontakt.core.xlsx import append_row, write_only_workbook
from lokalkontakt.people.permissions import core_areas_overseen_by
from lokalkontakt.timesheets import capacity, selectors
from lokalkontakt.timesheets.forms import CapacityFilterForm
from lokalkontakt.timesheets.kept import drawn, overview_version

KEEP_BYTES = 2_000_000  # a larger file is built again at each download, not kept


def write_overview(workbook, found) -> list:
    """The contacts, the local areas and the core areas of an overview, each on a sheet. Holds
    no one's personal data beyond staff names (nothing to log)."""
    sheet = workbook.create_sheet(_("Contacts")[:31])
    append_row(sheet, [_("Name"), _("Core area"), _("Areas"), _("Minutes"),
                       _("Outside working hours (minutes)"), _("Expected at least"),
                       _("Expected at most"), _("Status")])
    labels = {status: str(label) for status, (_badge, label) in capacity.BADGES.items()}
    # Values, not model instances (a contact and its core area each), streamed by name.
    low, high = found.band.low, found.band.high
    for _pk, name, core_area, area_count, minutes, outside_minutes in found.contact_rows():
        append_row(sheet, [name, core_area or "", area_count, minutes, outside_minutes, low, high,
                           labels[found.status(minutes)]])
    areas = workbook.create_sheet(_("Local areas")[:31])
    append_row(areas, [_("Local area"), _("Minutes")])
    for row in found.areas:
        append_row(areas, [row["area__name"] or _("Not one area"), row["minutes"]])
    core = workbook.create_sheet(_("Core areas")[:31])
    append_row(core, [_("Core area"), _("Contacts"), _("Minutes")])
    for row in found.core_areas:
        append_row(core, [row["employee__core_area__name"] or _("No core area"), row["contacts"],
                          row["minutes"]])
    return []


def overview_export(workbook, *, user, params: dict) -> Written:
    """The registered writer: the overview for `params` (start, end, core area) as `user` may
    see it now; the filter is validated again against the core areas they oversee. It shows the
    staff of those core areas ("all" for the coordinator without a core area chosen)."""
    overseen = core_areas_overseen_by(user)
    form = CapacityFilterForm(params, core_areas=overseen)
    if not form.is_valid():
        raise ValueError(f"invalid filter: {form.errors.as_json()}")
    chosen = form.cleaned_data.get("core_area")
    if chosen is not None:
        shown = [chosen.pk]
    elif user.has_perm("core.coordinate"):
        shown = "all"
    else:
        shown = sorted(overseen.values_list("pk", flat=True))
    write_overview(workbook, selectors.overview(user=user, **form.cleaned_data))
    return Written([], shown)


def overview_still_visible(user, shown) -> bool:
    """Whether `user` still oversees the core areas the file shows (all of them: coordinator)."""
    if user.has_perm("core.coordinate"):
        return True
    if shown == "all":
        return False
    return set(shown or []) <= set(core_areas_overseen_by(user).values_list("pk", flat=True))


def overview_filename(params: dict) -> str:
    start, end = (datetime.date.fromisoformat(params[name]).strftime("%Y%m%d")
                  for name in ("start", "end"))
    return f"tid-{start}-{end}.xlsx"


def overview_rows(found) -> int:
    """The export's rows, counted cheaply: the contacts by a capped count, the areas' and core
    areas' rows are in hand."""
    return rows_capped(found.contacts) + len(found.areas) + len(found.core_areas)


class KeptFile:
    """The overview's file for a period and the viewer: `rows` (the export's rows, counted as
    overview_rows) and the file's bytes, from the cache while the data are unchanged, else
    drawn from selectors.overview, the file built only when saved (a large one goes to the
    worker instead): export_response's ready workbook. Its start and end are the period's."""

    def __init__(self, *, user, start, end, core_area=None):
        self.start, self.end = start, end
        self._key = kept_key("timesheets:overview-file:", drawn(
            user=user, start=start, end=end, core_area=core_area,
            version=overview_version(LocalArea)))
        self._cache = kept_in(chosen=True)  # the period is anyone's choice
        kept = self._cache.get(self._key)
        if kept is None:
            self._found, self._data = selectors.overview(
                user=user, start=start, end=end, core_area=core_area), None
            self.rows = overview_rows(self._found)
        else:
            self._found, (self.rows, self._data) = None, kept

    def save(self, file) -> None:
        """Write the file into `file` (built once, and kept unless it is large)."""
        if self._data is None:
            workbook, buffer = write_only_workbook(), io.BytesIO()
            write_overview(workbook, self._found)
            workbook.save(buffer)
            self._data = buffer.getvalue()
            if len(self._data) <= KEEP_BYTES:
                self._cache.set(self._key, (self.rows, self._data), KEEP_SECONDS)
        file.write(self._data)
