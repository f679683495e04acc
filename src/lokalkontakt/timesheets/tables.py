# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The rows of the time overview's tables (per contact, per local area), each written here as
one escaped piece of HTML rather than by the template cell by cell (issue 20: a contact's row took
the template eight variable lookups, each escaped and localised, and an area's row a reverse()).
Links are reversed once a page (core.links.url_of), labels translated once; the HTML is the same
as the templates wrote."""

from html import escape

from django.utils.safestring import mark_safe

from lokalkontakt.core.links import url_of
from lokalkontakt.core.text import format_duration
from lokalkontakt.timesheets import capacity


def _durations():
    """format_duration, each number of minutes worked out once a page."""
    known: dict = {}

    def duration(minutes) -> str:
        if minutes not in known:
            known[minutes] = escape(format_duration(minutes))
        return known[minutes]
    return duration


# What a contact's row shows (contact_rows), read as values from the page's contacts.
CONTACT_COLUMNS = ("pk", "name", "core_area__name", "area_count", "minutes", "outside_minutes")


def contact_rows(contacts, band) -> list:
    """Each contact's row (contacts: dicts of CONTACT_COLUMNS, read as values rather than as
    employees with their core areas): the name linked to the employee's page, the core area, the
    number of current areas, the time and the time outside working hours, and the badge against
    `band`."""
    employee_url, duration = url_of("people:employee_detail"), _durations()
    badges = {status: f'<span class="badge badge-{css}">{escape(str(label))}</span>'
              for status, (css, label) in capacity.BADGES.items()}
    return [mark_safe(  # noqa: S308 - every value is escaped
        f'<tr><td><a href="{escape(employee_url(contact["pk"]))}">{escape(contact["name"])}</a>'
        f"</td><td>{escape(contact['core_area__name'] or '') or '–'}</td>"
        f"<td>{contact['area_count']}</td>"
        f"<td>{duration(contact['minutes'])}</td><td>{duration(contact['outside_minutes'])}</td>"
        f"\n    <td>{badges[band.status(contact['minutes'])]}</td></tr>") for contact in contacts]


def area_rows(areas) -> list:
    """Each area's row: its name linked to the area's page and the time spent on it."""
    area_url, duration = url_of("areas:detail", "slug"), _durations()
    return [mark_safe(  # noqa: S308 - every value is escaped
        f'<tr><td><a href="{escape(area_url(area.slug))}">{escape(area.name)}</a></td>'
        f"<td>{duration(area.minutes)}</td></tr>") for area in areas]
