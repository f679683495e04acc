# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The pages as staff and council members use them: creating through the form, the status page,
recording and correcting a response, closing, and the lists."""

import pytest
from django.urls import reverse

from lokalkontakt.consultations import services
from lokalkontakt.consultations.models import Consultation, ConsultationEvent, ConsultationTask
from lokalkontakt.core.models import FocusArea, OutgoingEmail
from tests.areas.factories import LocalAreaFactory
from tests.consultations.conftest import create, detail_url, english_client, in_days, task_of, task_url

pytestmark = pytest.mark.django_db

NEW_URL = "/hoeringer/ny/"
Status = ConsultationTask.Status


def form_data(*areas, **overrides) -> dict:
    return {"title": "Ny trafikplan", "description": "Hvad mener I?",
            "deadline": in_days(10).isoformat(), "areas": [str(a.pk) for a in areas], **overrides}


def test_the_form_opens(setting):
    response = english_client(setting.requester).get(NEW_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert 'type="file"' in html and "multiple" in html
    assert "Rårup" in html and "Ask all local areas" in html


def test_creating_through_the_form(setting):
    focus = FocusArea.objects.order_by("number").first()
    client = english_client(setting.requester)

    response = client.post(NEW_URL, form_data(setting.glud, setting.raarup,
                                              focus_areas=[str(focus.pk)]), follow=True)

    consultation = Consultation.objects.get()
    assert response.redirect_chain == [(detail_url(consultation), 302)]
    html = response.content.decode()
    assert ("The consultation is sent to the local areas. E-mail sent to Gitte Glud and "
            "Lise Lokal.") in html
    assert "No contact – with the coordinator" in html  # Rårup
    assert setting.contact.employee.name in html  # Glud's contact
    assert list(consultation.focus_areas.all()) == [focus]
    assert sorted(consultation.tasks.values_list("area__name", flat=True)) == ["Glud", "Rårup"]


def test_all_areas(setting):
    LocalAreaFactory(name="Stouby")
    client = english_client(setting.requester)

    client.post(NEW_URL, form_data(all_areas="on"))

    assert Consultation.objects.get().tasks.count() == 4


@pytest.mark.parametrize(("overrides", "field", "message"), [
    ({"deadline": in_days(0).isoformat()}, "deadline", "The deadline must be after today."),
    ({"deadline": in_days(-5).isoformat()}, "deadline", "The deadline must be after today."),
    ({"deadline": "i morgen"}, "deadline", "Enter a valid date."),
    ({"areas": []}, "areas", "Choose at least one local area, or all areas."),
    ({"title": ""}, "title", "This field is required."),
])
def test_bad_input_is_refused_with_a_message(setting, overrides, field, message):
    client = english_client(setting.requester)

    response = client.post(NEW_URL, {**form_data(setting.glud), **overrides})

    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert f'id="id_{field}-error"' in html or f'id="id_{field}_0-error"' in html
    assert not Consultation.objects.exists()
    assert not OutgoingEmail.objects.exists()


def test_the_status_page_shows_every_area(setting, consultation):
    services.task_respond(task=task_of(consultation, setting.glud), actor=setting.contact,
                          response="Vi ønsker en cykelsti.", heard="Borgermøde 3. marts")
    services.task_respond(task=task_of(consultation, setting.juelsminde),
                          actor=setting.other_council_member, no_comments=True)

    html = english_client(setting.requester).get(detail_url(consultation)).content.decode()

    assert "Ny trafikplan" in html
    assert "Vi ønsker en cykelsti." in html and "Borgermøde 3. marts" in html
    assert "No comments" in html and "Waiting" in html and "Responded" in html
    assert "Jens Juel (local council)" in html  # who responded for Juelsminde
    assert "No contact – with the coordinator" in html
    assert "Overdue" not in html
    assert "<span>1 responded</span>" in html and "<span>1 with no comments</span>" in html
    assert "<span>1 waiting</span>" in html
    assert "No area has responded yet." not in html
    assert reverse("consultations:export", kwargs={"pk": consultation.pk}) in html
    assert reverse("consultations:print", kwargs={"pk": consultation.pk}) in html


def test_before_any_response(setting, consultation):
    html = english_client(setting.requester).get(detail_url(consultation)).content.decode()
    assert "No area has responded yet." in html and "<span>3 waiting</span>" in html


def test_overdue_marker_after_the_deadline(setting, consultation):
    Consultation.objects.filter(pk=consultation.pk).update(deadline=in_days(-1))
    services.task_respond(task=task_of(consultation, setting.glud), actor=setting.contact,
                          response="Svar")

    html = english_client(setting.requester).get(detail_url(consultation)).content.decode()

    assert html.count(">Overdue<") == 2  # Juelsminde and Rårup, not Glud


def test_the_contact_records_a_response_on_the_task_page(setting, consultation):
    task = task_of(consultation, setting.glud)
    client = english_client(setting.contact)
    page = client.get(task_url(task)).content.decode()
    assert "Hvad mener området om trafikplanen?" in page and "Record the response" in page

    response = client.post(task_url(task), {"kind": "response", "response": "Vi støtter planen.",
                                            "heard": "Bestyrelsen"}, follow=True)

    assert response.redirect_chain == [(task_url(task), 302)]
    html = response.content.decode()
    assert "The response is saved." in html
    assert "Vi støtter planen." in html and "Change the response" in html
    task.refresh_from_db()
    assert (task.status, task.response, task.heard) == (Status.RESPONDED, "Vi støtter planen.",
                                                         "Bestyrelsen")


def test_no_comments_on_the_task_page(setting, consultation):
    task = task_of(consultation, setting.raarup)

    english_client(setting.coordinator).post(task_url(task), {"kind": "no_comments"})

    task.refresh_from_db()
    assert task.status == Status.NO_COMMENTS and task.responded_by == setting.coordinator


def test_a_response_without_text_is_refused(setting, consultation):
    task = task_of(consultation, setting.glud)

    response = english_client(setting.contact).post(task_url(task), {"kind": "response",
                                                                     "response": " "})

    assert response.status_code == 400
    assert "Write the response, or choose “No comments”." in response.content.decode()
    task.refresh_from_db()
    assert task.status == Status.WAITING


def test_the_council_member_answers_for_their_area(setting, consultation):
    task = task_of(consultation, setting.glud)
    client = english_client(setting.council_member)
    assert client.get(task_url(task)).status_code == 200

    client.post(task_url(task), {"kind": "response", "response": "Lokalrådet siger ja."})

    task.refresh_from_db()
    assert task.responded_by == setting.council_member
    assert task.events.get(kind=ConsultationEvent.Kind.RESPONDED).actor == setting.council_member


def test_the_form_shows_the_recorded_response_for_correction(setting, consultation):
    task = task_of(consultation, setting.glud)
    services.task_respond(task=task, actor=setting.contact, response="Første", heard="Rådet")
    client = english_client(setting.contact)

    html = client.get(task_url(task)).content.decode()
    assert ">\nFørste</textarea>" in html and 'value="Rådet"' in html

    client.post(task_url(task), {"kind": "response", "response": "Anden", "heard": "Rådet"})
    assert task.events.filter(kind=ConsultationEvent.Kind.CORRECTED).count() == 1


def test_after_the_deadline_the_response_cannot_be_changed(setting, consultation):
    task = task_of(consultation, setting.glud)
    services.task_respond(task=task, actor=setting.contact, response="Første")
    Consultation.objects.filter(pk=consultation.pk).update(deadline=in_days(-1))
    client = english_client(setting.contact)

    html = client.get(task_url(task)).content.decode()
    assert "The deadline has passed; the response can no longer be changed." in html
    assert "Save the response" not in html

    response = client.post(task_url(task), {"kind": "response", "response": "Rettet"})
    assert response.status_code == 400
    task.refresh_from_db()
    assert task.response == "Første"


def test_closing_from_the_status_page(setting, consultation):
    client = english_client(setting.requester)

    response = client.post(reverse("consultations:close", kwargs={"pk": consultation.pk}),
                           follow=True)

    assert "The consultation is closed." in response.content.decode()
    consultation.refresh_from_db()
    assert consultation.status == Consultation.Status.CLOSED
    html = english_client(setting.contact).get(task_url(task_of(consultation, setting.glud)))
    assert "The consultation is closed; the response can no longer be changed." in html.content.decode()


def test_my_tasks(setting):
    mine = create(setting, title="Skolestruktur")
    create(setting, title="Kun Juelsminde", areas=[setting.juelsminde])
    closed = create(setting, title="Lukket høring", areas=[setting.glud])
    services.consultation_close(consultation=closed, actor=setting.requester)
    client = english_client(setting.contact)

    html = client.get(reverse("consultations:tasks")).content.decode()
    assert "Skolestruktur" in html
    assert "Kun Juelsminde" not in html and "Lukket høring" not in html
    assert task_url(task_of(mine, setting.glud)) in html

    everything = client.get(reverse("consultations:tasks"), {"status": "any"}).content.decode()
    assert "Lukket høring" in everything


def test_the_coordinator_gets_the_tasks_of_areas_without_a_contact(setting, consultation):
    html = english_client(setting.coordinator).get(reverse("consultations:tasks")).content.decode()

    assert task_url(task_of(consultation, setting.raarup)) in html
    assert task_url(task_of(consultation, setting.glud)) not in html


def test_consultations_i_requested_and_all(setting, consultation):
    other = create(setting, title="Koordinatorens høring", actor=setting.coordinator)
    requester = english_client(setting.requester)

    html = requester.get(reverse("consultations:list")).content.decode()
    assert detail_url(consultation) in html and detail_url(other) not in html
    assert "2 of 3 waiting" not in html and "3 of 3 waiting" in html
    html = requester.get(reverse("consultations:list"), {"scope": "all"}).content.decode()
    assert detail_url(other) not in html  # "all I may see"

    coordinator = english_client(setting.coordinator)
    html = coordinator.get(reverse("consultations:list"), {"scope": "all"}).content.decode()
    assert detail_url(consultation) in html and detail_url(other) in html


def test_the_navigation_links_to_consultations(setting):
    html = english_client(setting.requester).get(reverse("consultations:list")).content.decode()
    assert '<a href="/hoeringer/" class="nav-link" aria-current="page">' in html
