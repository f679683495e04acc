# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The arrange form writes its order and decision controls in its template instead of rendering
each widget (issue 20): the markup stays what the widgets render, errors included."""

import pytest
from django.urls import reverse
from django.utils import translation

from lokalkontakt.core.templatetags.lk import widget
from lokalkontakt.meetings.forms import ArrangeForm
from lokalkontakt.meetings.models import AgendaItem
from tests.meetings.conftest import english_client
from tests.meetings.factories import MeetingFactory
from tests.meetings.test_paging import items

pytestmark = pytest.mark.django_db


def assert_controls_are_the_widgets(content: str, form: ArrangeForm) -> None:
    with translation.override("en"):
        for item in form.items:
            assert widget(form[f"position_{item.pk}"]) in content
            assert widget(form[f"status_{item.pk}"]) in content


def test_the_controls_of_a_fresh_form_are_the_widgets_markup(setting):
    meeting = MeetingFactory()
    rows = items(meeting, 3, status=AgendaItem.Status.PROPOSED)
    rows[1].status = AgendaItem.Status.DEFERRED
    rows[1].save()

    content = english_client(setting.coordinator).get(
        reverse("meetings:arrange", args=[meeting.pk])).content.decode()

    assert_controls_are_the_widgets(content, ArrangeForm(items=rows))
    assert '<option value="deferred" selected>Defer to the next meeting</option>' in content


def test_the_controls_of_a_refused_form_are_the_widgets_markup_with_the_errors(setting):
    meeting = MeetingFactory()
    rows = items(meeting, 3, status=AgendaItem.Status.PROPOSED)
    data = {**{f"position_{item.pk}": item.position for item in rows},
            **{f"status_{item.pk}": "accepted" for item in rows}}
    data[f"position_{rows[0].pk}"] = "first"
    data[f"status_{rows[1].pk}"] = "bogus"
    data[f"position_{rows[2].pk}"] = ""

    response = english_client(setting.coordinator).post(
        reverse("meetings:arrange", args=[meeting.pk]), data)

    assert response.status_code == 400
    form = ArrangeForm(data, items=rows)
    assert not form.is_valid()
    content = response.content.decode()
    assert_controls_are_the_widgets(content, form)
    assert content.count('aria-invalid="true"') == 3
    assert f'name="position_{rows[0].pk}" value="first"' in content
