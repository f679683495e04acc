# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The area briefing pack (introduktionspakke) as a page and as a PDF: what is in it, what is not
(the citizens' personal data, closed inquiries, old meeting items), who may open it, the PDF's text
and how many queries it costs."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from lokalkontakt.areas.models import AssignmentRole
from lokalkontakt.areas.services import assignment_create
from lokalkontakt.consultations.services import consultation_create
from lokalkontakt.core.pdf import (
    StaticOnlyFetcher,
    html_to_pdf,
    page_numbers_css,
    static_file,
    static_url,
)
from lokalkontakt.inquiries.models import Inquiry
from lokalkontakt.inquiries.panels import BRIEFING_INQUIRIES as INQUIRIES
from lokalkontakt.knowledge.models import Note
from lokalkontakt.knowledge.panels import BRIEFING_NOTES as NOTES
from lokalkontakt.knowledge.services import note_create
from lokalkontakt.meetings.models import AgendaItem, Meeting
from lokalkontakt.meetings.panels import BRIEFING_AGENDA_ITEMS as AGENDA_ITEMS
from lokalkontakt.meetings.services.local_meetings import local_meeting_create
from lokalkontakt.projects.services import milestone_add, project_save
from lokalkontakt.workspace.briefing import briefing_pack
from tests.areas.factories import AssignmentFactory, CouncilFactory, LocalAreaFactory
from tests.councils.factories import CouncilMemberFactory
from tests.inquiries.factories import InquiryFactory
from tests.meetings.conftest import english_client
from tests.people.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db

CITIZEN = {"submitter_name": "Bo Borgersen", "submitter_email": "bo.borgersen@example.dk",
           "submitter_phone": "+45 29 99 12 34"}


@pytest.fixture
def glud(coordinator, contact_user):
    """Glud with its facts and council, Lise Lokal as its new contact (assigned today), a deputy,
    an earlier contact, a note, an open and a closed inquiry, a consultation, a project with a
    milestone, a recent and an old coordination-meeting item and a local meeting."""
    area = LocalAreaFactory(
        name="Glud", towns="Glud; Hyllested", postcodes="7130 8722", parish="Glud Sogn",
        population=1234, population_year=2024, latitude=Decimal("55.80417"),
        longitude=Decimal("10.02361"))
    CouncilFactory(area=area, name="Glud Lokalråd", email="lokalraad@glud.example.dk",
                   website="https://glud.example.dk/", chair_name="Grete Formand",
                   chair_email="grete@glud.example.dk", chair_phone="+45 70 00 00 01")
    AssignmentFactory(area=area, employee=EmployeeFactory(name="Susanne Tidligere"),
                      starts_on=datetime.date(2020, 4, 1), ends_on=datetime.date(2025, 6, 30))
    assignment_create(area=area, employee=contact_user.employee, role=AssignmentRole.PRIMARY,
                      actor=coordinator)
    assignment_create(area=area, employee=EmployeeFactory(name="Dorte Stedfortræder"),
                      role=AssignmentRole.DEPUTY, actor=coordinator)
    note_create(actor=contact_user, area=area, title="Forsamlingshuset kan lejes",
                text="Kontakt bestyrelsen.", kind=Note.Kind.ASSOCIATIONS,
                visibility=Note.Visibility.STAFF)
    InquiryFactory(area=area, subject="Vejbump på Skolevej", assignee=contact_user.employee,
                   **CITIZEN)
    InquiryFactory(area=area, subject="Lukket sag om skraldespande", status=Inquiry.Status.CLOSED)
    consultation_create(title="Ny skolestruktur", description="Hvad mener området?", areas=[area],
                        deadline=timezone.localdate() + datetime.timedelta(days=14),
                        actor=coordinator)
    project = project_save(actor=coordinator, title="Landsbyfornyelse i Glud", status="active",
                           areas=[area], lead=contact_user.employee)
    milestone_add(project=project, actor=coordinator, title="Borgermøde om torvet",
                  due_on=datetime.date(2026, 9, 1))
    now = timezone.now()
    recent = Meeting.objects.create(
        title="Koordinerende møde", starts_at=now - datetime.timedelta(days=40),
        ends_at=now - datetime.timedelta(days=40, hours=-2), proposal_deadline=timezone.localdate())
    old = Meeting.objects.create(
        title="Koordinerende møde", starts_at=now - datetime.timedelta(days=500),
        ends_at=now - datetime.timedelta(days=500, hours=-2), proposal_deadline=timezone.localdate())
    AgendaItem.objects.create(meeting=recent, area=area, title="Trafik i Glud",
                              status=AgendaItem.Status.ACCEPTED, decisions="Vejafdelingen spørges.")
    AgendaItem.objects.create(meeting=old, area=area, title="Gammelt punkt om Glud",
                              status=AgendaItem.Status.ACCEPTED)
    local_meeting_create(actor=contact_user, area=area, kind="council",
                         held_on=timezone.localdate(), note="Godt første møde.")
    return area


def briefing_url(area) -> str:
    return reverse("areas:briefing", kwargs={"slug": area.slug})


def pdf_url(area) -> str:
    return reverse("areas:briefing_pdf", kwargs={"slug": area.slug})


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_page_shows_what_a_new_contact_should_know(glud, contact_user):
    response = english_client(contact_user).get(briefing_url(glud))

    assert response.status_code == 200
    page = response.content.decode()
    for expected in ["Briefing pack: Glud", "Glud, Hyllested", "7130, 8722", "Glud Sogn",
                     "1,234 (2024)", "55.8042° N, 10.0236° E", "Glud Lokalråd",
                     "lokalraad@glud.example.dk", "https://glud.example.dk/", "Grete Formand",
                     "Lise Lokal", "Dorte Stedfortræder", "Susanne Tidligere",
                     "Forsamlingshuset kan lejes", "Vejbump på Skolevej", "Ny skolestruktur",
                     "Landsbyfornyelse i Glud", "Borgermøde om torvet", "Trafik i Glud",
                     "Vejafdelingen spørges.", "Godt første møde.", "Download as PDF"]:
        assert expected in page, expected
    assert "Lukket sag om skraldespande" not in page
    assert "Gammelt punkt om Glud" not in page  # more than twelve months ago


def test_the_earlier_contact_is_listed_with_their_period(glud, contact_user):
    page = english_client(contact_user).get(briefing_url(glud)).content.decode()
    history = page[page.index('id="briefing-history"'):page.index('id="briefing-notes"')]
    assert "<tr><td>Susanne Tidligere</td><td>Contact</td><td>01/04/2020</td><td>30/06/2025</td>" \
        in history
    assert "<td>Lise Lokal</td><td>Contact</td>" in history


def test_no_citizen_data_is_in_the_pack(glud, contact_user):
    page = english_client(contact_user).get(briefing_url(glud)).content.decode()
    pdf = pdf_text(english_client(contact_user).get(pdf_url(glud)).content)
    for personal in CITIZEN.values():
        assert personal not in page
        assert personal not in pdf
    assert "Vejbump på Skolevej" in pdf


def test_a_colleague_sees_only_the_inquiries_and_consultations_they_may_see(glud, colleague):
    """The pack applies each app's visibility: a colleague who neither covers Glud nor handles
    its inquiry sees the area's facts and notes but not its inquiry or consultation task."""
    page = english_client(colleague).get(briefing_url(glud)).content.decode()
    assert "Forsamlingshuset kan lejes" in page
    assert "Vejbump på Skolevej" not in page
    assert "Ny skolestruktur" not in page
    assert "No open inquiries." in page


def test_the_coordinator_sees_every_open_inquiry_and_how_many_more_there_are(glud, coordinator):
    for number in range(INQUIRIES + 2):
        InquiryFactory(area=glud, subject=f"Ekstra henvendelse {number}")

    page = english_client(coordinator).get(briefing_url(glud)).content.decode()

    assert page.count("<td>Ekstra henvendelse") + page.count("<td>Vejbump") == INQUIRIES
    assert "And 3 more open inquiries." in page


def test_the_pdf_is_an_attachment_with_the_areas_facts(glud, contact_user):
    response = english_client(contact_user).get(pdf_url(glud))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="introduktionspakke-glud.pdf"'
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    for expected in ["Briefing pack: Glud", "Glud, Hyllested", "7130, 8722", "Glud Sogn",
                     "1,234 (2024)", "Glud Lokalråd", "lokalraad@glud.example.dk",
                     "Grete Formand", "Lise Lokal", "Dorte Stedfortræder", "Susanne Tidligere",
                     "Landsbyfornyelse i Glud", "Trafik i Glud", "Page 1 of"]:
        assert expected in text, expected


def test_the_pdf_is_in_danish_with_danish_page_numbers(glud, contact_user, client):
    client.force_login(contact_user)

    text = pdf_text(client.get(pdf_url(glud)).content)

    assert "Introduktionspakke: Glud" in text
    assert "1.234 (2024)" in text
    assert "Side 1 af" in text


def test_the_pack_is_for_staff_only(glud, client):
    for url in [briefing_url(glud), pdf_url(glud)]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    council_user = UserFactory(username="raadsmedlem")
    CouncilMemberFactory(council=glud.council, user=council_user)
    client.force_login(council_user)
    for url in [briefing_url(glud), pdf_url(glud)]:
        assert client.get(url).status_code == 403


def test_an_unknown_area_has_no_pack(contact_user):
    client = english_client(contact_user)
    assert client.get(reverse("areas:briefing", kwargs={"slug": "ukendt"})).status_code == 404
    assert client.get(reverse("areas:briefing_pdf", kwargs={"slug": "ukendt"})).status_code == 404


def test_the_area_page_links_staff_to_the_pack(glud, contact_user, client):
    staff_page = english_client(contact_user).get(glud.get_absolute_url()).content.decode()
    assert f'href="{briefing_url(glud)}"' in staff_page
    public_page = client.get(glud.get_absolute_url()).content.decode()
    assert briefing_url(glud) not in public_page


def test_an_area_without_anything_yet_has_a_pack_too(contact_user):
    area = LocalAreaFactory(name="Tomt Område", towns="", postcodes="", parish="")

    response = english_client(contact_user).get(briefing_url(area))
    pdf = english_client(contact_user).get(pdf_url(area))

    page = response.content.decode()
    for expected in ["No council details are registered.", "The area has no local contact yet.",
                     "Nobody has covered the area yet.", "No notes about the area yet.",
                     "No open inquiries.", "No consultation is waiting for the area.",
                     "The area has no development projects.", "No local meetings are recorded."]:
        assert expected in page, expected
    assert pdf.content.startswith(b"%PDF")
    assert "Tomt Område" in pdf_text(pdf.content)


# --- the PDF fetches nothing but our own static files ------------------------------------------


def test_the_fetcher_serves_our_stylesheet():
    url = static_url("css/briefing-pdf.css")
    response = StaticOnlyFetcher().fetch(url)
    assert b"@page" in response.read()
    assert response.content_type == "text/css"


@pytest.mark.parametrize("url", [
    "https://example.com/style.css",
    "http://169.254.169.254/latest/meta-data/",
    "file:///etc/passwd",
    "data:text/css,body{}",
    "STATIC../../config/settings.py",
    "STATIC..%2F..%2Fconfig%2Fsettings.py",
    "STATIC../../../../../../etc/passwd.css",
    "STATICjs/app.js",  # not a type the PDF needs
])
def test_the_fetcher_refuses_everything_else(url):
    url = url.replace("STATIC", static_url(""))
    assert static_file(url) is None
    with pytest.raises(ValueError):
        StaticOnlyFetcher().fetch(url)


def test_a_document_naming_other_resources_still_renders_without_them(monkeypatch):
    """Nothing but the static files is opened: the network and the file system are not asked."""
    import urllib.request

    def refuse(*args, **kwargs):
        raise AssertionError("the PDF renderer opened a URL")

    monkeypatch.setattr(urllib.request.OpenerDirector, "open", refuse)
    document = ('<html><head><link rel="stylesheet" href="https://example.com/x.css">'
                f'<link rel="stylesheet" href="{static_url("css/briefing-pdf.css")}"></head>'
                '<body><img src="file:///etc/hostname" alt=""><img src="http://127.0.0.1:9/x.png" '
                'alt=""><p>Hej Glud</p></body></html>')

    content = html_to_pdf(document)

    assert content.startswith(b"%PDF")
    assert "Hej Glud" in pdf_text(content)


def test_page_numbers_are_a_valid_css_string_in_danish(settings):
    from django.utils import translation

    with translation.override("da"):
        assert 'content: "Side " counter(page) " af " counter(pages);' in page_numbers_css()


# --- queries ------------------------------------------------------------------------------------

PACK = 9  # assignments; notes; open inquiries and their count; waiting consultation tasks;
# projects with their next milestone; agenda items; local meetings; (the area comes with the page)
PAGE = 16  # session, user, employee, group, 2 x permissions (a contact is not the coordinator);
# the area with its council; the pack's 9


def many_rows(area, contact_user, coordinator, rows: int) -> None:
    """`rows` of everything the pack lists, on top of the glud fixture's one of each."""
    for number in range(rows):
        AssignmentFactory(area=area, employee=EmployeeFactory(), starts_on=datetime.date(2019, 1, 1),
                          ends_on=datetime.date(2019, 12, 31))
        note_create(actor=contact_user, area=area, title=f"Note {number}", text="Tekst",
                    kind=Note.Kind.EVENTS, visibility=Note.Visibility.STAFF)
        InquiryFactory(area=area, assignee=EmployeeFactory())
        project = project_save(actor=coordinator, title=f"Projekt {number}", status="active",
                               areas=[area], lead=EmployeeFactory())
        milestone_add(project=project, actor=coordinator, title=f"Skridt {number}")
        local_meeting_create(actor=contact_user, area=area, kind="council",
                             held_on=timezone.localdate(), note=f"Møde {number}")
    consultation_create(title="Endnu en høring", description="?", areas=[area],
                        deadline=timezone.localdate() + datetime.timedelta(days=20),
                        actor=coordinator)
    meeting = Meeting.objects.order_by("-starts_at").first()
    AgendaItem.objects.bulk_create(AgendaItem(meeting=meeting, area=area, title=f"Punkt {n}")
                                   for n in range(rows))


@pytest.mark.parametrize("rows", [1, 30])
def test_the_pack_costs_a_fixed_number_of_queries(glud, contact_user, coordinator, rows,
                                                  django_assert_num_queries):
    many_rows(glud, contact_user, coordinator, rows - 1)
    contact_user.has_perm("core.coordinate")  # the page has asked already

    with django_assert_num_queries(PACK):
        pack = briefing_pack(area=glud, user=contact_user)

    assert [section.key for section in pack.sections] == [
        "facts", "council", "contacts", "notes", "inquiries", "consultations", "projects", "agenda",
        "local_meetings"]
    assert len(pack.section("notes")["notes"]) == min(rows, NOTES)
    assert len(pack.section("agenda")["agenda_items"]) == min(rows, AGENDA_ITEMS)
    projects = pack.section("projects")["projects"]
    assert len(projects) == rows
    assert [p.next_milestone for p in projects if p.title == "Landsbyfornyelse i Glud"] == [
        "Borgermøde om torvet"]


@pytest.mark.parametrize("rows", [1, 30])
def test_the_page_costs_a_fixed_number_of_queries(glud, contact_user, coordinator, rows,
                                                  django_assert_num_queries):
    many_rows(glud, contact_user, coordinator, rows - 1)
    client = english_client(contact_user)

    with django_assert_num_queries(PAGE):
        response = client.get(briefing_url(glud))
    assert response.status_code == 200

    with django_assert_num_queries(PAGE):  # the PDF reads the same, and nothing more
        response = client.get(pdf_url(glud))
    assert response.content.startswith(b"%PDF")
