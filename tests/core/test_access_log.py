# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The access log (issue 15, part 1): an entry for each kind of page that shows a citizen's or a
council member's personal data, none for pages that don't; who may read the log, what it answers,
that reading it is logged; its retention; and that the application cannot change it."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from lokalkontakt.areas.models import AreaEvent
from lokalkontakt.core.accesslog.jobs import access_log_expire
from lokalkontakt.core.models import AccessLogEntry, OutgoingEmail
from lokalkontakt.core.roles import COORDINATOR_GROUP, DATA_PROTECTION_GROUP
from lokalkontakt.core.search.index import index_update
from lokalkontakt.inquiries.models import InquiryAttachment
from tests.areas.factories import AssignmentFactory, CouncilFactory, LocalAreaFactory
from tests.councils.factories import CouncilMemberFactory
from tests.inquiries.factories import InquiryFactory
from tests.people.factories import UserFactory, make_colleague, make_contact_user, make_coordinator

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
LOG_URL = reverse("accesslog:list")
EXPORT_URL = reverse("accesslog:export")


@pytest.fixture(autouse=True)
def _groups_and_media(db, settings, tmp_path):
    Group.objects.get_or_create(name=COORDINATOR_GROUP)
    settings.MEDIA_ROOT = tmp_path / "media"


def client_for(user=None, address="10.20.30.40") -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="da", REMOTE_ADDR=address)
    if user is not None:
        client.force_login(user)
    return client


def entries():
    return list(AccessLogEntry.objects.order_by("pk").values_list(
        "username", "how", "object_type", "object_id"))


@pytest.fixture
def glud():
    area = LocalAreaFactory(name="Glud")
    CouncilFactory(area=area, name="Glud Lokalråd")
    return area


@pytest.fixture
def mette(glud):
    """Mette Borger's inquiry about Glud, with a file, and her tracking link's token."""
    inquiry = InquiryFactory(area=glud, subject="Stien ved skolen", text="Stien er oversvømmet.",
                             submitter_name="Mette Borger", submitter_email="mette@example.dk",
                             submitter_phone="+45 20 30 40 50", token="mettes-token")
    attachment = InquiryAttachment.objects.create(
        inquiry=inquiry, file=SimpleUploadedFile("sti.pdf", PDF), name="sti.pdf", size=len(PDF))
    return inquiry, attachment


# --- what writes an entry ----------------------------------------------------------------------


def test_the_inquiry_page_writes_who_when_what_how_and_from_where(mette):
    inquiry, _ = mette
    coordinator = make_coordinator()
    before = timezone.now()

    response = client_for(coordinator, address="10.1.2.3").get(inquiry.get_absolute_url())

    assert response.status_code == 200
    entry = AccessLogEntry.objects.get()
    assert (entry.user_id, entry.username, entry.how, entry.path, entry.address) == (
        coordinator.pk, "koordinator", "page", f"/henvendelser/{inquiry.pk}/", "10.1.2.3")
    assert (entry.object_type, entry.object_id) == ("inquiries.inquiry", inquiry.pk)
    assert before <= entry.at <= timezone.now()


def test_a_file_of_an_inquiry_is_logged_as_a_file(mette):
    inquiry, attachment = mette
    url = reverse("inquiries:file", kwargs={"pk": inquiry.pk, "attachment_pk": attachment.pk})

    response = client_for(make_coordinator()).get(url)

    assert response.status_code == 200
    assert entries() == [("koordinator", "download", "inquiries.inquiry", inquiry.pk)]


def test_the_submitters_tracking_page_and_file_are_logged_without_the_token(mette):
    inquiry, attachment = mette
    visitor = client_for()

    assert visitor.get(reverse("inquiries:track", kwargs={"token": "mettes-token"})).status_code == 200
    assert visitor.get(reverse("inquiries:track_file", kwargs={
        "token": "mettes-token", "attachment_pk": attachment.pk})).status_code == 200

    assert entries() == [("", "page", "inquiries.inquiry", inquiry.pk),
                         ("", "download", "inquiries.inquiry", inquiry.pk)]
    paths = list(AccessLogEntry.objects.order_by("pk").values_list("path", flat=True))
    assert paths == ["/henvendelser/spor/<token>/",
                     "/henvendelser/spor/<token>/filer/<int:attachment_pk>/"]
    assert AccessLogEntry.objects.filter(user_id__isnull=True).count() == 2


def test_the_council_members_page_logs_each_member_shown(glud):
    members = [CouncilMemberFactory(council=glud.council, name=name)
               for name in ["Anne Andersen", "Bent Bach"]]
    contact = make_contact_user()
    AssignmentFactory(area=glud, employee=contact.employee)

    response = client_for(contact).get(reverse("council:members", kwargs={"slug": "glud"}))

    assert response.status_code == 200
    assert entries() == [("lokalkontakt", "page", "councils.councilmember", member.pk)
                         for member in members]


def test_the_undelivered_emails_page_logs_the_emails_whose_recipients_it_shows():
    failed = OutgoingEmail.objects.create(to=["mette@example.dk"], subject="Kvittering", body="…",
                                          status=OutgoingEmail.Status.FAILED, attempts=10)
    OutgoingEmail.objects.create(to=["bo@example.dk"], subject="Sendt", body="…",
                                 status=OutgoingEmail.Status.SENT)

    response = client_for(make_coordinator()).get(reverse("emails:undelivered"))

    assert response.status_code == 200
    assert entries() == [("koordinator", "page", "core.outgoingemail", failed.pk)]


def test_an_inquiry_among_search_results_is_logged_as_a_search(mette, glud):
    inquiry, _ = mette
    index_update(inquiry)
    index_update(glud)

    response = client_for(make_coordinator()).get(reverse("search:search"), {"q": "oversvømmet"})

    assert "Stien ved skolen" in response.content.decode()
    assert entries() == [("koordinator", "search", "inquiries.inquiry", inquiry.pk)]


def test_the_admin_logs_a_council_members_page_and_the_members_listed(glud):
    member = CouncilMemberFactory(council=glud.council, name="Anne Andersen")
    admin = UserFactory(username="it-admin", is_staff=True, is_superuser=True)
    client = client_for(admin)

    assert client.get(reverse("admin:councils_councilmember_change", args=[member.pk])).status_code == 200
    assert client.get(reverse("admin:councils_councilmember_changelist")).status_code == 200

    assert entries() == [("it-admin", "admin", "councils.councilmember", member.pk)] * 2


@pytest.mark.parametrize("url", [
    "inquiries:list", "areas:directory", "mine", "knowledge:list", "areas:detail",
    "areas:briefing", "areas:briefing_pdf", "search:area_hits"])
def test_pages_without_personal_data_write_nothing(url, mette, glud):
    coordinator = make_coordinator()
    index_update(glud)
    if url == "search:area_hits":
        response = client_for(coordinator).get(reverse("search:search"), {"q": "glud", "kind": "area"})
    elif url.startswith("areas:") and url != "areas:directory":
        response = client_for(coordinator).get(reverse(url, kwargs={"slug": "glud"}))
    else:
        response = client_for(coordinator).get(reverse(url))

    assert response.status_code == 200
    assert entries() == []


# --- reading the log -----------------------------------------------------------------------------


@pytest.fixture
def seen(mette, glud):
    """Kalle Kollega (the contact for Glud) opened Mette's inquiry; the coordinator opened Bo's."""
    inquiry, _ = mette
    other = InquiryFactory(area=glud, submitter_name="Bo Borger", submitter_email="bo@example.dk")
    kalle = make_colleague()
    AssignmentFactory(area=glud, employee=kalle.employee)
    coordinator = make_coordinator()
    client_for(kalle, address="10.0.0.7").get(inquiry.get_absolute_url())
    client_for(coordinator).get(other.get_absolute_url())
    return inquiry, other, kalle, coordinator


def table_rows(html: str) -> list[str]:
    body = html.split("<tbody>")[1].split("</tbody>")[0]
    return [" ".join(row.split()) for row in body.split("<tr>")[1:]]


def test_who_has_seen_a_persons_data_is_answered_by_name_or_email(seen):
    inquiry, _other, _kalle, coordinator = seen

    # (Each reading is logged too, so the later ones ask for pages only.)
    for query in ["Mette Borger", "mette@example.dk", "METTE"]:
        response = client_for(coordinator).get(LOG_URL, {"person": query, "how": "page"})
        html = response.content.decode()
        assert response.status_code == 200
        assert "1 registrering" in html
        [row] = table_rows(html)
        assert "Kalle Kollega (kollega)" in row
        assert "Mette Borger, mette@example.dk, +45 20 30 40 50" in row
        assert f'href="/henvendelser/{inquiry.pk}/"' in row
        assert "10.0.0.7" in row and "Side" in row


def test_what_a_user_has_looked_at_is_answered_by_name_or_username(seen):
    _inquiry, other, _kalle, coordinator = seen

    html = client_for(coordinator).get(LOG_URL, {"user": "Karin"}).content.decode()

    [row] = table_rows(html)
    assert "Karin Koordinator (koordinator)" in row and "Bo Borger, bo@example.dk" in row


def test_reading_the_log_is_logged_for_the_objects_it_showed(seen):
    inquiry, _other, _kalle, coordinator = seen
    before = AccessLogEntry.objects.count()

    client_for(coordinator).get(LOG_URL, {"person": "Mette"})

    new = AccessLogEntry.objects.order_by("pk")[before:]
    assert [(e.username, e.how, e.object_type, e.object_id) for e in new] == [
        ("koordinator", "accesslog", "inquiries.inquiry", inquiry.pk)]


def test_the_answer_can_be_downloaded_as_a_spreadsheet_and_that_is_logged(seen):
    inquiry, _other, _kalle, coordinator = seen

    response = client_for(coordinator).get(EXPORT_URL, {"person": "mette@example.dk"})

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="adgangslog-')
    assert response["Cache-Control"] == "private, no-store"
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Hvornår", "Set af", "Hvordan", "Hvad", "Hvis oplysninger", "Side",
                       "Fra adresse")
    assert rows[1][1:] == ("Kalle Kollega (kollega)", "Side", f"Henvendelse {inquiry.pk}",
                           "Mette Borger, mette@example.dk, +45 20 30 40 50",
                           f"/henvendelser/{inquiry.pk}/", "10.0.0.7")
    assert len(rows) == 2
    assert AccessLogEntry.objects.filter(how="accesslog", username="koordinator").count() == 1


def test_the_data_protection_officer_reads_the_log_and_nothing_else(seen):
    dpo = UserFactory(username="dpo")
    dpo.groups.add(Group.objects.get_or_create(name=DATA_PROTECTION_GROUP)[0])
    client = client_for(dpo)

    assert client.get(LOG_URL, {"person": "Mette"}).status_code == 200
    assert client.get(EXPORT_URL).status_code == 200
    assert 'href="/koordinering/adgangslog/"' in client.get(reverse("areas:directory")).content.decode()
    for name in ["inquiries:list", "emails:undelivered", "coordination:overview", "mine"]:
        assert client.get(reverse(name)).status_code == 403, name


def test_staff_who_are_not_the_coordinator_may_not_read_the_log(seen):
    _inquiry, _other, kalle, _coordinator = seen
    before = AccessLogEntry.objects.count()

    assert client_for(kalle).get(LOG_URL).status_code == 403
    assert client_for(kalle).get(EXPORT_URL).status_code == 403
    assert client_for().get(LOG_URL).status_code == 302  # to the login page
    assert AccessLogEntry.objects.count() == before


@pytest.mark.parametrize(("params", "message"), [
    ({"since": "2026-12-06", "until": "2026-12-01"}, "Slutdatoen er før startdatoen."),
    ({"since": "6. december"}, "Indtast en gyldig dato."),
    ({"person": "me"}, "Denne værdi skal have mindst 3 tegn (den har 2)."),
    ({"how": "hacking"},
     "Marker en gyldig valgmulighed. hacking er ikke en af de tilgængelige valgmuligheder."),
])
def test_a_bad_filter_is_a_400_with_a_danish_message_and_reads_nothing(seen, params, message):
    _inquiry, _other, _kalle, coordinator = seen
    before = AccessLogEntry.objects.count()

    for url in [LOG_URL, EXPORT_URL]:
        response = client_for(coordinator).get(url, params)
        assert response.status_code == 400
        assert message in response.content.decode()
    assert AccessLogEntry.objects.count() == before


def test_after_anonymisation_the_entries_remain_without_the_persons_data(seen):
    inquiry, _other, _kalle, coordinator = seen
    type(inquiry).objects.filter(pk=inquiry.pk).update(
        submitter_name="", submitter_email="", submitter_phone="")

    assert "0 registreringer" in client_for(coordinator).get(LOG_URL, {"person": "Mette"}).content.decode()
    html = client_for(coordinator).get(LOG_URL, {"user": "kollega"}).content.decode()
    [row] = table_rows(html)
    assert f"Henvendelse {inquiry.pk}" in row and "slettet eller anonymiseret" in row
    assert "Mette" not in html


# --- retention and append-only ----------------------------------------------------------------


def test_entries_are_deleted_when_their_retention_ends(seen, settings):
    settings.ACCESS_LOG_RETENTION_DAYS = 183
    now = timezone.now()
    AccessLogEntry.objects.bulk_create([
        AccessLogEntry(at=now - datetime.timedelta(days=days), how="page", path="/x/",
                       object_type="inquiries.inquiry", object_id=seen[0].pk, username=f"u{days}")
        for days in [182, 184, 400]])

    out = io.StringIO()
    call_command("run_jobs", stdout=out)

    assert "Access log: 2 entries past retention deleted." in out.getvalue()
    assert set(AccessLogEntry.objects.values_list("username", flat=True)) == {
        "kollega", "koordinator", "u182"}
    assert access_log_expire() == 0


def test_the_application_cannot_change_or_delete_an_entry(seen):
    entry = AccessLogEntry.objects.first()
    entry.username = "someone-else"

    with pytest.raises(TypeError):
        entry.save()
    with pytest.raises(TypeError):
        entry.delete()
    with pytest.raises(TypeError):
        AccessLogEntry.objects.filter(pk=entry.pk).update(username="x")
    with pytest.raises(TypeError):
        AccessLogEntry.objects.all().delete()
    assert AccessLogEntry.objects.filter(username="someone-else").count() == 0


# --- a fixed number of queries ------------------------------------------------------------------

# Session, user, the coordinator's role flags, employee (the menu); the count and the page of
# entries; the users on the page (with employee records); whose data each kind of object on the
# page holds (inquiries, council members, e-mails: one query each); the log's own entries.
LOG_PAGE_QUERIES = 11


@pytest.mark.parametrize("count", [6, 500])  # 6: one entry of each object, all three kinds
def test_the_log_page_takes_a_fixed_number_of_queries(count, glud, django_assert_num_queries):
    coordinator, colleague = make_coordinator(), make_colleague()
    objects = [*(("inquiries.inquiry", i.pk) for i in InquiryFactory.create_batch(3, area=glud)),
               *(("councils.councilmember", m.pk)
                 for m in CouncilMemberFactory.create_batch(2, council=glud.council)),
               ("core.outgoingemail", OutgoingEmail.objects.create(to=["a@example.dk"],
                                                                   subject="s", body="b").pk)]
    AccessLogEntry.objects.bulk_create([
        AccessLogEntry(user_id=user.pk, username=user.username, how="page", path="/x/",
                       object_type=objects[n % len(objects)][0], object_id=objects[n % len(objects)][1])
        for n, user in enumerate([coordinator, colleague] * (count // 2 + 1))][:count])
    client = client_for(coordinator)

    with django_assert_num_queries(LOG_PAGE_QUERIES):
        response = client.get(LOG_URL)

    assert response.status_code == 200
    assert len(table_rows(response.content.decode())) == min(count, 50)


def test_the_dates_are_whole_local_days(seen):
    """An entry at 00:30 Danish time on 1 December (23:30 UTC the day before) is on 1 December."""
    inquiry, _other, _kalle, coordinator = seen
    at = timezone.make_aware(datetime.datetime(2026, 12, 1, 0, 30))
    AccessLogEntry.objects.bulk_create([AccessLogEntry(
        at=at, how="page", path="/x/", object_type="inquiries.inquiry", object_id=inquiry.pk,
        username="natteravn")])
    client = client_for(coordinator)

    def users(**params):
        html = client.get(LOG_URL, {"how": "page", **params}).content.decode()
        return ["natteravn" in row for row in table_rows(html) if "Ingen registreringer" not in row]

    assert users(since="2026-12-01", until="2026-12-01") == [True]
    assert users(since="2026-11-30", until="2026-11-30") == []
    assert users(until="2026-11-30") == []


def test_a_deleted_account_is_found_by_its_username(seen):
    _inquiry, _other, kalle, coordinator = seen
    employee = kalle.employee
    employee.user = None
    employee.save()
    kalle.delete()

    html = client_for(coordinator).get(LOG_URL, {"user": "kollega"}).content.decode()

    [row] = table_rows(html)
    assert "kollega" in row and "Mette Borger" in row


def test_a_consultation_logs_the_council_members_named_as_responders(glud):
    from lokalkontakt.consultations.models import ConsultationTask
    from lokalkontakt.consultations.services import consultation_create

    coordinator = make_coordinator()
    member = CouncilMemberFactory(council=glud.council, name="Gitte Glud")
    consultation = consultation_create(
        actor=coordinator, title="Ny cykelsti", description="Hvad mener I?",
        deadline=timezone.localdate() + datetime.timedelta(days=20), areas=[glud])
    ConsultationTask.objects.filter(consultation=consultation).update(
        status=ConsultationTask.Status.RESPONDED, response="Godt forslag.",
        responded_by=member.user, responded_at=timezone.now())
    client = client_for(coordinator)

    for name, how in [("detail", "page"), ("print", "page"), ("export", "export")]:
        assert client.get(reverse(f"consultations:{name}", args=[consultation.pk])).status_code == 200
        assert AccessLogEntry.objects.order_by("-pk").values_list(
            "how", "object_type", "object_id").first() == (how, "councils.councilmember", member.pk)
    assert AccessLogEntry.objects.count() == 3


def test_the_area_history_logs_the_events_that_name_a_council_member(glud):
    from lokalkontakt.councils.services import council_member_invite

    coordinator = make_coordinator()
    council_member_invite(area=glud, actor=coordinator, name="Gitte Glud", email="gitte@example.dk")
    client = client_for(coordinator)

    assert "Gitte Glud" in client.get(reverse("areas:detail", kwargs={"slug": "glud"})).content.decode()
    assert "Gitte Glud" in client.get(reverse("coordination:overview")).content.decode()

    invited = AreaEvent.objects.get(kind=AreaEvent.Kind.MEMBER_INVITED)
    assert list(AccessLogEntry.objects.order_by("pk").values_list(
        "path", "object_type", "object_id")) == [("/omraader/glud/", "areas.areaevent", invited.pk),
                                                 ("/koordinering/", "areas.areaevent", invited.pk)]
    html = client.get(LOG_URL, {"person": "gitte", "how": "page"}).content.decode()
    assert len(table_rows(html)) == 2 and "Områdets historik" in html
