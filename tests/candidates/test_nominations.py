# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Nominations and requests for candidates (issue 7, item 2), through the services: who may
nominate whom, one open nomination per employee, withdrawing, the coordinator's decisions, the
history, and the e-mails as a real SMTP server receives them."""

import datetime
from email.header import decode_header, make_header

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from lokalkontakt.candidates.models import CandidateRequest, Nomination
from lokalkontakt.candidates.services import (
    candidate_request_send,
    nomination_create,
    nomination_decide,
    nomination_withdraw,
)
from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.core.roles import COORDINATOR_GROUP
from tests.candidates.nomination_world import Staff, make_staff
from tests.conftest import site_text
from tests.core.test_mail import run_worker
from tests.inquiries.conftest import smtp_server  # noqa: F401 - a fixture
from tests.people.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _coordinator_group(db):
    """The group comes from a data migration, which a transactional test's flush removes."""
    Group.objects.get_or_create(name=COORDINATOR_GROUP)


@pytest.fixture
def staff(coordinator) -> Staff:
    return make_staff()


def messages_of(error: ValidationError) -> dict:
    return {field: [str(m) for m in messages] for field, messages in error.message_dict.items()}


def body(message) -> str:
    return message.get_payload(decode=True).decode(message.get_content_charset()).replace(
        "\r\n", "\n")


def subject(message) -> str:
    return str(make_header(decode_header(message["Subject"])))


# --- who may nominate whom ---------------------------------------------------------------------


def test_a_leader_nominates_one_of_their_staff_for_an_area(staff):
    nomination = nomination_create(actor=staff.leader, employee=staff.bo, areas=[staff.stouby],
                                   note="Bor i Stouby.")

    nomination.refresh_from_db()
    assert (nomination.employee, nomination.core_area, nomination.status) == (
        staff.bo, staff.teknik, Nomination.Status.PROPOSED)
    assert list(nomination.areas.all()) == [staff.stouby]
    assert (nomination.note, nomination.nominated_by) == ("Bor i Stouby.", staff.leader)
    assert nomination.history.get().history_user == staff.leader


def test_a_nomination_may_name_no_area(staff):
    nomination = nomination_create(actor=staff.leader, employee=staff.lise)

    assert list(nomination.areas.all()) == []


def test_a_leader_may_not_nominate_staff_of_another_core_area(staff):
    with pytest.raises(ValidationError) as refused:
        nomination_create(actor=staff.leader, employee=staff.per)

    assert messages_of(refused.value) == {
        "employee": ["Du kan kun indstille medarbejdere fra de kerneområder, du er leder af."]}
    assert not Nomination.objects.exists()


def test_an_inactive_employee_cannot_be_nominated(staff):
    with pytest.raises(ValidationError) as refused:
        nomination_create(actor=staff.leader, employee=staff.ida)

    assert messages_of(refused.value) == {"employee": ["Ida Inaktiv er ikke længere aktiv."]}


def test_a_colleague_who_leads_nothing_may_not_nominate(staff, colleague):
    with pytest.raises(PermissionDenied):
        nomination_create(actor=colleague, employee=staff.bo)
    assert not Nomination.objects.exists()


def test_a_former_leader_may_not_nominate(staff):
    staff.leader.employee.is_active = False
    staff.leader.employee.save()
    staff.leader.refresh_from_db()

    with pytest.raises(PermissionDenied):
        nomination_create(actor=staff.leader, employee=staff.bo)


def test_the_coordinator_may_record_a_nomination_for_any_core_area(staff, coordinator):
    nomination = nomination_create(actor=coordinator, employee=staff.per, areas=[staff.flemming])

    assert (nomination.core_area, nomination.nominated_by) == (staff.laering, coordinator)


def test_an_employee_without_a_core_area_cannot_be_nominated(staff, coordinator):
    loner = EmployeeFactory(name="Uden Kerneområde", core_area=None)

    with pytest.raises(ValidationError) as refused:
        nomination_create(actor=coordinator, employee=loner)

    assert list(refused.value.message_dict) == ["employee"]


def test_one_open_nomination_per_employee(staff):
    nomination_create(actor=staff.leader, employee=staff.bo, areas=[staff.stouby])

    with pytest.raises(ValidationError) as refused:
        nomination_create(actor=staff.leader, employee=staff.bo, areas=[staff.flemming])

    assert messages_of(refused.value) == {"employee": ["Bo Berg er allerede indstillet."]}
    assert Nomination.objects.count() == 1


def test_after_a_decision_the_employee_may_be_nominated_again(staff, coordinator):
    first = nomination_create(actor=staff.leader, employee=staff.bo)
    nomination_decide(actor=coordinator, nomination=first, accept=False, note="Ikke nu")

    again = nomination_create(actor=staff.leader, employee=staff.bo, areas=[staff.stouby])

    assert again.status == Nomination.Status.PROPOSED
    assert Nomination.objects.count() == 2


def test_a_nomination_answers_the_newest_request_to_the_leader(staff, coordinator):
    older = candidate_request_send(actor=coordinator, areas=[staff.flemming],
                                   leaders=[staff.leader.employee])
    newer = candidate_request_send(actor=coordinator, areas=[staff.stouby],
                                   leaders=[staff.leader.employee,
                                            staff.other_leader.employee])
    CandidateRequest.objects.filter(pk=older.pk).update(
        sent_at=timezone.now() - datetime.timedelta(days=30))

    nomination = nomination_create(actor=staff.leader, employee=staff.bo)
    other = nomination_create(actor=staff.other_leader, employee=staff.per)

    assert nomination.request == newer
    assert other.request == newer


def test_a_nomination_without_a_request_answers_none(staff):
    assert nomination_create(actor=staff.leader, employee=staff.bo).request is None


# --- withdrawing -------------------------------------------------------------------------------


def test_the_leader_withdraws_their_open_nomination(staff):
    nomination = nomination_create(actor=staff.leader, employee=staff.bo)

    nomination_withdraw(actor=staff.leader, nomination=nomination)

    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.WITHDRAWN
    assert nomination.decided_at is not None
    assert [(r.status, r.history_user) for r in nomination.history.order_by("history_id")] == [
        ("proposed", staff.leader), ("withdrawn", staff.leader)]


def test_another_leader_of_the_same_core_area_may_withdraw_it(staff):
    co_leader = UserFactory(username="medleder")
    staff.teknik.leaders.add(EmployeeFactory(user=co_leader, core_area=staff.teknik))
    nomination = nomination_create(actor=staff.leader, employee=staff.bo)

    nomination_withdraw(actor=co_leader, nomination=nomination)

    assert Nomination.objects.get().status == Nomination.Status.WITHDRAWN


def test_a_leader_of_another_core_area_may_not_withdraw_it(staff):
    nomination = nomination_create(actor=staff.leader, employee=staff.bo)

    with pytest.raises(PermissionDenied):
        nomination_withdraw(actor=staff.other_leader, nomination=nomination)
    assert Nomination.objects.get().status == Nomination.Status.PROPOSED


def test_a_decided_nomination_cannot_be_withdrawn(staff, coordinator):
    nomination = nomination_create(actor=staff.leader, employee=staff.bo)
    nomination_decide(actor=coordinator, nomination=nomination, accept=True)

    with pytest.raises(ValidationError) as refused:
        nomination_withdraw(actor=staff.leader, nomination=nomination)

    assert refused.value.messages == ["Indstillingen er allerede afgjort."]
    assert Nomination.objects.get().status == Nomination.Status.ACCEPTED


# --- decisions ---------------------------------------------------------------------------------


def test_the_coordinator_accepts_a_nomination(staff, coordinator):
    nomination = nomination_create(actor=staff.leader, employee=staff.bo, areas=[staff.stouby])

    nomination_decide(actor=coordinator, nomination=nomination, accept=True, note=" Velkommen ")

    nomination.refresh_from_db()
    assert (nomination.status, nomination.decision_note) == (Nomination.Status.ACCEPTED,
                                                             "Velkommen")
    assert nomination.decided_at is not None
    assert nomination.history.order_by("history_id").last().history_user == coordinator


def test_the_coordinator_marks_a_nomination_not_chosen(staff, coordinator):
    nomination = nomination_create(actor=staff.leader, employee=staff.bo)

    nomination_decide(actor=coordinator, nomination=nomination, accept=False,
                      note="Stouby har fået en kontakt.")

    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.DECLINED
    assert nomination.get_status_display() == "Ikke valgt"


def test_a_nomination_is_decided_once(staff, coordinator):
    nomination = nomination_create(actor=staff.leader, employee=staff.bo)
    nomination_decide(actor=coordinator, nomination=nomination, accept=False)

    with pytest.raises(ValidationError):
        nomination_decide(actor=coordinator, nomination=nomination, accept=True)
    assert Nomination.objects.get().status == Nomination.Status.DECLINED


def test_only_the_coordinator_decides(staff):
    nomination = nomination_create(actor=staff.leader, employee=staff.bo)

    with pytest.raises(PermissionDenied):
        nomination_decide(actor=staff.leader, nomination=nomination, accept=True)
    assert Nomination.objects.get().status == Nomination.Status.PROPOSED


def test_an_employee_who_left_cannot_be_accepted(staff, coordinator):
    nomination = nomination_create(actor=staff.leader, employee=staff.bo)
    staff.bo.is_active = False
    staff.bo.save()

    with pytest.raises(ValidationError) as refused:
        nomination_decide(actor=coordinator, nomination=nomination, accept=True)

    assert messages_of(refused.value) == {"decision": ["Bo Berg er ikke længere aktiv."]}


# --- requests for candidates ---------------------------------------------------------------------


def test_the_coordinator_asks_the_leaders(staff, coordinator):
    reply_by = timezone.localdate() + datetime.timedelta(days=14)

    request = candidate_request_send(
        actor=coordinator, areas=[staff.stouby, staff.flemming],
        leaders=[staff.other_leader.employee, staff.leader.employee],
        message="Vi mangler kontakter.", reply_by=reply_by)

    request.refresh_from_db()
    assert [a.name for a in request.areas.order_by("sort_name")] == ["Flemming", "Stouby"]
    assert {e.name for e in request.leaders.all()} == {"Lene Holm", "Ole Olsen"}
    assert (request.message, request.reply_by, request.sent_by) == (
        "Vi mangler kontakter.", reply_by, coordinator)
    assert sorted(e.to[0] for e in OutgoingEmail.objects.all()) == [
        "lene.holm@example.dk", "ole.olsen@example.dk"]


@pytest.mark.parametrize("change, field", [
    ({"areas": []}, "areas"),
    ({"leaders": []}, "leaders"),
    ({"reply_by": datetime.date(2020, 1, 1)}, "reply_by"),
])
def test_a_request_needs_areas_leaders_and_a_coming_date(staff, coordinator, change, field):
    data = {"areas": [staff.stouby], "leaders": [staff.leader.employee], **change}

    with pytest.raises(ValidationError) as refused:
        candidate_request_send(actor=coordinator, **data)

    assert list(refused.value.message_dict) == [field]
    assert not CandidateRequest.objects.exists()
    assert not OutgoingEmail.objects.exists()


def test_only_leaders_are_asked(staff, coordinator):
    with pytest.raises(ValidationError) as refused:
        candidate_request_send(actor=coordinator, areas=[staff.stouby], leaders=[staff.bo])

    assert messages_of(refused.value) == {"leaders": ["Bo Berg er ikke leder af et kerneområde."]}


def test_only_the_coordinator_asks(staff):
    with pytest.raises(PermissionDenied):
        candidate_request_send(actor=staff.leader, areas=[staff.stouby],
                               leaders=[staff.leader.employee])


def test_a_leader_without_an_email_address_is_asked_in_the_application(staff, coordinator):
    staff.leader.employee.email = ""
    staff.leader.employee.save()

    request = candidate_request_send(actor=coordinator, areas=[staff.stouby],
                                     leaders=[staff.leader.employee, staff.other_leader.employee])

    assert request.leaders.count() == 2
    assert [e.to for e in OutgoingEmail.objects.all()] == [["ole.olsen@example.dk"]]


# --- the e-mails through a real SMTP server -------------------------------------------------------


@pytest.mark.django_db(transaction=True)  # the worker needs committed rows (see tests/core/test_mail)
def test_the_leaders_receive_the_request_and_the_decision(staff, coordinator, smtp_server,  # noqa: F811
                                                          settings):
    settings.SITE_URL = "https://lokalkontakt.example.dk/"
    coordinator.employee.email = "koordinator@example.dk"
    coordinator.employee.save()
    reply_by = datetime.date.today() + datetime.timedelta(days=10)

    candidate_request_send(actor=coordinator, areas=[staff.stouby, staff.flemming],
                           leaders=[staff.leader.employee], message="Kender I nogen?",
                           reply_by=reply_by)
    assert smtp_server.messages == []  # queued, not sent
    run_worker()

    [(to, request_mail)] = smtp_server.messages
    assert to == ["lene.holm@example.dk"]
    assert subject(request_mail) == site_text("Candidates for local contact wanted")
    text = body(request_mail)
    assert "- Flemming\n- Stouby" in text
    assert "Kender I nogen?" in text
    assert "https://lokalkontakt.example.dk/kandidater/indstil/" in text

    nomination = nomination_create(actor=staff.leader, employee=staff.bo, areas=[staff.stouby],
                                   note="Bor i Stouby.")
    run_worker()
    (to, new_mail) = smtp_server.messages[1]
    assert to == ["koordinator@example.dk"]
    assert subject(new_mail) == site_text("New nomination: %(name)s") % {"name": "Bo Berg"}
    text = body(new_mail)
    assert "Lene Holm" in text and "Teknik og Miljø" in text and "Stouby" in text
    assert "Bor i Stouby." in text
    assert "https://lokalkontakt.example.dk/kandidater/indstillinger/" in text

    nomination_decide(actor=coordinator, nomination=nomination, accept=True, note="Tak, Lene.")
    run_worker()
    (to, decision_mail) = smtp_server.messages[2]
    assert to == ["lene.holm@example.dk"]
    assert subject(decision_mail) == "Indstilling godkendt: Bo Berg"
    assert "Tak, Lene." in body(decision_mail)
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {
        OutgoingEmail.Status.SENT}


def test_a_nomination_the_coordinator_recorded_is_answered_to_the_core_area_s_leaders(
        staff, coordinator):
    nomination = nomination_create(actor=coordinator, employee=staff.per)
    OutgoingEmail.objects.all().delete()

    nomination_decide(actor=coordinator, nomination=nomination, accept=False)

    assert [e.to for e in OutgoingEmail.objects.all()] == [["ole.olsen@example.dk"]]
    assert OutgoingEmail.objects.get().subject == "Indstilling ikke valgt: Per Pedersen"
