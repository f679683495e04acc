# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The rows of the rollout's table of areas, each written here as one escaped piece of HTML
rather than by the template cell by cell (issue 20: a row took the template a dozen variable
lookups, each escaped and localised, and an include for its coverage badge; half of the page's
time). Links are reversed once a page (core.links.url_of), labels translated once; the HTML is
the same as the template wrote (rollout/areas.html, areas/_coverage_badge.html)."""

from html import escape

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from lokalkontakt.areas.models import Coverage, Participation
from lokalkontakt.core.links import url_of
from lokalkontakt.core.text import short_date

ANSWER_BADGES = {Participation.INTERESTED: "badge badge-success",
                 Participation.DECLINED: "badge badge-warning"}

# The page's columns of an area: what a row shows (rollout.selectors.rollout_area_rows).
COLUMNS = ("pk", "name", "slug", "invited_on", "participation", "participation_date",
           "participation_note", "coverage", "contact_name")


def _coverage_badges() -> dict:
    """areas/_coverage_badge.html (the coordinator's words) for each coverage, with the newline
    that ends the template's file."""
    return {Coverage.COVERED: f'<span class="badge badge-success">{escape(_("Covered"))}</span>\n',
            Coverage.HANDOVER: '<span class="badge badge-warning">'
                               f'{escape(_("Handover due"))}</span>\n',
            Coverage.UNCOVERED: '<span class="badge badge-info">'
                                f'{escape(_("Without contact"))}</span>\n'}


def area_rows(areas, *, chosen: set[str], may_coordinate: bool) -> list:
    """Each area's row (areas: dicts of COLUMNS): for the coordinator a tick box (ticked when its
    pk is in `chosen`) and an edit link; its name linked to the area's page, the invitation's
    date, the answer as a badge, its date, the note, the coverage with the primary contact."""
    area_url, edit_url = url_of("areas:detail", "slug"), url_of("coordination:participation", "slug")
    choose, edit = _("Choose %(name)s"), _("Edit <span class=\"sr-only\">“%(title)s”</span>")
    answers = {value: escape(str(label)) for value, label in Participation.choices}
    badges, dates = _coverage_badges(), {None: "–"}
    rows = []
    for index, area in enumerate(areas):
        name = escape(area["name"])
        for day in (area["invited_on"], area["participation_date"]):
            if day not in dates:
                dates[day] = escape(short_date(day))
        tick = ""
        if may_coordinate:
            checked = " checked" if str(area["pk"]) in chosen else ""
            tick = (f'<td><div class="form-group-checkbox"><input class="form-checkbox" '
                    f'type="checkbox" name="areas" value="{area["pk"]}" id="id_areas_{index}"'
                    f'{checked}><label class="form-label" for="id_areas_{index}"><span '
                    f'class="sr-only">{choose % {"name": name}}</span></label></div></td>')
        participation = area["participation"]
        contact = f"<br>{escape(area['contact_name'])}" if area["contact_name"] else ""
        coverage = badges.get(area["coverage"], badges[Coverage.UNCOVERED])
        row = (f"<tr>\n    {tick}\n"
               f'    <th scope="row"><a href="{escape(area_url(area["slug"]))}">{name}</a></th>\n'
               f"    <td>{dates[area['invited_on']]}</td>\n"
               f'    <td><span class="{ANSWER_BADGES.get(participation, "badge")}">'
               f"{answers.get(participation, escape(str(participation)))}</span></td>\n"
               f"    <td>{dates[area['participation_date']]}</td>\n"
               f'    <td class="pre-line">{escape(area["participation_note"] or "") or "–"}</td>\n'
               f"    <td>{coverage}{contact}</td>\n    ")
        if may_coordinate:
            row += (f'<td><a href="{escape(edit_url(area["slug"]))}">'
                    f'{edit % {"title": name}}</a></td>')
        rows.append(mark_safe(row + "\n  </tr>"))  # noqa: S308 - every value is escaped
    return rows
