# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The time overview's page (timesheets.views.overview) kept in the cache until what it reads
changes (issue 20): the summary per core area (its contacts and minutes, the total, the count of
contacts) and each page of the contacts' rows, drawn as HTML (timesheets.tables.contact_rows).
One query (overview_version) tells whether a kept copy is current, instead of the summary's and
the page's queries over every contact (two subqueries each) and writing the rows again.

The key holds everything the page is drawn from besides the data: the period and the core area
chosen, whose the view is (everything for the coordinator; for anyone else the core areas they
oversee, read for the key), today's date, the language and time zone of the labels, and the
version of the data: the writes (areas.versions.data_version) of the employees, core areas
and assignments (names, core areas, current areas), the time entries, and the monthly totals
(rebuilt by totals.recompute).

Like the other kept pages, what is kept also expires after KEEP_SECONDS."""


from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.translation import get_language

from lokalkontakt.areas.maps.cached import KEEP_SECONDS
from lokalkontakt.areas.models import Assignment, LocalArea
from lokalkontakt.areas.versions import data_version, kept_in, kept_key
from lokalkontakt.people.models import CoreArea, Employee
from lokalkontakt.people.permissions import core_areas_overseen_by
from lokalkontakt.timesheets import selectors, tables
from lokalkontakt.timesheets.capacity import Band
from lokalkontakt.timesheets.models import EmployeeMonth, TimeEntry, TimeTotal


def overview_version(*more) -> str:
    """Changes whenever what the time overview shows may change (one query); `more`: models
    that a view of it reads besides (the export: the local areas' names)."""
    return data_version(Employee, CoreArea, Assignment, *more, TimeEntry, EmployeeMonth, TimeTotal)


def _viewer(user) -> tuple:
    """What decides what the user sees: everything (the coordinator), or the core areas they
    oversee (one query)."""
    if user.has_perm("core.coordinate"):
        return ("all",)
    return ("some", *core_areas_overseen_by(user).order_by("pk").values_list("pk", flat=True))


def drawn(*, user, start, end, core_area, version: str) -> tuple:
    """What a view of the overview is drawn from besides the data (`version`): the period, the
    core area chosen, the viewer, today, the language and the time zone."""
    return (version, start, end, core_area.pk if core_area else None, _viewer(user),
            timezone.localdate(), get_language(), timezone.get_current_timezone_name())


class KeptOverview:
    """The overview's summary for a period and the viewer, with its pages of contacts' rows,
    from the cache while the data are unchanged; a Summary's fields (start, end, band, core_areas,
    total_minutes, contact_count) for the template and the paginator."""

    def __init__(self, *, user, start, end, core_area=None):
        self.user, self.start, self.end, self.core_area = user, start, end, core_area
        self._key = kept_key("timesheets:overview:", drawn(
            user=user, start=start, end=end, core_area=core_area, version=overview_version()))
        self._cache = kept_in(chosen=True)  # the period is anyone's choice
        self._summary = None
        self.band = Band.of(start, end)
        kept = self._cache.get(self._key)
        if kept is None:
            self._summary = self._select()
            kept = (self._summary.core_areas, self._summary.total_minutes,
                    self._summary.contact_count)
            self._cache.set(self._key, kept, KEEP_SECONDS)
        self.core_areas, self.total_minutes, self.contact_count = kept

    def _select(self):
        return selectors.overview_summary(user=self.user, start=self.start, end=self.end,
                                          core_area=self.core_area)

    def status(self, minutes: int) -> str:
        return self.band.status(minutes)

    def rows(self, bottom: int, top: int) -> list:
        """The contacts' rows from bottom to top (by name), as HTML."""
        key = f"{self._key}:{bottom}:{top}"
        rows = self._cache.get(key)
        if rows is None:
            contacts = (self._summary.contacts if self._summary else selectors.overview_contacts(
                user=self.user, start=self.start, end=self.end, core_area=self.core_area))
            rows = [str(row) for row in tables.contact_rows(
                contacts[bottom:top].values(*tables.CONTACT_COLUMNS), self.band)]
            self._cache.set(key, rows, KEEP_SECONDS)
        return rows


class KeptAreas:
    """The time per local area (selectors.overview_areas) kept as the overview is: the number of
    areas and the time on no area for each view, and each page's rows as HTML (with the areas'
    names and links: their writes are in the version, the script prefix in the key)."""

    def __init__(self, *, user, start, end, core_area=None):
        self.user, self.start, self.end, self.core_area = user, start, end, core_area
        self._key = kept_key("timesheets:areas:", (*drawn(
            user=user, start=start, end=end, core_area=core_area,
            version=overview_version(LocalArea)), get_script_prefix()))
        self._cache = kept_in(chosen=True)  # the period is anyone's choice
        self._found = None
        kept = self._cache.get(self._key)
        if kept is None:
            found = self._select()
            kept = (found.areas.count(), found.without_area)
            self._cache.set(self._key, kept, KEEP_SECONDS)
        self.area_count, self.without_area = kept

    def _select(self):
        if self._found is None:
            self._found = selectors.overview_areas(user=self.user, start=self.start,
                                                   end=self.end, core_area=self.core_area)
        return self._found

    def rows(self, bottom: int, top: int) -> list:
        """The areas' rows from bottom to top (by name), as HTML."""
        key = f"{self._key}:{bottom}:{top}"
        rows = self._cache.get(key)
        if rows is None:
            rows = [str(row) for row in tables.area_rows(self._select().areas[bottom:top])]
            self._cache.set(key, rows, KEEP_SECONDS)
        return rows
