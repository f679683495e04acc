# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coordinator's page of e-mails that were not delivered (koordinering/e-mails/): what it
shows, "Send again" through to the real SMTP server, who may use it, and its fixed number of
queries."""

import datetime
import html
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import formats, timezone, translation

from lokalkontakt.core.models import OutgoingEmail
from tests.core.factories import OutgoingEmailFactory, minutes_ago
from tests.core.test_mail import run_worker, smtp_port, smtp_server  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db

URL = reverse("emails:undelivered")
Status = OutgoingEmail.Status
REFUSED = "SMTPRecipientsRefused: {'bo@example.dk': (550, b'5.1.1 Mailbox unavailable')}"


def text(content: str) -> str:
    """What a person reads: tags dropped, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", content)).split())


def sections(response) -> tuple[str, str]:
    """The failed e-mails' part of the page and the waiting ones' part."""
    content = response.content.decode()
    main = content.split('id="main-content"')[1].split(">", 1)[1].split("</main>")[0]
    failed, delayed = main.split('<h2 id="delayed-heading"')
    return failed, "<h2" + delayed


def rows(content: str) -> list[str]:
    """The body rows of the tables in `content`, as text."""
    return [text(row) for row in re.findall(r"<tr>(.*?)</tr>", content.split("<tbody>", 1)[-1], re.S)]


def when(moment: datetime.datetime) -> str:
    with translation.override("da"):
        return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


def resend_url(email) -> str:
    return reverse("emails:resend", kwargs={"pk": email.pk})


# --- what the coordinator reads ---------------------------------------------------------------


def test_the_coordinator_reads_the_failed_emails_newest_first_with_their_errors(coordinator_client):
    older = OutgoingEmailFactory(failed=True, to=["bo@example.dk"], last_error=REFUSED,
                                 subject="Kvittering for din henvendelse", created_at=minutes_ago(120))
    newer = OutgoingEmailFactory(failed=True, to=["rita@example.dk", "formand@example.dk"],
                                 subject="Log ind i Lokalkontakt", attempts=1,
                                 last_error="BadHeaderError: Header values can't contain newlines")
    OutgoingEmailFactory(sent=True, subject="Sendt fint")
    OutgoingEmailFactory(subject="Lige sat i kø")

    response = coordinator_client.get(URL)

    assert response.status_code == 200
    failed, _delayed = sections(response)
    assert text(failed).startswith(
        "E-mails, der ikke blev leveret Lokalkontakt sender e-mails i baggrunden og prøver selv "
        "igen, når mailserveren ikke svarer. Her er de e-mails, systemet har opgivet, og dem, der "
        "har ventet usædvanligt længe. Fejlet (2) Tjek adressen og fejlen.")
    assert rows(failed) == [
        f"rita@example.dk, formand@example.dk Log ind i Lokalkontakt {when(newer.created_at)} 1 "
        "BadHeaderError: Header values can't contain newlines Send igen “Log ind i Lokalkontakt”",
        f"bo@example.dk Kvittering for din henvendelse {when(older.created_at)} 10 {REFUSED} "
        "Send igen “Kvittering for din henvendelse”",
    ]
    assert f'action="{resend_url(newer)}"' in failed


def test_emails_waiting_longer_than_the_limit_are_listed_oldest_first(coordinator_client, settings):
    settings.EMAIL_DELAYED_MINUTES = 30
    retrying = OutgoingEmailFactory(to=["bo@example.dk"], subject="Kvittering", attempts=3,
                                    last_error="ConnectionRefusedError: [Errno 111] Connection refused",
                                    created_at=minutes_ago(45))
    sending = OutgoingEmailFactory(sending=True, to=["lise@example.dk"], subject="Ny henvendelse",
                                   created_at=minutes_ago(31))
    OutgoingEmailFactory(subject="Lige sat i kø", created_at=minutes_ago(5))

    _failed, delayed = sections(coordinator_client.get(URL))

    assert text(delayed).startswith(
        "Har ventet mere end 30 minutter (2) De er stadig i køen, og Lokalkontakt bliver ved med at "
        "prøve. Er der mange, er mailserveren eller baggrundsprocessen måske nede: Giv IT besked.")
    assert rows(delayed) == [
        f"bo@example.dk Kvittering {when(retrying.created_at)} I kø 3 "
        "ConnectionRefusedError: [Errno 111] Connection refused",
        f"lise@example.dk Ny henvendelse {when(sending.created_at)} Sendes 1 –",
    ]


def test_an_empty_page_says_that_nothing_failed_or_waits(coordinator_client):
    OutgoingEmailFactory(sent=True)

    failed, delayed = sections(coordinator_client.get(URL))

    assert rows(failed) == ["Ingen e-mails er fejlet."]
    assert rows(delayed) == ["Ingen e-mails venter."]


def test_the_page_reads_in_english(coordinator_client):
    OutgoingEmailFactory(failed=True, subject="Kvittering")

    content = text(coordinator_client.get(URL, HTTP_ACCEPT_LANGUAGE="en").content.decode())

    assert "E-mails that were not delivered" in content
    assert "Failed (1)" in content
    assert "Send again “Kvittering”" in content
    assert "Waiting longer than 30 minutes (0)" in content


def test_a_failed_email_sent_again_before_shows_who_did_it(coordinator_client, coordinator):
    resent_at = minutes_ago(90)
    OutgoingEmailFactory(failed=True, resent_by=coordinator, resent_at=resent_at)

    failed, _delayed = sections(coordinator_client.get(URL))

    assert f"Sendt igen af Karin Koordinator {when(resent_at)}" in text(failed)


def test_the_failed_list_is_paged_by_fifty(coordinator_client):
    for _n in range(51):
        OutgoingEmailFactory(failed=True)

    first = coordinator_client.get(URL)
    second = coordinator_client.get(URL, {"side": 2})

    assert len(rows(sections(first)[0])) == 50
    assert "Side 1 af 2" in text(first.content.decode())
    assert len(rows(sections(second)[0])) == 1


def test_the_coverage_overview_links_to_the_page_with_the_number_failed(coordinator_client):
    OutgoingEmailFactory(failed=True)
    OutgoingEmailFactory(failed=True)
    OutgoingEmailFactory(sent=True)

    response = coordinator_client.get(reverse("coordination:overview"))

    content = response.content.decode()
    assert f'<a href="{URL}">E-mails, der ikke blev leveret</a>' in content
    assert "E-mails, der ikke blev leveret – 2 fejlede e-mails at sende igen" in text(content)


# --- Send again -------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_send_again_queues_the_email_as_the_coordinators_and_the_worker_delivers_it(
        coordinator_client, coordinator, smtp_server):  # noqa: F811
    failed = OutgoingEmailFactory(failed=True, to=["bo@example.dk"], subject="Kvittering",
                                  last_error=REFUSED)

    response = coordinator_client.post(resend_url(failed), follow=True)

    assert response.redirect_chain == [(URL, 302)]
    content = text(response.content.decode())
    assert ("“Kvittering” til bo@example.dk er lagt i køen igen og bliver sendt om et øjeblik."
            in content)
    assert rows(sections(response)[0]) == ["Ingen e-mails er fejlet."]
    failed.refresh_from_db()
    assert (failed.status, failed.attempts, failed.resent_by) == (Status.QUEUED, 0, coordinator)
    assert timezone.now() - failed.resent_at < datetime.timedelta(minutes=1)

    run_worker()

    assert [recipients for recipients, _message in smtp_server.messages] == [["bo@example.dk"]]
    failed.refresh_from_db()
    assert (failed.status, failed.attempts, failed.last_error) == (Status.SENT, 1, "")


def test_send_again_on_an_email_no_longer_failed_changes_nothing(coordinator_client):
    sent = OutgoingEmailFactory(sent=True, to=["bo@example.dk"], subject="Kvittering")
    before = list(OutgoingEmail.objects.values())

    response = coordinator_client.post(resend_url(sent), follow=True)

    assert ("“Kvittering” til bo@example.dk er ikke længere markeret som fejlet; intet er ændret."
            in text(response.content.decode()))
    assert list(OutgoingEmail.objects.values()) == before


def test_send_again_answers_404_for_an_unknown_email_and_405_to_a_get(coordinator_client):
    failed = OutgoingEmailFactory(failed=True)

    assert coordinator_client.post(reverse("emails:resend", kwargs={"pk": failed.pk + 1})
                                   ).status_code == 404
    assert coordinator_client.get(resend_url(failed)).status_code == 405
    failed.refresh_from_db()
    assert failed.status == Status.FAILED


def test_only_the_coordinator_may_see_the_page_or_send_again(colleague_client, client):
    failed = OutgoingEmailFactory(failed=True)

    assert colleague_client.get(URL).status_code == 403
    assert colleague_client.post(resend_url(failed)).status_code == 403
    anonymous = Client()
    assert anonymous.get(URL)["Location"] == f"{reverse('login')}?next={URL}"
    assert anonymous.post(resend_url(failed)).status_code == 302
    failed.refresh_from_db()
    assert (failed.status, failed.resent_by) == (Status.FAILED, None)


def test_send_again_needs_the_forms_csrf_token(coordinator):
    failed = OutgoingEmailFactory(failed=True)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(coordinator)

    assert browser.post(resend_url(failed)).status_code == 403
    failed.refresh_from_db()
    assert failed.status == Status.FAILED

    page = browser.get(URL).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    assert browser.post(resend_url(failed), {"csrfmiddlewaretoken": token}).status_code == 302
    failed.refresh_from_db()
    assert failed.status == Status.QUEUED


# --- a fixed number of queries ------------------------------------------------------------------

# session, user, the coordinator's role flags, employee (the menu); the failed e-mails' count and
# page (with who sent them again); the waiting e-mails' count and first 50; the access log's
# entries for them (one INSERT: the recipients are personal data).
PAGE_QUERIES = 9


@pytest.mark.parametrize("count", [5, 500])
def test_the_page_costs_the_same_with_5_and_500_emails(count, coordinator, coordinator_client,
                                                       django_assert_num_queries):
    OutgoingEmail.objects.bulk_create(
        [OutgoingEmail(to=[f"borger{n}@example.dk"], subject=f"Kvittering {n}", body="Tak",
                       status=Status.FAILED, attempts=10, last_error=REFUSED,
                       resent_by=coordinator if n % 2 else None,
                       resent_at=timezone.now() if n % 2 else None) for n in range(count)]
        + [OutgoingEmail(to=[f"venter{n}@example.dk"], subject=f"Venter {n}", body="Tak",
                         attempts=2) for n in range(count)])
    OutgoingEmail.objects.filter(status=Status.QUEUED).update(created_at=minutes_ago(60))

    with django_assert_num_queries(PAGE_QUERIES):
        response = coordinator_client.get(URL)

    failed, delayed = sections(response)
    assert len(rows(failed)) == min(count, 50)
    assert f"Fejlet ({count})" in text(failed)
    assert len(rows(delayed)) == min(count, 50) + (count > 50)
    assert (f"… og {count - 50} mere" in text(delayed)) is (count > 50)
