# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
# ruff: noqa: F811 (the fixtures imported from test_subject_rights are named as arguments)
"""Erasure of a person's data (art. 17): what the law allows is erased, what must be kept is
kept, and the rest is refused with a reason; nothing changes on a GET or on bad input; the
erasure is written in the access log and on the inquiry's timeline."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages

from lokalkontakt.areas.models import AreaEvent
from lokalkontakt.core.models import AccessLogEntry, OutgoingEmail
from lokalkontakt.councils.models import CouncilMember
from lokalkontakt.inquiries.models import Inquiry, InquiryAttachment, InquiryEvent
from tests.core.test_subject_rights import (  # noqa: F401 (fixtures)
    ERASE_URL,
    _groups_and_media,
    coordinator,
    entries,
    mette,
)


def snapshot():
    return [list(model.objects.order_by("pk").values()) for model in
            (Inquiry, InquiryAttachment, InquiryEvent, CouncilMember, OutgoingEmail, AreaEvent)]


def choices(response) -> list[str]:
    return [value for value, _label in response.context["form"].fields["chosen"].choices]


def test_the_confirmation_says_what_is_erased_kept_and_refused_and_changes_nothing(coordinator,
                                                                                    mette):
    before = snapshot()

    response = coordinator.get(ERASE_URL, {"q": "mette@example.dk"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "The inquiry is still being handled" in page  # the open inquiry
    assert "offentlighedsloven § 15" in page  # why the closed inquiry's text is kept
    assert "The submitter&#x27;s name, e-mail address and phone number" in page
    assert sorted(choices(response)) == sorted([
        f"inquiries.inquiry:{mette['closed'].pk}", f"councils.councilmember:{mette['member'].pk}",
        f"core.outgoingemail:{mette['email'].pk}"])
    assert snapshot() == before
    assert not entries(AccessLogEntry.How.ERASURE)


def test_erasure_removes_the_data_keeps_the_case_and_refuses_the_open_inquiry(coordinator, mette,
                                                                              settings):
    closed, open_, member, email = mette["closed"], mette["open"], mette["member"], mette["email"]
    user_pk = member.user_id
    [attachment] = closed.attachments.all()
    stored = settings.MEDIA_ROOT / attachment.file.name
    assert stored.exists()

    response = coordinator.post(ERASE_URL, {"q": "mette@example.dk", "chosen": [
        f"inquiries.inquiry:{closed.pk}", f"councils.councilmember:{member.pk}",
        f"core.outgoingemail:{email.pk}"]})

    assert response.status_code == 302
    closed.refresh_from_db()
    assert (closed.submitter_name, closed.submitter_email, closed.submitter_phone) == ("", "", "")
    assert (closed.subject, closed.text, closed.outcome) == (
        "Stien ved skolen", "Stien er oversvømmet.", "Stien er repareret.")
    assert not closed.attachments.exists() and not stored.exists()
    event = closed.events.get(kind=InquiryEvent.Kind.ANONYMISED)
    assert event.actor.username == "koordinator"
    assert event.text == "At the person's request (GDPR art. 17). 1 file deleted."
    open_.refresh_from_db()
    assert open_.submitter_name == "Mette Borger" and open_.anonymised_at is None
    member.refresh_from_db()
    assert (member.name, member.email) == ("", "") and member.anonymised_at is not None
    assert set(CouncilMember.history.filter(id=member.pk).values_list("name", "email")) == {("", "")}
    user = get_user_model().objects.get(pk=user_pk)
    assert (user.username, user.email, user.is_active) == (f"former-council-member-{user_pk}",
                                                           "", False)
    assert AreaEvent.objects.get(kind=AreaEvent.Kind.MEMBER_DEACTIVATED).data == {"member": ""}
    email.refresh_from_db()
    assert (email.body, email.to, email.subject) == ("", ["kontakt@example.dk"],
                                                     f"Svar på {closed.reference}")
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert messages[0] == "The personal data in 3 objects have been erased."
    assert any("was not erased: The inquiry is still being handled" in m for m in messages)


def test_erasure_is_written_in_the_access_log(coordinator, mette):
    coordinator.post(ERASE_URL, {"q": "Mette Borger", "chosen": [
        f"inquiries.inquiry:{mette['closed'].pk}", f"councils.councilmember:{mette['member'].pk}"]})

    assert entries(AccessLogEntry.How.ERASURE) == sorted([
        ("councils.councilmember", mette["member"].pk), ("inquiries.inquiry", mette["closed"].pk)])
    assert set(AccessLogEntry.objects.filter(how="erasure").values_list("username", flat=True)) == {
        "koordinator"}


def test_only_what_was_ticked_is_erased(coordinator, mette):
    coordinator.post(ERASE_URL, {"q": "Mette Borger",
                                 "chosen": [f"councils.councilmember:{mette['member'].pk}"]})

    mette["closed"].refresh_from_db()
    assert mette["closed"].submitter_name == "Mette Borger"
    assert CouncilMember.objects.get(pk=mette["member"].pk).name == ""


def test_an_active_council_member_is_refused_with_a_reason(coordinator, mette):
    CouncilMember.objects.filter(pk=mette["member"].pk).update(is_active=True)

    response = coordinator.get(ERASE_URL, {"q": "Mette Borger"})

    assert "Mette Borger is still a member of the local council" in response.content.decode()
    assert f"councils.councilmember:{mette['member'].pk}" not in choices(response)


@pytest.mark.parametrize("data", [
    {"q": "Mette Borger"},  # nothing ticked
    {"q": "Mette Borger", "chosen": ["inquiries.inquiry:999999"]},  # not one of hers
    {"q": "me", "chosen": ["inquiries.inquiry:1"]},  # too short
    {"q": "Mette Borger", "chosen": ["../../etc"]},
])
def test_bad_input_is_refused_and_changes_nothing(coordinator, mette, data):
    before = snapshot()

    response = coordinator.post(ERASE_URL, data)

    assert response.status_code == 400
    assert snapshot() == before
    assert not entries(AccessLogEntry.How.ERASURE)


def test_nothing_ticked_says_so(coordinator, mette):
    response = coordinator.post(ERASE_URL, {"q": "Mette Borger"})

    assert "Choose what to erase." in response.content.decode()


def test_an_inquiry_reopened_after_the_confirmation_is_not_erased(coordinator, mette):
    closed = mette["closed"]
    coordinator.get(ERASE_URL, {"q": "Mette Borger"})
    Inquiry.objects.filter(pk=closed.pk).update(status=Inquiry.Status.ANSWERED)

    response = coordinator.post(ERASE_URL, {"q": "Mette Borger",
                                            "chosen": [f"inquiries.inquiry:{closed.pk}"]})

    assert response.status_code == 400
    assert "The inquiry is still being handled" in response.content.decode()
    closed.refresh_from_db()
    assert closed.submitter_name == "Mette Borger"
    assert not entries(AccessLogEntry.How.ERASURE)
