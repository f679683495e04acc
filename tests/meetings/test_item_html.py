# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""An agenda item's HTML on the meeting's page is written in Python (meetings.item_html, issue
20), byte for byte as the template meetings/_item.html wrote it: the template is kept here as the
oracle and both write the same items, with and without each part, for the coordinator and not."""

import itertools

import pytest
from django.template import engines
from django.utils.safestring import mark_safe
from django.utils.translation import override

from lokalkontakt.meetings.item_html import item_writer
from lokalkontakt.meetings.rows import ItemRow

# meetings/_item.html as it was (with its file's closing newline)
TEMPLATE = (
    '{% load i18n %}<h3>{{ item.title }}</h3>\n'
    '<p class="muted">{% if item.area_slug %}<a href="{{ item.area_url }}">{{ item.area_nam'
    'e }}</a> · {% endif %}{{ item.proposed_text }}{% if item.focus_names %} · {{ item.focu'
    's_names }}{% endif %}</p>\n'
    '{% if item.text %}<p class="pre-line">{{ item.text }}</p>{% endif %}\n'
    '{% if item.has_minutes %}<dl class="minutes">\n'
    '  {% if item.decisions %}<dt>{% translate "Decisions" %}</dt><dd class="pre-line">{{ i'
    'tem.decisions }}</dd>{% endif %}\n'
    '  {% if item.experiences %}<dt>{% translate "Experiences" %}</dt><dd class="pre-line">'
    '{{ item.experiences }}{% if item.note_url %} <a href="{{ item.note_url }}">{% translat'
    'e "Shared as a knowledge note" %}</a>{% endif %}</dd>{% endif %}\n'
    '  {% if item.challenges %}<dt>{% translate "Challenges" %}</dt><dd class="pre-line">{{'
    ' item.challenges }}</dd>{% endif %}\n'
    '</dl>{% endif %}\n'
    '{% for action in item.actions %}{% if forloop.first %}<p><strong>{% translate "Action '
    'items" %}:</strong></p><ul>{% endif %}<li><a href="{{ action.url }}">{{ action.title }'
    '}</a> – {{ action.owner_name }}, {{ action.due_text }} ({{ action.status_label }})</li'
    '>{% if forloop.last %}</ul>{% endif %}{% endfor %}\n'
    '{% if item.may_edit or is_coordinator %}<p class="item-links">\n'
    '  {% if item.may_edit %}<a href="{{ item.edit_url }}">{{ item.edit_text }}</a>{% endif'
    ' %}\n'
    '  {% if is_coordinator and item.status == "accepted" %} · <a href="{{ item.minutes_url'
    ' }}">{{ item.minutes_text }}</a> · <a href="{{ item.action_url }}">{{ item.action_text'
    ' }}</a>{% endif %}\n'
    '</p>{% endif %}\n'
)


def _action(pk, **columns):
    return ItemRow({"pk": pk, "title": f"Følg op <{pk}> & co", "owner_name": "Bo \"B\" Ø",
                    "url": f"/moeder/opfoelgning/{pk}/?a=1&b=2",
                    "due_text": mark_safe("forfalder 01.02.2027"), "status_label": "Åben"},
                   **columns)


def _items():
    """Items with each part present or not: area, proposer, focus areas, text, each of the
    minutes, the note, action items, and whether the viewer may edit it."""
    for number, (area, proposed, focus, text, minutes, note, actions, may_edit, status) in \
            enumerate(itertools.product([True, False], [True, False], [True, False],
                                        [True, False], [(), ("decisions",), ("experiences",),
                                                        ("decisions", "experiences",
                                                         "challenges")],
                                        [True, False], [0, 1, 2], [True, False],
                                        ["accepted", "proposed"])):
        if number % 7:  # a spread of the combinations is enough
            continue
        row = ItemRow({"id": number, "pk": number, "title": f"Punkt <{number}> & \"x\"",
                       "status": status, "text": "Linje 1\nLinje <2>" if text else "",
                       "decisions": "", "experiences": "", "challenges": ""})
        for field in minutes:
            row[field] = f"{field}: <i>'{number}'</i>"
        row.area_slug = "glud" if area else None
        row.area_name = "Glud & Omegn" if area else None
        row.area_url = "/omraader/glud/" if area else ""
        row.proposed_by_id = 3 if proposed else None
        row.proposed_text = mark_safe("Foreslået af Anne &amp; Bo") if proposed else ""
        row.focus_names = "Natur & miljø; Børn" if focus else ""
        row.note_url = f"/viden/{number}/" if note else ""
        row.actions = [_action(number * 10 + index) for index in range(actions)]
        row.may_edit = may_edit
        row.edit_url, row.minutes_url = f"/moeder/punkt/{number}/ret/", "/moeder/punkt/1/referat/"
        row.action_url = f"/moeder/7/opfoelgning/ny/?punkt={number}"
        row.edit_text = mark_safe(f'Ret <span class="sr-only">“Punkt &lt;{number}&gt;”</span>')
        row.minutes_text = mark_safe("Referat")
        row.action_text = mark_safe("Opfølgningspunkt")
        yield row


@pytest.mark.parametrize("coordinator", [True, False])
@pytest.mark.parametrize("language", ["da", "en"])
def test_an_items_html_is_the_templates(coordinator, language):
    template = engines["django"].from_string(TEMPLATE)
    with override(language):
        write = item_writer(coordinator=coordinator)
        for item in _items():
            assert write(item) == template.render({"item": item, "is_coordinator": coordinator})
