# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Follows and the daily digest: the follows page, the one-of-two constraint, matching by area and
by focus area, nothing sent when nothing is new, and at most one digest a day."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from lokalkontakt.core.models import FocusArea, OutgoingEmail
from lokalkontakt.knowledge import services
from lokalkontakt.knowledge.jobs import send_digests
from lokalkontakt.knowledge.models import DigestSent, Follow
from tests.inquiries.factories import InquiryFactory
from tests.knowledge.conftest import deliver, english_client, write

pytestmark = pytest.mark.django_db


@pytest.fixture
def follower(setting):
    employee = setting.colleague.employee
    employee.email = "kalle@example.dk"
    employee.save()
    return employee


def digests():
    return list(OutgoingEmail.objects.filter(to=["kalle@example.dk"]).order_by("pk"))


def test_toggle_follows_and_unfollows(setting, follower):
    assert services.follow_toggle(employee=follower, area=setting.glud) is True
    assert Follow.objects.filter(employee=follower, area=setting.glud).exists()
    assert services.follow_toggle(employee=follower, area=setting.glud) is False
    assert not Follow.objects.filter(employee=follower).exists()


def test_toggle_needs_exactly_one_target(setting, follower):
    with pytest.raises(ValidationError):
        services.follow_toggle(employee=follower)
    with pytest.raises(ValidationError):
        services.follow_toggle(employee=follower, area=setting.glud,
                               focus_area=FocusArea.objects.first())


def test_the_database_refuses_a_follow_of_both_or_neither(setting, follower):
    focus = FocusArea.objects.first()
    for kwargs in [{}, {"area": setting.glud, "focus_area": focus}]:
        with pytest.raises(IntegrityError), transaction.atomic():
            Follow.objects.create(employee=follower, **kwargs)
    Follow.objects.create(employee=follower, area=setting.glud)
    with pytest.raises(IntegrityError), transaction.atomic():
        Follow.objects.create(employee=follower, area=setting.glud)


def test_follows_page_lists_choices_and_saves(setting, follower):
    client = english_client(setting.colleague)
    url = reverse("knowledge:follows")
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.index("Glud") < page.index("Juelsminde")
    assert len(response.context["form"].fields["focus_areas"].queryset) == 15
    focus = FocusArea.objects.order_by("number").first()
    response = client.post(url, {"areas": [setting.glud.pk], "focus_areas": [focus.pk]})
    assert response.status_code == 302
    assert {(f.area_id, f.focus_area_id) for f in follower.follows.all()} == {
        (setting.glud.pk, None), (None, focus.pk)}
    assert "Glud" in client.get(url).content.decode()
    client.post(url, {"focus_areas": [focus.pk]})
    assert [(f.area_id, f.focus_area_id) for f in follower.follows.all()] == [(None, focus.pk)]
    client.post(url, {})
    assert not follower.follows.exists()


def test_digest_matches_by_area(setting, follower, coordinator):
    services.follow_toggle(employee=follower, area=setting.glud)
    write(setting.contact, area=setting.glud, title="Nyt om Glud")
    write(setting.contact, area=setting.juelsminde, title="Nyt om Juelsminde")

    assert send_digests() == 1
    [email] = digests()
    assert "Nyt om Glud" in email.body
    assert "Nyt om Juelsminde" not in email.body
    assert DigestSent.objects.filter(employee=follower, day=timezone.localdate()).exists()


def test_digest_matches_by_focus_area_and_includes_visible_inquiries(setting, coordinator):
    focus = FocusArea.objects.order_by("number").first()
    karin = coordinator.employee
    karin.email = "karin@example.dk"
    karin.save()
    services.follow_toggle(employee=karin, focus_area=focus)
    note = write(setting.contact, area=setting.juelsminde, title="Tagget note")
    note.focus_areas.set([focus])
    write(setting.contact, area=setting.juelsminde, title="Utagget note")
    inquiry = InquiryFactory(area=setting.glud, subject="Tagget henvendelse")
    inquiry.focus_areas.set([focus])

    assert send_digests() == 1
    [email] = OutgoingEmail.objects.filter(to=["karin@example.dk"])
    assert "Tagget note" in email.body
    assert "Utagget note" not in email.body
    assert "Tagget henvendelse" in email.body
    assert inquiry.get_absolute_url() in email.body


def test_a_colleague_does_not_hear_of_inquiries_they_may_not_open(setting, follower):
    services.follow_toggle(employee=follower, area=setting.glud)
    InquiryFactory(area=setting.glud, subject="Hemmelig henvendelse")
    assert send_digests() == 0
    assert digests() == []


def test_nothing_new_sends_nothing(setting, follower):
    services.follow_toggle(employee=follower, area=setting.glud)
    write(setting.contact, area=setting.juelsminde)
    assert send_digests() == 0
    assert digests() == []
    assert not DigestSent.objects.exists()


def test_old_notes_are_not_new(setting, follower):
    services.follow_toggle(employee=follower, area=setting.glud)
    write(setting.contact, area=setting.glud)
    assert send_digests(now=timezone.now() + datetime.timedelta(hours=25)) == 0


def test_running_twice_sends_one_digest(setting, follower):
    services.follow_toggle(employee=follower, area=setting.glud)
    write(setting.contact, area=setting.glud, title="Første")
    assert send_digests() == 1
    write(setting.contact, area=setting.glud, title="Anden")
    assert send_digests() == 0
    assert len(digests()) == 1


def test_next_day_covers_only_what_came_after_the_last_digest(setting, follower):
    services.follow_toggle(employee=follower, area=setting.glud)
    write(setting.contact, area=setting.glud, title="Første")
    assert send_digests() == 1
    write(setting.contact, area=setting.glud, title="Anden")
    assert send_digests(now=timezone.now() + datetime.timedelta(days=1)) == 1
    body = digests()[-1].body
    assert "Anden" in body and "Første" not in body


@pytest.mark.django_db(transaction=True)
def test_the_digest_reaches_the_mail_server(setting, follower, smtp_server):
    services.follow_toggle(employee=follower, area=setting.glud)
    note = write(setting.contact, area=setting.glud, title="Foreningerne i Glud")
    deliver(smtp_server)  # the contact's notice of the note (none: the author is the contact)
    assert send_digests() == 1

    [(recipients, _message, body)] = deliver(smtp_server)
    assert recipients == ["kalle@example.dk"]
    assert "Foreningerne i Glud" in body
    assert note.get_absolute_url() in body


@pytest.mark.parametrize("follows", [2, 30])
def test_the_follows_page_costs_the_same(setting, follower, follows, django_assert_num_queries):
    from tests.areas.factories import LocalAreaFactory

    for n in range(follows):
        services.follow_toggle(employee=follower, area=LocalAreaFactory(name=f"Fulgt {n:02d}"))
    client = english_client(setting.colleague)
    client.get(reverse("knowledge:follows"))  # warm the session

    with django_assert_num_queries(FOLLOWS_PAGE):
        response = client.get(reverse("knowledge:follows"))

    assert response.status_code == 200
    assert response.content.decode().count("Fulgt ") >= follows


# session, user, employee, coordinator group, 2 x Django permissions; the follows (with area and
# focus area); the initial choices; the areas and the focus areas of the form.
FOLLOWS_PAGE = 10


def test_a_contact_hears_of_consultations_about_the_followed_area_with_a_link_to_their_task(
        setting, coordinator):
    from lokalkontakt.consultations.services import consultation_create

    lise = setting.contact.employee  # Glud's contact
    services.follow_toggle(employee=lise, area=setting.glud)
    consultation = consultation_create(
        title="Ny cykelstiplan", description="Hvor mangler der stier?",
        deadline=timezone.localdate() + datetime.timedelta(days=14),
        areas=[setting.glud, setting.juelsminde], actor=setting.colleague)
    OutgoingEmail.objects.all().delete()  # the consultation's own e-mails

    assert send_digests() >= 1
    [email] = OutgoingEmail.objects.filter(to=["lise@example.dk"])
    task = consultation.tasks.get(area=setting.glud)
    assert "Ny cykelstiplan" in email.body
    assert task.get_absolute_url() in email.body
    assert consultation.get_absolute_url() not in email.body.replace(task.get_absolute_url(), "")
