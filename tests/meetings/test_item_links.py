# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The meeting page writes each item's links (area, knowledge note, action items) and the action
tables' links from one reversal of each address for the page (issue 20): the links are the
objects' own addresses, and the focus areas and action items of each item are shown."""

import datetime
import html

import pytest
from django.test import Client
from django.urls import reverse

from lokalkontakt.core.models import FocusArea
from lokalkontakt.knowledge.models import Note
from lokalkontakt.meetings.forms import ArrangeForm
from lokalkontakt.meetings.models import ActionItem
from tests.meetings.conftest import english_client
from tests.meetings.factories import ActionItemFactory, AgendaItemFactory, MeetingFactory
from tests.meetings.test_arrange_controls import assert_controls_are_the_widgets

pytestmark = pytest.mark.django_db


def test_an_items_area_note_focus_areas_and_action_items_link_to_their_pages(setting):
    held = MeetingFactory(held=True)
    note = Note.objects.create(area=setting.area, title="Erfaringer", text="Godt møde",
                               kind=Note.Kind.values[0], author=setting.contact.employee)
    item = AgendaItemFactory(meeting=held, area=setting.area, note=note,
                             experiences="Det virkede", proposed_by=setting.contact.employee)
    focus = list(FocusArea.objects.order_by("number")[:2])
    item.focus_areas.set(focus)
    actions = [ActionItemFactory(meeting=held, agenda_item=item, owner=setting.contact.employee)
               for _ in range(2)]
    later = MeetingFactory()

    content = html.unescape(english_client(setting.coordinator).get(
        held.get_absolute_url()).content.decode())

    assert f'<a href="{setting.area.get_absolute_url()}">{setting.area.name}</a>' in content
    assert f" · {focus[0].name}; {focus[1].name}</p>" in content
    assert f'<a href="{note.get_absolute_url()}">Shared as a knowledge note</a>' in content
    for action in actions:
        # Once under the item, once in the table of the action items decided.
        assert content.count(f'<a href="{action.get_absolute_url()}">{action.title}</a>') == 2

    follow_up = html.unescape(english_client(setting.coordinator).get(
        later.get_absolute_url()).content.decode())
    for action in actions:
        assert f'<a href="{action.get_absolute_url()}">{action.title}</a>' in follow_up
    assert follow_up.count(f'<a href="{held.get_absolute_url()}">') == len(actions)


def test_the_action_list_links_each_action_item_and_its_meeting(setting):
    held = MeetingFactory(held=True)
    action = ActionItemFactory(meeting=held, owner=setting.coordinator.employee)

    content = english_client(setting.coordinator).get(
        reverse("meetings:actions") + "?scope=all").content.decode()

    assert f'<a href="{action.get_absolute_url()}">{action.title}</a>' in content
    assert f'<a href="{held.get_absolute_url()}">' in content
    assert ActionItem.objects.count() == 1


def test_the_arrange_controls_escape_an_items_title_once(setting):
    meeting = MeetingFactory()
    item = AgendaItemFactory(meeting=meeting, title='Vej & "sti" <b>', status="proposed")

    content = english_client(setting.coordinator).get(
        reverse("meetings:arrange", args=[meeting.pk])).content.decode()

    assert_controls_are_the_widgets(content, ArrangeForm(items=[item]))
    assert "Order of “Vej &amp; &quot;sti&quot; &lt;b&gt;”" in content


def test_an_items_texts_name_it_escaped_once_in_the_viewers_language(setting):
    """The texts filled in per item for the page (proposed by, the links' hidden names, an action
    item's due date and status) read as the template's {% blocktranslate %} wrote them."""
    held = MeetingFactory(held=True)
    proposer = setting.contact.employee
    proposer.name = "Ann & <Bo>"
    proposer.save()
    item = AgendaItemFactory(meeting=held, title='Hal & "skole" <nu>', proposed_by=proposer,
                             decisions="Vi gør det")
    ActionItemFactory(meeting=held, agenda_item=item, owner=proposer,
                      status=ActionItem.Status.IN_PROGRESS,
                      due_on=datetime.date(2031, 3, 4))
    title = "Hal &amp; &quot;skole&quot; &lt;nu&gt;"

    english = english_client(setting.coordinator).get(held.get_absolute_url()).content.decode()
    danish = Client(headers={"accept-language": "da"})
    danish.force_login(setting.coordinator)
    dansk = danish.get(held.get_absolute_url()).content.decode()

    assert "Proposed by Ann &amp; &lt;Bo&gt;" in english
    assert f'Edit <span class="sr-only">“{title}”</span></a>' in english
    assert f'Minutes <span class="sr-only">of “{title}”</span></a>' in english
    assert f'Action item <span class="sr-only">for “{title}”</span></a>' in english
    assert "– Ann &amp; &lt;Bo&gt;, due 04/03/2031 (In progress)</li>" in english
    assert "Foreslået af Ann &amp; &lt;Bo&gt;" in dansk
    assert f'Ret <span class="sr-only">“{title}”</span></a>' in dansk
    assert "– Ann &amp; &lt;Bo&gt;, frist 04.03.2031 (I gang)</li>" in dansk


def test_an_agenda_row_is_never_taken_for_markup():
    """A row reads a missing column as None, but not the special names: with __html__ a template
    writing a whole row would take it for safe markup."""
    from django.utils.html import conditional_escape

    from lokalkontakt.meetings.rows import ItemRow

    row = ItemRow(title="<b>")
    assert row.title == "<b>" and row.area_name is None
    assert not hasattr(row, "__html__")
    assert conditional_escape(row) == "{&#x27;title&#x27;: &#x27;&lt;b&gt;&#x27;}"
