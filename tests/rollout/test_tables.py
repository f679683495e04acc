# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The rollout's table of areas writes each row in Python (rollout.tables, issue 20), byte for
byte as the template wrote it from the view's attributes: the template's row is kept here as
the oracle, and both write the same areas (every answer and coverage, with and without dates,
note and contact, ticked or not), for the coordinator and for other staff."""

import datetime
import itertools
from types import SimpleNamespace

import pytest
from django.template import engines
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, override

from lokalkontakt.areas.models import Coverage, Participation
from lokalkontakt.core.links import url_of
from lokalkontakt.core.text import short_date
from lokalkontakt.rollout.tables import ANSWER_BADGES, area_rows

# rollout/areas.html's loop over the areas as it was, each row from the view's attributes
ROW = (
    '\n'
    '  <tr>\n'
    '    {% if may_coordinate %}<td><div class="form-group-checkbox"><input class="form-che'
    'ckbox" type="checkbox" name="areas" value="{{ area.pk }}" id="id_areas_{{ forloop.coun'
    'ter0 }}"{% if area.chosen %} checked{% endif %}><label class="form-label" for="id_area'
    's_{{ forloop.counter0 }}"><span class="sr-only">{{ area.choose_label }}</span></label>'
    '</div></td>{% endif %}\n'
    '    <th scope="row"><a href="{{ area.url }}">{{ area.name }}</a></th>\n'
    '    <td>{{ area.invited }}</td>\n'
    '    <td><span class="{{ area.answer_badge }}">{{ area.get_participation_display }}</sp'
    'an></td>\n'
    '    <td>{{ area.answered }}</td>\n'
    '    <td class="pre-line">{{ area.participation_note|default:"–" }}</td>\n'
    '    <td>{% include "areas/_coverage_badge.html" %}{% if area.contact_name %}<br>{{ are'
    'a.contact_name }}{% endif %}</td>\n'
    '    {% if may_coordinate %}<td><a href="{{ area.edit_url }}">{{ area.edit_label }}</a>'
    '</td>{% endif %}\n'
    '  </tr>\n'
    '  '
)
TEMPLATE = "{% load i18n %}{% for area in areas %}" + ROW + "{% endfor %}"


def _areas():
    for number, (answer, coverage, dated, note, contact) in enumerate(itertools.product(
            Participation.values, Coverage.values, [True, False], ["", "Ring <igen> & \"snart\""],
            [None, "Åse \'Ø\' <Bo>"])):
        yield {"pk": 100 + number, "name": f"Område <{number}> & Å", "slug": f"omraade-{number}",
               "invited_on": datetime.date(2026, 2, 4) if dated else None,
               "participation": answer,
               "participation_date": datetime.date(2020, 8, 7 + number % 3) if dated else None,
               "participation_note": note, "coverage": coverage, "contact_name": contact}


def _as_the_view_gave_them(areas, chosen):
    """The attributes the view set on each area for the template (rollout.views._rows as was)."""
    area_url, edit_url = url_of("areas:detail", "slug"), url_of("coordination:participation", "slug")
    labels = dict(Participation.choices)
    for area in areas:
        name = escape(area["name"])
        yield SimpleNamespace(
            **area, url=area_url(area["slug"]), edit_url=edit_url(area["slug"]),
            choose_label=mark_safe(gettext("Choose %(name)s") % {"name": name}),
            edit_label=mark_safe(gettext("Edit <span class=\"sr-only\">“%(title)s”</span>")
                                 % {"title": name}),
            chosen=str(area["pk"]) in chosen,
            invited=short_date(area["invited_on"]) if area["invited_on"] else "–",
            answered=(short_date(area["participation_date"]) if area["participation_date"]
                      else "–"),
            answer_badge=ANSWER_BADGES.get(area["participation"], "badge"),
            get_participation_display=lambda area=area: labels[area["participation"]])


@pytest.mark.parametrize("may_coordinate", [True, False])
@pytest.mark.parametrize("language", ["da", "en"])
def test_the_rows_are_the_templates(may_coordinate, language):
    areas = list(_areas())
    chosen = {str(area["pk"]) for area in areas[::3]}
    with override(language):
        rows = area_rows(areas, chosen=chosen, may_coordinate=may_coordinate)
        expected = engines["django"].from_string(TEMPLATE).render({
            "areas": list(_as_the_view_gave_them(areas, chosen)),
            "may_coordinate": may_coordinate})
    assert "".join(f"\n  {row}\n  " for row in rows) == expected
