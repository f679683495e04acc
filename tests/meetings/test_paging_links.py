# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""With the meeting's lists paged, a link to an item leads to the page that shows it, a paged
form returns to the page that was saved, a form field that names no id is ignored, and the
warning about participants without e-mail stays one short sentence however many they are."""

import html
import re

import pytest
from django.urls import reverse

from lokalkontakt.meetings import panels
from lokalkontakt.meetings.models import AgendaItem, Attendance
from lokalkontakt.people.models import Employee
from tests.meetings.conftest import english_client
from tests.meetings.factories import MeetingFactory
from tests.meetings.test_paging import items

pytestmark = pytest.mark.django_db

Status = AgendaItem.Status


def text(response) -> str:
    return html.unescape(response.content.decode())


def shows(client, url: str, item) -> bool:
    """Whether the page the link `url` leads to shows the item."""
    return f'id="item-{item.pk}"' in text(client.get(url.split("#")[0]))


def test_an_item_links_to_the_page_of_its_list_that_shows_it(setting):
    meeting = MeetingFactory()
    agenda = items(meeting, 35)
    proposals = items(meeting, 25, status=Status.PROPOSED, title="Forslag")
    client = english_client(setting.contact)
    detail = meeting.get_absolute_url()

    assert agenda[0].get_absolute_url() == f"{detail}#item-{agenda[0].pk}"
    assert agenda[29].get_absolute_url() == f"{detail}#item-{agenda[29].pk}"
    assert agenda[32].get_absolute_url() == f"{detail}?side=2#item-{agenda[32].pk}"
    assert proposals[20].get_absolute_url() == f"{detail}?forslag=2#item-{proposals[20].pk}"
    for item in [agenda[0], agenda[32], proposals[20]]:
        assert shows(client, item.get_absolute_url(), item)


def test_saving_the_minutes_of_a_late_item_returns_to_the_page_that_shows_it(setting):
    meeting = MeetingFactory()
    item = items(meeting, 35)[32]
    client = english_client(setting.coordinator)
    minutes = reverse("meetings:minutes", args=[item.pk])
    assert f'href="{meeting.get_absolute_url()}?side=2#item-{item.pk}"' in text(client.get(minutes))

    response = client.post(minutes, {"decisions": "Besluttet", "experiences": "", "challenges": ""})

    assert response["Location"] == f"{meeting.get_absolute_url()}?side=2#item-{item.pk}"
    assert shows(client, response["Location"], item)


def test_a_proposer_returns_to_the_page_that_shows_their_proposal(setting):
    meeting = MeetingFactory()
    items(meeting, 25, status=Status.PROPOSED, title="Forslag")
    mine = AgendaItem.objects.create(meeting=meeting, title="Mit forslag", position=26,
                                     proposed_by=setting.contact.employee)
    client = english_client(setting.contact)

    response = client.post(reverse("meetings:item_edit", args=[mine.pk]), {"title": "Nyt navn"})

    assert response["Location"] == f"{meeting.get_absolute_url()}?forslag=2#item-{mine.pk}"
    assert "Nyt navn" in text(client.get(response["Location"].split("#")[0]))


def test_the_briefing_links_each_item_to_its_page_without_a_query_per_item(
        setting, django_assert_num_queries):
    meeting = MeetingFactory()
    late = items(meeting, 35)[30:]
    AgendaItem.objects.filter(pk__in=[item.pk for item in late]).update(area=setting.area)

    with django_assert_num_queries(1):
        links = [item.get_absolute_url() for item in
                 panels.briefing_agenda(setting.contact, area=setting.area)["agenda_items"]]

    assert links == [f"{meeting.get_absolute_url()}?side=2#item-{item.pk}" for item in late]


@pytest.mark.parametrize("field", ["position_²", "position_99999999999999999999999",
                                   "position_1e3", "status_٣"])
def test_a_field_that_names_no_item_is_ignored_by_the_arrange_form(setting, field):
    meeting = MeetingFactory()
    item = AgendaItem.objects.create(meeting=meeting, title="Punkt", position=1)
    client = english_client(setting.coordinator)

    response = client.post(reverse("meetings:arrange", args=[meeting.pk]), {field: "1"})

    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.position, item.status) == (1, Status.PROPOSED)


@pytest.mark.parametrize("field", ["attendance_²", "attendance_99999999999999999999999"])
def test_a_field_that_names_no_participant_is_ignored_by_the_attendance_form(setting, field):
    meeting = MeetingFactory(held=True)
    invitation = Attendance.objects.create(meeting=meeting, employee=setting.contact.employee)
    client = english_client(setting.coordinator)

    response = client.post(reverse("meetings:attendance", args=[meeting.pk]), {field: "present"})

    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == Attendance.Status.INVITED


def test_saving_a_page_of_the_arrange_form_returns_to_that_page(setting):
    meeting = MeetingFactory()
    late = items(meeting, 35, status=Status.PROPOSED)[30:]
    client = english_client(setting.coordinator)
    url = reverse("meetings:arrange", args=[meeting.pk])

    response = client.post(url + "?side=2", {
        **{f"position_{item.pk}": item.position for item in late},
        **{f"status_{item.pk}": "accepted" for item in late}}, follow=True)

    assert response.redirect_chain == [(url + "?side=2", 302)]
    content = text(response)
    assert "The agenda is saved." in content
    assert "Items 31–35 of 35." in content
    assert re.findall(r'name="status_(\d+)"', content) == [str(item.pk) for item in late]


def test_an_arrange_page_refused_keeps_its_place_and_pager(setting):
    meeting = MeetingFactory()
    late = items(meeting, 35, status=Status.PROPOSED)[30:]
    client = english_client(setting.coordinator)
    url = reverse("meetings:arrange", args=[meeting.pk])

    response = client.post(url + "?side=2", {
        **{f"position_{item.pk}": "first" for item in late},
        **{f"status_{item.pk}": "accepted" for item in late}})

    assert response.status_code == 400
    content = text(response)
    assert "Enter a whole number." in content
    assert "Items 31–35 of 35." in content and "Page 2 of 2" in content
    assert 'href="?side=1">Previous</a>' in content


def many_invited(meeting, count: int) -> list[Attendance]:
    people = Employee.objects.bulk_create(
        Employee(name=f"Deltager {n:02d}", sort_name=f"deltager {n:02d}", email=f"d{n}@example.dk")
        for n in range(count))
    return Attendance.objects.bulk_create(Attendance(meeting=meeting, employee=person)
                                          for person in people)


def test_saving_a_page_of_the_attendance_form_returns_to_that_page(setting):
    meeting = MeetingFactory(held=True)
    late = many_invited(meeting, 60)[50:]
    client = english_client(setting.coordinator)
    url = reverse("meetings:attendance", args=[meeting.pk])

    response = client.post(url + "?side=2", {f"attendance_{invitation.pk}": "present"
                                             for invitation in late}, follow=True)

    assert response.redirect_chain == [(url + "?side=2", 302)]
    content = text(response)
    assert "The attendance is saved." in content
    assert "Participants 51–60 of 60." in content


def test_an_attendance_page_refused_keeps_its_place_and_pager(setting):
    meeting = MeetingFactory(held=True)
    late = many_invited(meeting, 60)[50:]
    client = english_client(setting.coordinator)
    url = reverse("meetings:attendance", args=[meeting.pk])

    response = client.post(url + "?side=2", {f"attendance_{late[0].pk}": "asleep"})

    assert response.status_code == 400
    content = text(response)
    assert "Select a valid choice." in content
    assert "Participants 51–60 of 60." in content and "Page 2 of 2" in content


def test_many_participants_without_e_mail_are_named_ten_and_counted(setting):
    meeting = MeetingFactory()
    without = Employee.objects.bulk_create(
        [Employee(name=f"Uden {n:02d}", sort_name=f"uden {n:02d}", email="") for n in range(15)]
        + [Employee(name=f"Fratrådt {n:02d}", sort_name=f"fratrådt {n:02d}",
                    email=f"f{n}@example.dk", is_active=False) for n in range(3)])
    Attendance.objects.bulk_create(Attendance(meeting=meeting, employee=person)
                                   for person in without)

    content = text(english_client(setting.coordinator).get(meeting.get_absolute_url()))

    named = ", ".join(f"Uden {n:02d}" for n in range(10))
    assert (f"{named} and 5 others have no e-mail address and get no e-mail. "
            "The coordinator gets it instead.") in content
    assert "Uden 10" not in content.split("Not everyone can get the e-mail")[1].split("</div>")[0]
    assert ("Fratrådt 00, Fratrådt 01 and Fratrådt 02 are no longer active and get no e-mail."
            in content)
