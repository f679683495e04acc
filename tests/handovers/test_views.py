# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The handover pages as a browser uses them (issue 7, item 5): the coordinator's list, starting,
moving and cancelling; the handover's page where the leaving contact writes the note and the new
contact confirms; who may open what (others find no such handover); the panel on "Mine områder"
and the link on the area page. English pages, so the assertions do not depend on the Danish
translation."""
# The fixtures come from tests/handovers/fixtures.py; tests name them as arguments.
# ruff: noqa: F811

import datetime
import html
import re

import pytest
from django.urls import reverse
from django.utils import formats, timezone, translation

from lokalkontakt.areas.models import AreaEvent
from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.handovers.models import Handover
from lokalkontakt.handovers.services import (
    handover_cancel,
    handover_confirm,
    handover_note_save,
    handover_start,
    handover_switch_due,
)
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.handovers.fixtures import (  # noqa: F401 - fixtures
    glud,
    handover,
    in_days,
    leaving,
    nanna,
    nanna_user,
)
from tests.handovers.test_queries import handovers
from tests.meetings.conftest import english_client
from tests.people.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

LIST = reverse("handovers:list")
REQUIRED = "This field is required."


def text(response) -> str:
    """The page as a person reads it: tags dropped, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def url(name: str, handover: Handover) -> str:
    return reverse(f"handovers:{name}", kwargs={"pk": handover.pk})


def short(day) -> str:
    with translation.override("en"):
        return formats.date_format(day, "SHORT_DATE_FORMAT")


def snapshot() -> list:
    return [list(Handover.objects.order_by("pk").values()),
            list(AreaEvent.objects.order_by("pk").values_list("pk", flat=True)),
            OutgoingEmail.objects.count()]


# --- the coordinator's list -------------------------------------------------------------------


def test_the_list_shows_planned_first_with_their_state_then_the_finished(
        handover, coordinator, nanna_user):
    other = AssignmentFactory(area=LocalAreaFactory(name="Snaptun"), handover=True,
                              employee=EmployeeFactory(name="Susanne Ernst"))
    done_area = AssignmentFactory(area=LocalAreaFactory(name="Hjarnø"))
    finished = handover_start(area=done_area.area, to_employee=EmployeeFactory(name="Per Pedersen"),
                              switch_on=timezone.localdate(), actor=coordinator)
    handover_cancel(handover=finished, reason="Ændrede planer", actor=coordinator)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    Handover.objects.filter(pk=handover.pk).update(switch_on=yesterday)

    response = english_client(coordinator).get(LIST)

    page = text(response)
    assert response.status_code == 200
    assert ("Glud Lise Lokal Nanna Ny " + short(yesterday)
            + " Not written yet Overdue: not confirmed") in page
    assert "Handover due, not planned yet" in page and "Snaptun (Susanne Ernst)" in page
    assert reverse("handovers:new", kwargs={"slug": other.area.slug}) in response.content.decode()
    assert page.index("Planned handovers") < page.index("Glud Lise") < page.index(
        "Completed and cancelled") < page.index("Hjarnø Medarbejder")
    finished_part = page[page.index("Completed and cancelled"):]
    assert "Hjarnø" in finished_part and "Per Pedersen" in finished_part and "Cancelled" in finished_part
    assert "Glud" not in finished_part


def test_a_list_row_shows_the_local_day_of_the_note_a_blocked_state_and_escaped_names(
        handover, coordinator):
    # Written at 23:30 UTC: already the next day in Copenhagen, as the row says.
    written = datetime.datetime(2026, 3, 2, 23, 30, tzinfo=datetime.UTC)
    Handover.objects.filter(pk=handover.pk).update(note_written_at=written)
    handover.to_employee.is_active = False
    handover.to_employee.save()
    AssignmentFactory(area=LocalAreaFactory(name="Ørum & Omegn"), handover=True)

    response = english_client(coordinator).get(LIST)

    page, html = text(response), response.content.decode()
    assert "Written " + short(datetime.date(2026, 3, 3)) in page
    assert "Cannot be switched" in page and "Nanna Ny is no longer active" in page
    assert 'Start a handover <span class="sr-only">of Ørum &amp; Omegn</span>' in html


def test_the_list_pages_the_finished_handovers(coordinator):
    for number in range(52):
        assignment = AssignmentFactory(area=LocalAreaFactory(name=f"By {number:02d}"))
        started = handover_start(area=assignment.area, to_employee=EmployeeFactory(),
                                 switch_on=timezone.localdate(), actor=coordinator)
        handover_cancel(handover=started, reason="Nej", actor=coordinator)
    client = english_client(coordinator)

    first, second = client.get(LIST), client.get(LIST + "?side=2")

    assert text(first).count("Cancelled") == 50
    assert "Completed and cancelled (52)" in text(first)
    assert "No handovers are planned." in text(first)
    assert text(second).count("Cancelled") == 2
    assert "Page 2 of 2" in text(second)
    assert "Planned handovers" not in text(second)  # none planned: said on the first page


NEXT = re.compile(r'href="\?side=(\d+)">Next<')
ROW = re.compile(r'<a href="/overdragelser/(\d+)/">([^<]+)</a>')


def test_paging_reaches_every_handover_planned_first_without_javascript(coordinator):
    planned = handovers(60, status="planned")
    done = handovers(45, status="done", start=60)
    client = english_client(coordinator)

    pages, page = [], client.get(LIST)
    while True:
        pages.append(page.content.decode())
        following = NEXT.search(pages[-1])
        if not following:
            break
        page = client.get(LIST, {"side": following.group(1)})

    rows = [ROW.findall(page) for page in pages]
    assert [len(page) for page in rows] == [50, 50, 5]
    seen = [int(pk) for page in rows for pk, _ in page]
    assert sorted(seen) == sorted(handover.pk for handover in planned + done)
    # The planned ones first, the earliest date first (then by area); then the finished ones.
    expected = sorted(planned, key=lambda handover: (handover.switch_on, handover.area.sort_name))
    assert seen[:60] == [handover.pk for handover in expected]
    assert set(seen[60:]) == {handover.pk for handover in done}
    assert "Planned handovers (60)" in text_of(pages[1]) and "Completed and cancelled" in pages[1]
    assert "Planned handovers" not in pages[2] and "Page 3 of 3" in text_of(pages[2])


def text_of(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_the_list_is_for_the_coordinator(handover, contact_user, nanna_user):
    for user in [contact_user, nanna_user]:
        assert english_client(user).get(LIST).status_code == 403


# --- starting a handover ----------------------------------------------------------------------


def test_the_start_form_offers_active_employees_but_not_the_current_contact(leaving, nanna,
                                                                            coordinator):
    EmployeeFactory(name="Tove Tidligere", is_active=False)

    response = english_client(coordinator).get(reverse("handovers:new",
                                                       kwargs={"slug": "glud"}))

    page = text(response)
    assert response.status_code == 200
    assert "Start a handover of Glud" in page
    assert "Lise Lokal has been the contact since" in page
    options = re.findall(r"<option value=\"\d+\"[^>]*>([^<]+)</option>", response.content.decode())
    assert "Nanna Ny (Teknik og Miljø)" in options
    assert not any(o.startswith(("Lise Lokal", "Tove Tidligere")) for o in options)


def test_the_coordinator_starts_a_handover(leaving, nanna, coordinator):
    switch_on = in_days(21)

    response = english_client(coordinator).post(
        reverse("handovers:new", kwargs={"slug": "glud"}),
        {"to_employee": nanna.pk, "switch_on": switch_on.isoformat()}, follow=True)

    handover = Handover.objects.get()
    assert response.redirect_chain[-1][0] == url("detail", handover)
    page = text(response)
    assert ("The handover of Glud to Nanna Ny is planned. E-mail sent to Lise Lokal and Nanna Ny."
            in page)
    assert "Waiting for confirmation" in page
    assert "Lise Lokal has not written a handover note yet." in page
    assert (handover.to_employee, handover.switch_on) == (nanna, switch_on)


@pytest.mark.parametrize("data, field, message", [
    ({}, "New contact", REQUIRED),
    ({"switch_on": "2020-01-01"}, "Handover date", "The handover date cannot be in the past."),
    ({"switch_on": "i morgen"}, "Handover date", "Enter a valid date."),
])
def test_a_bad_start_is_answered_with_the_fields_message(data, field, message, leaving, nanna,
                                                          coordinator):
    data = {"to_employee": nanna.pk, "switch_on": in_days(7).isoformat(), **data}
    if field == "New contact":
        data.pop("to_employee")
    before = snapshot()

    response = english_client(coordinator).post(reverse("handovers:new", kwargs={"slug": "glud"}),
                                                data)

    assert response.status_code == 400
    assert f"{field}: {message}" in text(response)
    assert snapshot() == before


def test_an_area_without_a_contact_cannot_be_handed_over(nanna, coordinator):
    LocalAreaFactory(name="Hjarnø")
    client = english_client(coordinator)
    start = reverse("handovers:new", kwargs={"slug": "hjarnoe"})

    assert "The area has no local contact yet" in text(client.get(start))
    response = client.post(start, {"to_employee": nanna.pk, "switch_on": in_days(7).isoformat()})

    assert response.status_code == 400
    assert "Hjarnø has no contact to hand over. Assign a contact instead." in text(response)
    assert not Handover.objects.exists()


def test_starting_again_leads_to_the_planned_handover(handover, coordinator):
    response = english_client(coordinator).get(reverse("handovers:new", kwargs={"slug": "glud"}),
                                               follow=True)
    assert response.redirect_chain[-1][0] == url("detail", handover)
    assert "A handover of Glud is already planned." in text(response)


# --- the handover's page, the note and the confirmation ---------------------------------------


def test_the_leaving_contact_writes_the_note_from_the_handover_page(handover, contact_user):
    client = english_client(contact_user)
    page = text(client.get(url("detail", handover)))
    assert "Write the handover note" in page and "I take over" not in page

    response = client.post(url("note", handover),
                           {"handover_note": "Formanden Frida ringer helst om aftenen."},
                           follow=True)

    assert response.redirect_chain[-1][0] == url("detail", handover)
    page = text(response)
    assert "The handover note is saved." in page
    assert "Formanden Frida ringer helst om aftenen." in page
    assert "Edit the handover note" in page
    assert "Handover note written." in page  # the history of the handover


def test_an_empty_note_is_answered_with_400(handover, contact_user):
    before = snapshot()
    response = english_client(contact_user).post(url("note", handover), {"handover_note": ""})
    assert response.status_code == 400
    assert f"Handover note: {REQUIRED}" in text(response)
    assert snapshot() == before


def test_the_new_contact_reads_the_note_and_takes_over(handover, contact_user, nanna_user):
    handover_note_save(handover=handover, note="Husk sommerfesten.", actor=contact_user)
    client = english_client(nanna_user)
    page = text(client.get(url("detail", handover)))
    assert "Husk sommerfesten." in page and "I take over" in page
    assert "Write the handover note" not in page and "Edit the handover note" not in page
    assert client.get(url("note", handover)).status_code == 403

    response = client.post(url("confirm", handover), follow=True)

    page = text(response)
    assert f"You have confirmed that you take over Glud from {short(in_days(14))}." in page
    assert "You confirmed on" in page and "I take over" not in page
    assert "Confirmed by the new contact." in page
    assert Handover.objects.get().confirmed_at is not None


def test_only_the_new_contact_may_confirm(handover, contact_user, coordinator):
    before = snapshot()
    for user in [contact_user, coordinator]:
        assert english_client(user).post(url("confirm", handover)).status_code == 403
    assert english_client(coordinator).get(url("confirm", handover)).status_code == 405
    assert snapshot() == before


@pytest.mark.parametrize("name", ["detail", "note", "confirm"])
def test_other_employees_find_no_such_handover(name, handover, colleague):
    client = english_client(colleague)
    before = snapshot()
    response = (client.post(url(name, handover), {"handover_note": "Hej"}) if name != "detail"
                else client.get(url(name, handover)))
    assert response.status_code == 404
    assert snapshot() == before


def test_the_page_after_the_switch_shows_who_took_over_and_that_the_council_was_told(
        handover, nanna_user, coordinator):
    handover_confirm(handover=handover, actor=nanna_user)
    Handover.objects.filter(pk=handover.pk).update(switch_on=timezone.localdate())
    handover_switch_due()

    response = english_client(coordinator).get(url("detail", handover))

    page = text(response)
    assert "Completed" in page and f"contact from {short(timezone.localdate())}" in page
    assert "Completed: the new contact took over. The council was told by e-mail." in page
    assert "the system" in page
    assert "Move the handover" not in page and "Cancel the handover" not in page
    # The leaving contact can no longer write the note.
    response = english_client(handover.from_employee.user).post(
        url("note", handover), {"handover_note": "For sent"}, follow=True)
    assert "The handover is no longer planned." in text(response)
    assert Handover.objects.get().handover_note == ""


# --- moving and cancelling --------------------------------------------------------------------


def test_the_coordinator_moves_the_handover(handover, coordinator):
    new_date = in_days(40)
    response = english_client(coordinator).post(url("reschedule", handover),
                                                 {"switch_on": new_date.isoformat()}, follow=True)
    page = text(response)
    assert f"The handover is moved to {short(new_date)}." in page
    assert f"Date changed to {short(new_date)}." in page
    assert Handover.objects.get().switch_on == new_date


def test_moving_to_the_past_is_answered_with_400(handover, coordinator):
    before = snapshot()
    response = english_client(coordinator).post(url("reschedule", handover),
                                                 {"switch_on": "2020-01-01"})
    assert response.status_code == 400
    assert "New handover date: The handover date cannot be in the past." in text(response)
    assert snapshot() == before


def test_the_coordinator_cancels_with_a_reason(handover, coordinator):
    client = english_client(coordinator)
    response = client.post(url("cancel", handover), {"cancel_reason": ""})
    assert response.status_code == 400
    assert f"Reason for cancelling: {REQUIRED}" in text(response)

    response = client.post(url("cancel", handover), {"cancel_reason": "Lise bliver."},
                           follow=True)

    page = text(response)
    assert "The handover of Glud is cancelled." in page
    assert "Cancelled: Lise bliver." in page
    assert Handover.objects.get().status == Handover.Status.CANCELLED
    # A cancelled handover cannot be moved or cancelled again.
    response = client.get(url("reschedule", handover), follow=True)
    assert "The handover is no longer planned." in text(response)


@pytest.mark.parametrize("name", ["reschedule", "cancel"])
def test_only_the_coordinator_moves_or_cancels(name, handover, contact_user, nanna_user):
    for user in [contact_user, nanna_user]:
        assert english_client(user).get(url(name, handover)).status_code == 403


# --- Mine områder and the area page -----------------------------------------------------------


def test_mine_omraader_shows_the_handovers_to_act_on(handover, contact_user, nanna_user):
    leaving_page = text(english_client(contact_user).get(reverse("mine")))
    new_page = text(english_client(nanna_user).get(reverse("mine")))

    date = short(in_days(14))
    assert f"You hand Glud over to Nanna Ny on {date}. Write the handover note for Glud" in (
        leaving_page)
    assert (f"You take over Glud from Lise Lokal on {date}. Read the note and confirm the "
            "handover of Glud – Not confirmed yet") in new_page


def test_mine_omraader_has_no_handover_panel_without_handovers(contact_user):
    assert "Handovers" not in text(english_client(contact_user).get(reverse("mine")))


def test_the_area_page_links_the_coordinator_to_a_handover(leaving, coordinator, colleague):
    start = reverse("handovers:new", kwargs={"slug": "glud"})
    assert start in english_client(coordinator).get(leaving.area.get_absolute_url()).content.decode()
    assert start not in english_client(colleague).get(
        leaving.area.get_absolute_url()).content.decode()


def test_the_mark_due_page_links_to_planning_the_handover(leaving, coordinator):
    response = english_client(coordinator).get(
        reverse("coordination:handover", kwargs={"pk": leaving.pk}))
    assert reverse("handovers:new", kwargs={"slug": "glud"}) in response.content.decode()


def test_planning_a_handover_shows_the_area_as_handover_due(leaving, nanna, coordinator):
    handover_start(area=leaving.area, to_employee=nanna, switch_on=in_days(3), actor=coordinator)
    response = english_client().get(reverse("areas:directory") + "?coverage=handover")
    assert "Glud" in text(response)


def test_the_overview_leads_to_a_planned_handover_instead_of_offering_to_start_one(
        handover, coordinator):
    AssignmentFactory(area=LocalAreaFactory(name="Barrit"), handover_due=True)
    type(handover.from_assignment).objects.filter(pk=handover.from_assignment.pk).update(
        handover_due=True)

    page = html.unescape(english_client(coordinator).get(reverse("coordination:overview"))
                         .content.decode())

    glud = re.search(r"<li><a href=\"/omraader/glud/\">Glud</a>.*?</li>", page).group(0)
    assert f'<a href="{reverse("handovers:detail", args=[handover.pk])}">handover planned' in glud
    barrit = re.search(r"<li><a href=\"/omraader/barrit/\">Barrit</a>.*?</li>", page).group(0)
    assert f'<a href="{reverse("handovers:new", args=["barrit"])}">start a handover' in barrit
