# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A handover in the browser (issue 7, item 5), from start to the council's e-mail: Bilag 1 says
Glud (Susanne Ernst) should go to a new contact. The coordinator starts the handover to the demo
contact from Glud's page (after one try without choices), Susanne Ernst writes the handover note
from "Mine områder", the demo contact reads it and confirms ("Jeg overtager"), the periodic job
runs twice and switches once, the worker delivers the council's e-mail to a real SMTP server on
loopback, and Glud's page shows the new contact with both in its history. axe on the list, the form
with errors, the handover page and "Mine områder" with the panel."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from lokalkontakt.areas.models import Council, LocalArea
from lokalkontakt.handovers.models import Handover
from lokalkontakt.people.models import Employee
from tests.browser.helpers import expect, log_in, message, read, shown, t
from tests.browser.test_accessibility import (
    assert_accessible,
)
from tests.conftest import site_text
from tests.core.test_mail import run_worker
from tests.inquiries.conftest import smtp_server  # noqa: F401 - fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NEW = "Demo Lokalkontakt"  # the demo login "lokalkontakt", in Teknik og Miljø
LEAVING = "Susanne Ernst"
NOTE = ("Lokalrådet mødes første tirsdag i måneden. Frida Formand er den faste indgang; "
        "stien til stranden er den store sag lige nu.")


@pytest.fixture
def glud(hedensted):
    """Glud with its council's e-mail addresses, and a login for Susanne Ernst, its contact."""
    area = LocalArea.objects.get(name="Glud")
    Council.objects.update_or_create(area=area, defaults={
        "name": "Glud Lokalråd", "email": "lokalraad@glud.example.dk", "chair_name": "Frida Formand",
        "chair_email": "formand@glud.example.dk"})
    user = get_user_model().objects.create_user("susanne", password="demo")
    Employee.objects.filter(name=LEAVING).update(user=user, email="susanne.ernst@example.dk")
    return area


def jobs() -> str:
    out = io.StringIO()
    call_command("run_jobs", stdout=out)
    return out.getvalue()


def test_a_handover_from_start_to_the_councils_e_mail(glud, new_page, smtp_server):  # noqa: F811
    today = timezone.localdate()

    # The coordinator starts the handover from Glud's page.
    coordinator = new_page()
    log_in(coordinator, "koordinator")
    coordinator.goto(glud.get_absolute_url())
    coordinator.get_by_role("link", name=t("Hand over to a new contact")).click()
    expect(coordinator.get_by_role("heading", level=1)).to_have_text(
        read("Start a handover of %(name)s", name="Glud"))
    coordinator.get_by_role("button", name=t("Plan the handover")).click()
    alert = coordinator.get_by_role("alert")
    expect(alert).to_contain_text(t("The form has errors"))
    expect(alert).to_contain_text(f'{t("New contact")}: {t("This field is required.")}')
    assert_accessible(coordinator)  # the form with errors
    assert not Handover.objects.exists()

    coordinator.get_by_label(t("New contact")).select_option(label=f"{NEW} (Teknik og Miljø)")
    coordinator.get_by_label(t("Handover date")).fill(today.isoformat())
    coordinator.get_by_role("button", name=t("Plan the handover")).click()
    expect(message(coordinator, read(
        "The handover of %(area)s to %(name)s is planned.", area="Glud", name=NEW))
           ).to_be_visible()
    expect(coordinator.get_by_role("heading", level=1)).to_have_text(
        read("Handover of %(name)s", name="Glud"))
    expect(coordinator.get_by_text(read("%(name)s has not written a handover note yet.",
                                        name=LEAVING))).to_be_visible()
    assert_accessible(coordinator)  # the handover page
    coordinator.get_by_role("link", name=t("Handovers"), exact=True).first.click()
    expect(coordinator.get_by_role("heading", level=1)).to_have_text(t("Handovers"))
    planned = coordinator.get_by_role("region", name=t("Planned handovers"))
    expect(planned.get_by_role("row").filter(has_text="Glud")).to_contain_text(
        t("Waiting for confirmation"))
    expect(coordinator.get_by_role("link", name=read(
        'Start a handover <span class="sr-only">of %(name)s</span>', name="Snaptun"))).to_be_visible()
    assert_accessible(coordinator)  # the list

    # The leaving contact writes the note from "Mine områder".
    leaving = new_page()
    log_in(leaving, "susanne")
    leaving.get_by_role("link", name=read(
        'Write the handover note <span class="sr-only">for %(area)s</span>', area="Glud")).click()
    leaving.get_by_role("link", name=t("Write the handover note")).click()
    leaving.get_by_label(t("Handover note")).fill(NOTE)
    leaving.get_by_role("button", name=t("Save the handover note")).click()
    expect(message(leaving, t("The handover note is saved."))).to_be_visible()
    expect(leaving.get_by_text(NOTE)).to_be_visible()

    # The new contact reads it and takes over.
    new = new_page()
    log_in(new, "lokalkontakt")
    panel = new.get_by_role("region", name=t("Handovers"))
    expect(panel).to_contain_text(read("You take over %(area)s from %(name)s on %(date)s.",
                                       area="Glud", name=LEAVING, date=shown(today)))
    assert_accessible(new)  # "Mine områder" with the panel
    panel.get_by_role("link", name=read(
        'Read the note and confirm <span class="sr-only">the handover of %(area)s</span>',
        area="Glud")).click()
    expect(new.get_by_text(NOTE)).to_be_visible()
    new.get_by_role("button", name=t("I take over")).click()
    expect(message(new, read("You have confirmed that you take over %(area)s from %(date)s.",
                             area="Glud", date=shown(today)))).to_be_visible()
    assert_accessible(new)  # the handover page, confirmed

    # The periodic job switches it, once.
    assert "Handovers: 1 switched." in jobs()
    assert "Handovers: 0 switched." in jobs()
    run_worker()

    council_mails = [message for recipients, message in smtp_server.messages
                     if recipients == ["lokalraad@glud.example.dk", "formand@glud.example.dk"]]
    assert len(council_mails) == 1
    [mail] = council_mails
    assert mail["Subject"] == site_text("Your new local contact in %(area)s: %(name)s",
                                        area="Glud", name=NEW)
    assert mail["Reply-To"] == "lokalkontakt@example.dk"
    body = mail.get_payload(decode=True).decode()
    assert NEW in body and "lokalkontakt@example.dk" in body and LEAVING in body

    # Glud's page: the new contact, and both in the history.
    coordinator.goto(glud.get_absolute_url())
    contact_card = coordinator.locator(".contact-card").first
    expect(contact_card).to_contain_text(NEW)
    history = coordinator.get_by_role("region", name=t("Who has covered the area"))
    expect(history.get_by_role("row").filter(has_text=LEAVING)).to_contain_text(shown(today))
    expect(history.get_by_role("row").filter(has_text=NEW)).to_contain_text(t("now"))
    expect(coordinator.get_by_text(read("%(to)s took over from %(from)s on %(date)s.",
                                        to=NEW, **{"from": LEAVING}, date=shown(today)))
           ).to_be_visible()
    handover = Handover.objects.get()
    assert handover.status == Handover.Status.DONE and handover.council_notified_at is not None
