# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Candidates in the browser (issue 7, items 2 and 3): the coordinator asks the leaders for
candidates from "Kandidater" in the menu; the demo colleague, leader of Læring, follows the link in
the e-mail and nominates a member of staff for Daugård (after one try without choosing anyone); the
coordinator finds her first among the suggestions for Daugård from the coverage overview, accepts
the nomination and assigns her on the assign form, where she is already chosen. axe on the staff
page, the request form, the nomination form with errors, the leader's staff with the nomination,
the suggestions, the decision and the assign form."""

import re

import pytest
from django.utils import timezone, translation
from django.utils.translation import pgettext

from lokalkontakt.areas.models import Assignment
from lokalkontakt.candidates.models import CandidateRequest, Nomination
from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.people.models import CoreArea, Employee
from tests.browser.helpers import expect, log_in, message, read, shown, t
from tests.browser.test_accessibility import (
    assert_accessible,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CANDIDATE = "Mette Mortensen"
NOTE = "Bor i Daugård og kender lokalrådet."


def in_danish(function, *args) -> str:
    with translation.override("da"):
        return function(*args)


@pytest.fixture
def laering(hedensted):
    """The demo colleague leads Læring, where Mette Mortensen works."""
    core_area = CoreArea.objects.get(name="Læring")
    core_area.leaders.add(Employee.objects.get(user__username="kollega"))
    return Employee.objects.create(name=CANDIDATE, title="Pædagogisk konsulent",
                                   core_area=core_area, email="mette@example.dk")


def test_a_leader_nominates_and_the_coordinator_assigns_from_the_suggestions(new_page, laering):
    today = timezone.localdate()

    # The coordinator asks the leaders.
    coordinator = new_page()
    log_in(coordinator, "koordinator")
    menu = coordinator.get_by_role("navigation", name=t("Main menu"))
    menu.get_by_text(t("Coordination"), exact=True).click()  # the coordinator's group
    menu.get_by_role("link", name=in_danish(pgettext, "menu", "Candidates"), exact=True).click()
    expect(coordinator.get_by_role("heading", level=1)).to_have_text(t("Staff by core area"))
    assert_accessible(coordinator)
    coordinator.get_by_role("link", name=t("Requests for candidates"), exact=True).click()
    coordinator.get_by_role("link", name=t("Ask the leaders for candidates"), exact=True).click()
    expect(coordinator.get_by_role("heading", level=1)).to_have_text(
        t("Ask the leaders for candidates"))
    areas = coordinator.get_by_role("group", name=t("Local areas"))
    expect(areas.get_by_label(re.compile("^Daugård "))).to_be_checked()
    leaders = coordinator.get_by_role("group", name=t("Leaders to ask"))
    expect(leaders.get_by_label("Demo Kollega – Læring", exact=True)).to_be_checked()
    assert_accessible(coordinator)  # with the warning about core areas without a leader
    coordinator.get_by_label(t("Message")).fill("Vi mangler kontakter i flere områder.")
    coordinator.get_by_role("button", name=t("Send the request")).click()
    expect(message(coordinator, read("The request for candidates is saved."))).to_be_visible()
    expect(message(coordinator, read("E-mail sent to %(names)s.", names="Demo Kollega"))
           ).to_be_visible()
    request = CandidateRequest.objects.get()
    mail = OutgoingEmail.objects.get(to=["kollega@example.dk"])
    link = re.search(r"https?://\S+(/kandidater/indstil/)", mail.body).group(1)

    # The leader follows the e-mail's link and nominates.
    leader = new_page()
    log_in(leader, "kollega")
    leader.goto(link)
    expect(leader.get_by_role("heading", level=1)).to_have_text(t("Nominate an employee"))
    leader.get_by_role("button", name=t("Nominate"), exact=True).click()
    alert = leader.get_by_role("alert")
    expect(alert).to_contain_text(f'{t("Employee")}: {t("This field is required.")}')
    assert_accessible(leader)  # the form with errors
    leader.get_by_label(t("Employee"), exact=True).select_option(
        label=f"{CANDIDATE} (Pædagogisk konsulent, Læring)")
    leader.get_by_role("group", name=t("Local areas")).get_by_label(
        read("%(area)s – without a contact", area="Daugård"), exact=True).check()
    leader.get_by_label(t("Note")).fill(NOTE)
    leader.get_by_role("button", name=t("Nominate"), exact=True).click()
    expect(message(leader, read("%(name)s is nominated.", name=CANDIDATE))).to_be_visible()
    expect(leader.get_by_role("heading", level=1)).to_have_text(t("My staff"))
    row = leader.get_by_role("region", name=t("Nominations")).get_by_role("row").filter(
        has_text=CANDIDATE)
    expect(row).to_contain_text("Daugård")
    expect(row).to_contain_text(t("Proposed"))
    assert_accessible(leader)  # the leader's staff with the nomination
    nomination = Nomination.objects.get()
    assert (nomination.employee.name, nomination.request, [a.name for a in nomination.areas.all()]
            ) == (CANDIDATE, request, ["Daugård"])

    # The coordinator finds her first among the suggestions for Daugård, and assigns her.
    menu = coordinator.get_by_role("navigation", name=t("Main menu"))
    menu.get_by_text(t("Coordination"), exact=True).click()
    menu.get_by_role("link", name=t("Coverage"), exact=True).click()
    coordinator.get_by_role("link", name=f'{t("suggestions")} – Daugård', exact=True).click()
    expect(coordinator.get_by_role("heading", level=1)).to_have_text(
        read("Suggested contacts for %(name)s", name="Daugård"))
    first = coordinator.get_by_role("listitem").filter(
        has=coordinator.get_by_role("heading", level=2)).first
    expect(first.get_by_role("heading", level=2)).to_have_text(f"{CANDIDATE} – Læring")
    expect(first).to_contain_text(read("Nominated for %(area)s by %(name)s %(date)s",
                                       area="Daugård", name="Demo Kollega", date=shown(today)))
    expect(coordinator.get_by_text(read("Covers %(area)s %(km)s km away", area="Hedensted",
                                        km="5"), exact=True)).to_be_visible()
    assert_accessible(coordinator)  # the suggestions
    first.get_by_role("link", name=read('Assign <span class="sr-only">%(name)s</span>',
                                        name=CANDIDATE)).click()

    expect(coordinator.get_by_role("heading", level=1)).to_have_text(
        read("Decide on the nomination of %(name)s", name=CANDIDATE))
    expect(coordinator.get_by_role("radio", name=t("Accept the nomination"))).to_be_checked()
    expect(coordinator.get_by_label(t("Assign in"))).to_have_value(str(
        nomination.areas.get().pk))
    assert_accessible(coordinator)  # the decision
    coordinator.get_by_label(t("Note to the leader")).fill("Tak for indstillingen.")
    coordinator.get_by_role("button", name=t("Save the decision")).click()

    expect(message(coordinator, read(
        "The nomination of %(name)s is accepted.", name=CANDIDATE))
    ).to_be_visible()
    expect(coordinator.get_by_label(t("Employee"), exact=True)).to_have_value(
        str(nomination.employee_id))
    # Daugård's council has not answered: taking part is voluntary, so the form asks first.
    expect(coordinator.get_by_text(t("The local council has not said yes to having a local "
                                     "contact. Assign anyway?"), exact=True)).to_be_visible()
    assert_accessible(coordinator)  # the assign form, the employee chosen, the warning
    coordinator.get_by_label(t("Assign anyway"), exact=True).check()
    coordinator.get_by_role("button", name=t("Assign"), exact=True).click()

    expect(coordinator.get_by_role("heading", level=1)).to_have_text("Daugård")
    assignment = Assignment.objects.get(area__name="Daugård", ends_on__isnull=True)
    assert assignment.employee.name == CANDIDATE
    nomination.refresh_from_db()
    assert (nomination.status, nomination.decision_note) == ("accepted", "Tak for indstillingen.")
    assert OutgoingEmail.objects.filter(to=["kollega@example.dk"],
                                        subject__contains=CANDIDATE).exists()

