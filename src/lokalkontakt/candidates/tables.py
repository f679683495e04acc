# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The cells of the staff and nomination tables, worked out once a table rather than by the
template once a row (issue 20): links reversed once (core.links.url_of), each label translated
once, the badges' and the areas' markup built here. A row of the staff table took the template
some 80 µs, a nomination's 200 µs; the tables' HTML stays as it was."""

from html import escape

from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.formats import get_format
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lokalkontakt.areas.models import AssignmentRole
from lokalkontakt.candidates.models import Nomination
from lokalkontakt.core.links import url_of
from lokalkontakt.core.text import format_duration
from lokalkontakt.timesheets.capacity import BADGES


def _labelled(text: str, name: str) -> str:
    """A translated label with the escaped name in it (the name is for screen readers)."""
    return mark_safe(text % {"name": conditional_escape(name)})  # noqa: S308 - the name is escaped


# Django's date format characters as str.format fields, for the formats that use only these
# (the short date formats: d.m.Y, m/d/Y); the others go through django.utils.dateformat.
_DATE_FIELDS = {"d": "{0.day:02d}", "j": "{0.day}", "m": "{0.month:02d}", "n": "{0.month}",
                "Y": "{0.year:04d}"}


def date_formatter(short_date: str):
    """A function formatting a date as dateformat.format(date, short_date) does, some ten times
    faster for a format of day, month and year (a page formats a hundred dates, issue 20)."""
    if any(char.isalpha() and char not in _DATE_FIELDS or char == "\\" for char in short_date):
        return lambda day: dateformat.format(day, short_date)
    pattern = "".join(_DATE_FIELDS.get(char) or char.replace("{", "{{").replace("}", "}}")
                      for char in short_date)
    return pattern.format


def staff_rows(employees, band) -> None:
    """A staff row's cells: the employee's link (`url`), the areas with their links and "role,
    since date" (`areas`, and `more` when the row names only some of them), the time this year
    (`time`), the badge against the band (`band`) and the nomination's cell (`nomination`)."""
    employee_url, area_url = url_of("people:employee_detail"), url_of("areas:detail", "slug")
    nominate_url = reverse("nominations:new")  # with ?medarbejder=<pk>
    since, short_date = _("since %(date)s"), date_formatter(get_format("SHORT_DATE_FORMAT"))
    roles = {value: str(label).lower() for value, label in AssignmentRole.choices}
    nominate = _('Nominate <span class="sr-only">%(name)s</span>')
    nominated = format_html('<span class="badge badge-info">{}</span>', _("Nominated"))
    badges = {status: format_html('<span class="badge badge-{}">{}</span>', css, label)
              for status, (css, label) in BADGES.items()}
    dates = {}  # each date formatted once
    for employee in employees:
        employee.url = employee_url(employee.pk)
        current, cells = employee.current, []
        for assignment in current:
            day = assignment.starts_on
            if day not in dates:
                dates[day] = since % {"date": short_date(day)}
            cells.append(f'<a href="{escape(area_url(assignment.area_slug))}">'
                         f"{escape(assignment.area_name)}</a> "
                         f"({escape(roles[assignment.role])}, {escape(dates[day])})")
        employee.areas = mark_safe("<br>".join(cells)) if cells else "–"  # noqa: S308 - escaped
        employee.more = employee.current_count > len(current)
        employee.time = format_duration(employee.minutes) if current or employee.minutes else "–"
        employee.band = badges[band.status(employee.minutes)] if current else "–"
        employee.nomination = nominated if employee.nominated else mark_safe(  # noqa: S308 - escaped
            f'<a href="{nominate_url}?medarbejder={employee.pk}">'
            f"{_labelled(nominate, employee.name)}</a>")
        employee.row = _staff_row(employee)


def _staff_row(employee) -> str:
    """The row's markup as candidates_staff.html wrote it (issue 20: the template took some 30 µs
    a row), with candidates/more_areas.html's line when it names only some of the areas."""
    title = f'<br><span class="muted">{escape(employee.title)}</span>' if employee.title else ""
    more = ""
    if employee.more:
        more = " … (<a href=\"{}\">{}</a>)\n".format(escape(employee.url), escape(ngettext(
            "%(total)s area in all", "%(total)s areas in all", employee.current_count) % {
            "total": employee.current_count}))
    return mark_safe(  # noqa: S308 - every value is escaped or built escaped
        f'<tr><td><a href="{escape(employee.url)}">{escape(employee.name)}</a>{title}</td>\n'
        f"    <td>{conditional_escape(employee.core_area_name)}</td>\n"
        f"    <td>{conditional_escape(employee.areas)}{more}</td>\n"
        f"    <td>{conditional_escape(employee.time)}</td>\n"
        f"    <td>{conditional_escape(employee.band)}</td>\n"
        f"    <td>{conditional_escape(employee.nomination)}</td></tr>")


def _date(value, short_date) -> str:
    return short_date(timezone.localtime(value)) if value else ""


def nomination_rows(nominations: list) -> list:
    """The nominations (dicts of selectors.NOMINATION_FIELDS with `first_areas` and
    `area_count`), each with its links (`urls`: the employee's, the decision's, the withdrawal's)
    and its cells: the areas (`areas`, `more`), who nominated when (`nominated`), the status
    badge (`status_badge`) and the actions' labels (`decide_label`, `withdraw_label`)."""
    employee_url, area_url = url_of("people:employee_detail"), url_of("areas:detail", "slug")
    decide_url, withdraw_url = url_of("nominations:decide"), url_of("nominations:withdraw")
    short_date = date_formatter(get_format("SHORT_DATE_FORMAT"))
    no_area = _("No particular area")
    decide = _('Decide <span class="sr-only">on %(name)s</span>')
    withdraw = _('Withdraw <span class="sr-only">the nomination of %(name)s</span>')
    labels = dict(Nomination.Status.choices)
    badge = {"proposed": "badge badge-info", "accepted": "badge badge-success"}
    for nomination in nominations:
        pk, name = nomination["pk"], nomination["employee__name"]
        nomination["urls"] = {"employee": employee_url(nomination["employee_id"]),
                              "decide": decide_url(pk), "withdraw": withdraw_url(pk)}
        first = nomination["first_areas"]
        nomination["areas"] = format_html_join(", ", '<a href="{}">{}</a>', (
            (area_url(slug), area_name) for area_name, slug in first)) or no_area
        nomination["more"] = nomination["area_count"] > len(first)
        by = (nomination["nominated_by__employee__name"] or nomination["nominated_by__username"]
              or "–")
        nomination["nominated"] = f"{_date(nomination['created_at'], short_date)}, {by}"
        status = nomination["status"]
        nomination["status_badge"] = format_html(
            '<span class="{}">{}</span>{}', badge.get(status, "badge"), labels[status],
            f" {_date(nomination['decided_at'], short_date)}" if nomination["decided_at"] else "")
        nomination["decide_label"] = _labelled(decide, name)
        nomination["withdraw_label"] = _labelled(withdraw, name)
    return nominations


def suggestion_rows(suggestions: list, area) -> None:
    """Each suggestion's item (`row`) as candidates_suggestions.html wrote it: the name and core
    area, the reasons and the button assigning the candidate (through the nomination's decision
    when nominated); links reversed once, labels translated once (issue 20: the template took
    some 100 µs an item)."""
    decide_url, assign_url = url_of("nominations:decide"), reverse("coordination:assign",
                                                                   args=[area.slug])
    assign = _('Assign <span class="sr-only">%(name)s</span>')
    first = escape(_("accepts the nomination first"))
    slug = escape(area.slug)
    for suggestion in suggestions:
        candidate = suggestion.candidate
        name, pk = escape(candidate.name), candidate.employee_id
        core_area = (f' <span class="weight-normal">– {escape(candidate.core_area)}</span>'
                     if candidate.core_area else "")
        reasons = "".join(f"<li>{conditional_escape(reason)}</li>" for reason in suggestion.reasons)
        if candidate.nomination:
            button = (f'<a class="button button-primary" href="{decide_url(candidate.nomination.pk)}'
                      f'?omraade={slug}">{assign % {"name": name}}</a>'
                      f' <span class="muted">{first}</span>')
        else:
            button = (f'<a class="button button-primary" href="{escape(assign_url)}?medarbejder='
                      f'{pk}">{assign % {"name": name}}</a>')
        suggestion.row = mark_safe(  # noqa: S308 - every value is escaped
            f'\n  <li>\n    <h2 class="h3" id="suggestion-{pk}">{name}{core_area}</h2>\n'
            f"    <ul>{reasons}</ul>\n    <p>{button}</p>\n  </li>\n  ")
