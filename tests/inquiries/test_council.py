# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A local council's members follow their own area's inquiries that are shared with the council:
the public side only."""

import pytest
from django.urls import reverse

from lokalkontakt.inquiries.models import Inquiry
from lokalkontakt.inquiries.selectors import inquiries_for_council
from lokalkontakt.inquiries.services.handling import inquiry_comment
from lokalkontakt.inquiries.services.replies import inquiry_follow_up, inquiry_reply
from lokalkontakt.inquiries.services.submit import inquiry_submit
from tests.areas.factories import CouncilFactory, LocalAreaFactory
from tests.councils.factories import CouncilMemberFactory
from tests.inquiries.conftest import (
    PDF,
    detail_url,
    english_client,
    pdf,
    png,
    submit,
    text_file,
)
from tests.inquiries.factories import InquiryFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("inquiries:council_list")


def council_url(inquiry) -> str:
    return reverse("inquiries:council_detail", kwargs={"pk": inquiry.pk})


def council_file_url(attachment) -> str:
    return reverse("inquiries:council_file", kwargs={"pk": attachment.inquiry_id,
                                                     "attachment_pk": attachment.pk})


@pytest.fixture
def member(setting):
    """A member of Glud's local council."""
    return CouncilMemberFactory(council=CouncilFactory(area=setting.area)).user


@pytest.fixture
def answered(setting):
    """An inquiry about Glud, shared with the council, with a file, an internal comment with a
    file, a public reply with a file, and the submitter's follow-up with a file."""
    inquiry, _token = inquiry_submit(
        area=setting.area, submitter_kind="citizen", subject="Stien til stranden",
        text="Stien er oversvømmet.", submitter_name="Bodil Borgersen",
        submitter_email="bodil@example.dk", submitter_phone="+45 31 32 33 34",
        shared_with_council=True, client="192.0.2.40", files=[pdf("foto-af-stien.pdf")])
    inquiry_comment(inquiry=inquiry, text="Hemmelig intern vurdering",
                    actor=setting.contact, files=[text_file("intern-note.txt")])
    inquiry_reply(inquiry=inquiry, text="Vi lægger grus på i næste uge.",
                  actor=setting.contact, files=[pdf("plan.pdf")])
    inquiry_follow_up(inquiry=inquiry, text="Tak. Her er et billede fra min have.",
                      files=[png("min-have.png")])
    return inquiry


def test_the_selector_gives_the_areas_shared_inquiries_newest_first(setting, member):
    first = InquiryFactory(area=setting.area, shared_with_council=True)
    second = InquiryFactory(area=setting.area, shared_with_council=True)
    InquiryFactory(area=setting.area)  # not shared
    InquiryFactory(area=LocalAreaFactory(name="Stouby"), shared_with_council=True)

    assert list(inquiries_for_council(user=member)) == [second, first]


def test_the_selector_gives_nothing_to_others(setting, member):
    InquiryFactory(area=setting.area, shared_with_council=True)
    member.council_member.is_active = False
    member.council_member.save()

    assert list(inquiries_for_council(user=member)) == []
    assert list(inquiries_for_council(user=setting.coordinator)) == []


def test_the_list_shows_the_areas_inquiries_only(setting, member):
    InquiryFactory(area=setting.area, subject="Glud-sagen", shared_with_council=True)
    InquiryFactory(area=LocalAreaFactory(name="Stouby"), subject="Stouby-sagen",
                   shared_with_council=True)

    html = english_client(member).get(LIST_URL).content.decode()

    assert "Glud-sagen" in html
    assert "Stouby-sagen" not in html


def test_the_list_scrolls_on_its_own_on_narrow_screens(setting, member):
    InquiryFactory(area=setting.area, shared_with_council=True)

    html = english_client(member).get(LIST_URL).content.decode()

    assert '<h1 id="inquiries-heading">Inquiries about our area</h1>' in html
    assert ('<div class="table-scroll" tabindex="0" role="region" '
            'aria-labelledby="inquiries-heading">') in html


def test_the_page_shows_the_public_side(setting, member, answered):
    response = english_client(member).get(council_url(answered))

    assert response.status_code == 200
    html = response.content.decode()
    for shown in ["Stien til stranden", "Stien er oversvømmet.", "Answered",
                  setting.contact.employee.name, "Vi lægger grus på i næste uge.",
                  "plan.pdf", answered.reference]:
        assert shown in html, shown


def test_the_page_gives_the_expected_answer_date_until_the_inquiry_is_answered(setting, member):
    inquiry, _token = inquiry_submit(
        area=setting.area, submitter_kind="citizen", subject="Lys på stien", text="Mørkt.",
        submitter_name="Bo", submitter_email="bo@example.dk", shared_with_council=True,
        client="192.0.2.41")
    client = english_client(member)
    assert "Expected answer" in client.get(council_url(inquiry)).content.decode()

    inquiry_reply(inquiry=inquiry, text="Vi sætter lys op.", actor=setting.contact)

    assert "Expected answer" not in client.get(council_url(inquiry)).content.decode()


def test_the_page_never_shows_personal_data_or_anything_internal(member, answered):
    html = english_client(member).get(council_url(answered)).content.decode()

    for hidden in ["Bodil Borgersen", "bodil@example.dk", "+45 31 32 33 34",
                   "Hemmelig intern vurdering", "intern-note.txt", "Internal comment", "Routed"]:
        assert hidden not in html, hidden


def test_public_files_download_and_internal_ones_do_not(member, answered):
    client = english_client(member)
    plan = answered.attachments.get(name="plan.pdf")
    internal = answered.attachments.get(name="intern-note.txt")

    response = client.get(council_file_url(plan))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert client.get(council_file_url(internal)).status_code == 404


def test_the_page_does_not_list_the_submitters_files(member, answered):
    html = english_client(member).get(council_url(answered)).content.decode()

    assert "Tak. Her er et billede fra min have." in html  # the follow-up step itself shows
    for hidden in ["foto-af-stien.pdf", "min-have.png"]:
        assert hidden not in html, hidden
    links = [council_file_url(attachment) for attachment in answered.attachments.all()]
    assert [link for link in links if link in html] == [
        council_file_url(answered.attachments.get(name="plan.pdf"))]


def test_the_submitters_files_do_not_download(member, answered):
    client = english_client(member)

    for name in ["foto-af-stien.pdf", "min-have.png"]:
        response = client.get(council_file_url(answered.attachments.get(name=name)))
        assert response.status_code == 404, name


def test_another_areas_inquiry_is_not_found(member):
    other = InquiryFactory(area=LocalAreaFactory(name="Stouby"), shared_with_council=True)
    client = english_client(member)

    assert client.get(council_url(other)).status_code == 404


def test_another_areas_files_are_not_found(setting, member, answered):
    other = InquiryFactory(area=LocalAreaFactory(name="Stouby"), shared_with_council=True)
    plan = answered.attachments.get(name="plan.pdf")
    url = reverse("inquiries:council_file", kwargs={"pk": other.pk, "attachment_pk": plan.pk})

    assert english_client(member).get(url).status_code == 404


def test_council_members_are_refused_the_staff_pages(member, answered):
    client = english_client(member)

    assert client.get(reverse("inquiries:list")).status_code == 403
    assert client.get(detail_url(answered)).status_code == 403


def test_staff_and_former_members_are_refused_the_council_pages(setting, member, answered):
    assert english_client(setting.contact).get(LIST_URL).status_code == 403
    assert english_client(setting.coordinator).get(council_url(answered)).status_code == 403
    member.council_member.is_active = False
    member.council_member.save()
    assert english_client(member).get(LIST_URL).status_code == 403


# --- what the submitter chose -------------------------------------------------------------------


def test_an_inquiry_not_shared_is_neither_listed_nor_found(browser, setting, member):
    submit(browser, setting.area, subject="Min nabo larmer")  # the box left unticked
    inquiry = Inquiry.objects.get()
    client = english_client(member)

    assert inquiry.shared_with_council is False
    html = client.get(LIST_URL).content.decode()
    assert "Min nabo larmer" not in html
    assert "No inquiries." in html
    assert client.get(council_url(inquiry)).status_code == 404


def test_the_files_of_an_inquiry_not_shared_are_not_found(setting, member, answered):
    Inquiry.objects.filter(pk=answered.pk).update(shared_with_council=False)
    plan = answered.attachments.get(name="plan.pdf")

    assert english_client(member).get(council_file_url(plan)).status_code == 404


def test_a_shared_inquiry_is_shown_without_name_email_or_phone(browser, setting, member):
    submit(browser, setting.area, subject="Lys på stien", shared_with_council="on")
    inquiry = Inquiry.objects.get()
    client = english_client(member)

    assert inquiry.shared_with_council is True
    assert "Lys på stien" in client.get(LIST_URL).content.decode()
    response = client.get(council_url(inquiry))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bilerne kører for stærkt forbi skolen." in html
    for hidden in ["Bo Borger", "bo.borger@example.dk", "+45 20 30 40 50"]:
        assert hidden not in html, hidden


def test_the_councils_own_inquiry_is_always_shared(browser, setting, member):
    submit(browser, setting.area, subject="Rådets ønske", submitter_kind="council")
    inquiry = Inquiry.objects.get()

    assert inquiry.shared_with_council is True
    assert english_client(member).get(council_url(inquiry)).status_code == 200


def test_staff_see_whether_the_inquiry_is_shared(setting, answered):
    client = english_client(setting.contact)
    shared = client.get(detail_url(answered)).content.decode()
    Inquiry.objects.filter(pk=answered.pk).update(shared_with_council=False)
    not_shared = client.get(detail_url(answered)).content.decode()

    assert "Shared: the council can read the inquiry and its public steps" in shared
    assert "Not shared with the council" in not_shared
