# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The data subject's rights (issue 15, part 3): the coordinator (or the data-protection officer)
finds what is held about one person, downloads all of it as a ZIP (art. 15) and erases it where
the law allows (art. 17); both are written in the access log. Real database and storage; the
English UI (the Danish texts are filled in with the translations)."""

import io
import zipfile

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from lokalkontakt.areas.models import AreaEvent
from lokalkontakt.core.models import AccessLogEntry, OutgoingEmail
from lokalkontakt.core.roles import COORDINATOR_GROUP, DATA_PROTECTION_GROUP
from lokalkontakt.inquiries.models import Inquiry, InquiryAttachment, InquiryEvent
from tests.areas.factories import CouncilFactory, LocalAreaFactory
from tests.councils.factories import CouncilMemberFactory
from tests.inquiries.factories import InquiryFactory
from tests.people.factories import EmployeeFactory, UserFactory, make_colleague, make_coordinator

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
SEARCH_URL = reverse("personaldata:search")
EXPORT_URL = reverse("personaldata:export")
ERASE_URL = reverse("personaldata:erase")


@pytest.fixture(autouse=True)
def _groups_and_media(db, settings, tmp_path):
    Group.objects.get_or_create(name=COORDINATOR_GROUP)
    settings.MEDIA_ROOT = tmp_path / "media"


def english(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


@pytest.fixture
def coordinator():
    return english(make_coordinator())


@pytest.fixture
def mette():
    """Mette Borger: a closed inquiry with her file, a public reply and an internal comment; an
    open inquiry; a membership of Glud's council that has ended; an e-mail sent to her."""
    area = LocalAreaFactory(name="Glud")
    council = CouncilFactory(area=area, name="Glud Lokalråd")
    closed = InquiryFactory(area=area, subject="Stien ved skolen", text="Stien er oversvømmet.",
                            submitter_name="Mette Borger", submitter_email="mette@example.dk",
                            submitter_phone="+45 20 30 40 50", status=Inquiry.Status.CLOSED,
                            closed_at=timezone.now(), outcome="Stien er repareret.")
    InquiryAttachment.objects.create(inquiry=closed, file=SimpleUploadedFile("sti.pdf", PDF),
                                     name="sti.pdf", size=len(PDF))
    InquiryEvent.objects.create(inquiry=closed, kind=InquiryEvent.Kind.REPLY, public=True,
                                text="Vi kigger på det.")
    InquiryEvent.objects.create(inquiry=closed, kind=InquiryEvent.Kind.COMMENT, public=False,
                                text="Intern bemærkning.")
    open_ = InquiryFactory(area=area, subject="Bænken", submitter_name="Mette Borger",
                           submitter_email="mette@example.dk")
    member = CouncilMemberFactory(council=council, name="Mette Borger", email="mette@example.dk",
                                  is_active=False)
    AreaEvent.objects.create(area=area, kind=AreaEvent.Kind.MEMBER_DEACTIVATED,
                             data={"member": "Mette Borger"})
    email = OutgoingEmail.objects.create(
        to=["mette@example.dk", "kontakt@example.dk"], subject=f"Svar på {closed.reference}",
        body="Kære Mette Borger", status=OutgoingEmail.Status.SENT, sent_at=timezone.now())
    return {"closed": closed, "open": open_, "member": member, "email": email}


def entries(how):
    return sorted(AccessLogEntry.objects.filter(how=how).values_list("object_type", "object_id"))


# --- the search -------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["Mette Borger", "mette@example.dk", "METTE@example"])
def test_the_search_finds_the_person_by_name_and_by_email(coordinator, mette, query):
    response = coordinator.get(SEARCH_URL, {"q": query})

    assert response.status_code == 200
    holdings = {h.key: h for h in response.context["holdings"]}
    assert holdings["inquiries.inquiry"].count == 2
    assert holdings["councils.councilmember"].count == 1
    # The e-mail by her address; the area's history (her membership ended) by her name.
    assert response.context["total"] == (2 + 1 + (1 if "@" in query else 0)
                                         + (0 if "@" in query else 1))
    assert "Download everything (ZIP)" in response.content.decode()


def test_the_search_result_is_written_in_the_access_log(coordinator, mette):
    coordinator.get(SEARCH_URL, {"q": "mette@example.dk"})

    assert entries(AccessLogEntry.How.SEARCH) == sorted([
        ("core.outgoingemail", mette["email"].pk), ("councils.councilmember", mette["member"].pk),
        ("inquiries.inquiry", mette["closed"].pk), ("inquiries.inquiry", mette["open"].pk)])


@pytest.mark.parametrize("query", ["me", "  me  ", "met\x00te"])
def test_a_too_short_or_invalid_search_is_refused_with_a_message(coordinator, mette, query):
    response = coordinator.get(SEARCH_URL, {"q": query})

    assert response.status_code == 400
    assert response.context["holdings"] is None
    assert not AccessLogEntry.objects.exists()


@pytest.mark.parametrize("size", [1, 4])
def test_the_search_page_makes_a_fixed_number_of_queries(coordinator, django_assert_num_queries,
                                                         size):
    council = CouncilFactory(area=LocalAreaFactory(name="Glud"))
    for n in range(size):
        InquiryFactory(submitter_name="Mette Borger", submitter_email=f"mette{n}@example.dk")
        CouncilMemberFactory(council=council, name=f"Mette Borger {n}", email=f"mette{n}@example.dk")
        OutgoingEmail.objects.create(to=[f"mette{n}@example.dk"], subject="Hej", body="Hej")
        AreaEvent.objects.create(area=council.area, kind=AreaEvent.Kind.MEMBER_INVITED,
                                 data={"member": f"Mette Borger {n}"})
        EmployeeFactory(name=f"Mette Medarbejder {n}", email=f"mette.m{n}@example.dk")
    coordinator.get(SEARCH_URL)  # the session and the user are cached after the first page

    # session, user, group (the permission), 3 per source (ids, describe, count), the log's
    # INSERT, the header's employee
    # 5 sources: the area's history and the employees too
    with django_assert_num_queries(3 + 5 * 3 + 1 + 1):
        response = coordinator.get(SEARCH_URL, {"q": "mette"})
    assert response.context["total"] == 5 * size


# --- the export -------------------------------------------------------------------------------


def _zip(response) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_the_zip_holds_a_readable_summary_and_the_persons_files(coordinator, mette):
    response = coordinator.get(EXPORT_URL, {"q": "mette@example.dk"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"].startswith('attachment; filename="personoplysninger-')
    archive = _zip(response)
    assert sorted(archive.namelist()) == ["filer/001-sti.pdf", "index.html"]
    assert archive.read("filer/001-sti.pdf") == PDF
    index = archive.read("index.html").decode()
    for text in ["Mette Borger", "mette@example.dk", "+45 20 30 40 50", "Stien ved skolen",
                 "Stien er oversvømmet.", "Stien er repareret.", "Vi kigger på det.", "Bænken",
                 "Glud Lokalråd", f"Svar på {mette['closed'].reference}", "Kære Mette Borger",
                 'href="filer/001-sti.pdf"']:
        assert text in index, text
    assert "Intern bemærkning." not in index  # internal working notes are counted, not quoted
    assert "<script" not in index and "http" not in index  # self-contained


def test_the_export_is_written_in_the_access_log_per_object(coordinator, mette):
    coordinator.get(EXPORT_URL, {"q": "mette@example.dk"})

    assert entries(AccessLogEntry.How.EXPORT) == sorted([
        ("core.outgoingemail", mette["email"].pk), ("councils.councilmember", mette["member"].pk),
        ("inquiries.inquiry", mette["closed"].pk), ("inquiries.inquiry", mette["open"].pk)])
    assert AccessLogEntry.objects.filter(how="export").first().username == "koordinator"


def test_file_names_in_the_zip_cannot_leave_its_folder(coordinator, mette):
    InquiryAttachment.objects.create(inquiry=mette["open"], file=SimpleUploadedFile("x.pdf", PDF),
                                     name="../../etc/passwd.pdf", size=len(PDF))

    names = _zip(coordinator.get(EXPORT_URL, {"q": "Mette Borger"})).namelist()

    assert any(name.endswith("-passwd.pdf") for name in names)
    assert all(name == "index.html" or (name.startswith("filer/") and ".." not in name)
               for name in names)


def test_an_export_with_a_too_short_search_is_refused(coordinator, mette):
    response = coordinator.get(EXPORT_URL, {"q": "me"})

    assert response.status_code == 400
    assert "Ensure this value has at least 3 characters" in response.content.decode()
    assert not AccessLogEntry.objects.exists()


def test_the_data_protection_officer_may_export(mette):
    dpo = UserFactory(username="dpo")
    dpo.groups.add(Group.objects.get_or_create(name=DATA_PROTECTION_GROUP)[0])

    response = english(dpo).get(EXPORT_URL, {"q": "Mette Borger"})

    assert response.status_code == 200
    assert english(dpo).get(SEARCH_URL, {"q": "Mette Borger"}).status_code == 200


def test_a_colleague_may_not_export(mette):
    assert english(make_colleague()).get(EXPORT_URL, {"q": "Mette Borger"}).status_code == 403


def test_files_beyond_the_size_limit_are_named_but_left_out(coordinator, mette, monkeypatch):
    from lokalkontakt.core.subjectrights import export

    monkeypatch.setattr(export, "EXPORT_MAX_BYTES", len(PDF) - 1)

    archive = _zip(coordinator.get(EXPORT_URL, {"q": "Mette Borger"}))

    assert archive.namelist() == ["index.html"]
    with translation.override("da"):  # the summary is in the site's language, for the citizen
        left_out = translation.gettext("not included: the export is too large; ask for the file")
    assert f"sti.pdf ({left_out})" in archive.read("index.html").decode()


def test_the_export_by_name_includes_the_area_history_that_names_the_person(coordinator, mette):
    response = coordinator.get(EXPORT_URL, {"q": "Mette Borger"})

    index = _zip(response).read("index.html").decode()
    assert "Glud: Council member deactivated" in index
    assert ("areas.areaevent", AreaEvent.objects.get().pk) in entries(AccessLogEntry.How.EXPORT)


def test_a_search_too_wide_to_be_one_person_offers_no_export_or_erasure(coordinator, mette,
                                                                        monkeypatch):
    monkeypatch.setattr("lokalkontakt.core.subjectrights.selectors.FIND_LIMIT", 1)  # 2 inquiries

    page = coordinator.get(SEARCH_URL, {"q": "Mette Borger"}).content.decode()
    export = coordinator.get(EXPORT_URL, {"q": "Mette Borger"})
    erase = coordinator.post(ERASE_URL, {"q": "Mette Borger",
                                         "chosen": [f"inquiries.inquiry:{mette['open'].pk}"]})

    assert "The search is too wide to be one person" in page
    assert "Download everything (ZIP)" not in page and "Erase…" not in page
    for refused in (export, erase):
        assert refused.status_code == 400
        assert "narrow it (for example the whole e-mail address)" in refused.content.decode()
    assert not AccessLogEntry.objects.exclude(how=AccessLogEntry.How.SEARCH).exists()
    assert Inquiry.objects.get(pk=mette["open"].pk).submitter_name == "Mette Borger"
