# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The rollout (issue 7, item 6): the plan's steps, the councils' invitations and answers, and the
need for contacts against the nominated candidates. Services, selectors and pages."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from lokalkontakt.areas import services
from lokalkontakt.areas.models import AreaEvent, LocalArea, Participation
from lokalkontakt.candidates.models import Nomination
from lokalkontakt.rollout import selectors
from lokalkontakt.rollout import services as services_rollout
from lokalkontakt.rollout.models import RolloutMilestone
from tests.areas.factories import LocalAreaFactory
from tests.areas.pages import page_text
from tests.councils.factories import CouncilMemberFactory
from tests.people.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

ENGLISH = {"Accept-Language": "en"}
NOV_19 = datetime.date(2019, 11, 19)
Status = RolloutMilestone.Status


@pytest.fixture
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def glud(db):
    return LocalAreaFactory(name="Glud")


@pytest.fixture
def stouby(db):
    return LocalAreaFactory(name="Stouby")


def today() -> datetime.date:
    return timezone.localdate()


def events(area, kind=None):
    found = AreaEvent.objects.filter(area=area).order_by("pk")
    return list(found.filter(kind=kind) if kind else found)


def milestone(title="Møde for alle lokalråd", start=datetime.date(2019, 11, 1),
              end=datetime.date(2019, 11, 30), status=Status.PLANNED, done_on=None, position=0):
    return RolloutMilestone.objects.create(title=title, planned_from=start, planned_to=end,
                                           status=status, done_on=done_on, position=position)


def nominate(employee, *areas, status=Nomination.Status.PROPOSED, note=""):
    nomination = Nomination.objects.create(employee=employee, core_area=employee.core_area,
                                           status=status, note=note)
    nomination.areas.set(areas)
    return nomination


def snapshot() -> dict:
    return {model.__name__: list(model.objects.order_by("pk").values())
            for model in (LocalArea, AreaEvent, RolloutMilestone)}


# --- invitations --------------------------------------------------------------------------------


def test_invitations_record_dates_several_areas_with_an_event_each(glud, stouby, coordinator):
    changed = services_rollout.invitations_record(areas=[stouby, glud], invited_on=NOV_19,
                                                  actor=coordinator)

    assert [area.name for area in changed] == ["Glud", "Stouby"]
    for area in (glud, stouby):
        area.refresh_from_db()
        assert area.invited_on == NOV_19
        [event] = events(area, AreaEvent.Kind.INVITED)
        assert (event.data, event.actor) == ({"date": "2019-11-19"}, coordinator)
        assert area.history.latest().history_user == coordinator
    with translation.override("en"):
        assert events(glud, AreaEvent.Kind.INVITED)[0].text == (
            "The council was offered a contact on 19/11/2019.")


def test_invitations_record_leaves_an_area_that_already_has_the_date(glud, stouby, coordinator):
    services_rollout.invitations_record(areas=[glud], invited_on=NOV_19, actor=coordinator)

    changed = services_rollout.invitations_record(areas=[glud, stouby], invited_on=NOV_19,
                                                  actor=coordinator)

    assert changed == [stouby]
    assert len(events(glud, AreaEvent.Kind.INVITED)) == 1


def test_invitations_record_changes_an_earlier_date(glud, coordinator):
    services_rollout.invitations_record(areas=[glud], invited_on=NOV_19, actor=coordinator)

    services_rollout.invitations_record(areas=[glud], invited_on=datetime.date(2019, 12, 2),
                                        actor=coordinator)

    glud.refresh_from_db()
    assert glud.invited_on == datetime.date(2019, 12, 2)
    assert [e.data["date"] for e in events(glud, AreaEvent.Kind.INVITED)] == [
        "2019-11-19", "2019-12-02"]


@pytest.mark.parametrize(("areas", "invited_on", "expected"), [
    ([], NOV_19, {"areas": ["Choose at least one local area."]}),
    (None, None, {"invited_on": ["Give the date the invitation was sent."]}),
    (None, "tomorrow", {"invited_on": ["The invitation date cannot be in the future."]}),
])
def test_invitations_record_refuses_bad_input_and_changes_nothing(glud, coordinator, english,
                                                                  areas, invited_on, expected):
    if invited_on == "tomorrow":
        invited_on = today() + datetime.timedelta(days=1)
    before = snapshot()

    with pytest.raises(ValidationError) as error:
        services_rollout.invitations_record(areas=[glud] if areas is None else areas,
                                            invited_on=invited_on, actor=coordinator)

    assert error.value.message_dict == expected
    assert snapshot() == before


def test_participation_record_takes_the_invitation_date_too(glud, coordinator):
    services.participation_record(area=glud, answer=Participation.INTERESTED,
                                  answered_on=datetime.date(2020, 1, 10), note="Ja tak",
                                  invited_on=NOV_19, actor=coordinator)

    glud.refresh_from_db()
    assert (glud.invited_on, glud.participation, glud.participation_date) == (
        NOV_19, Participation.INTERESTED, datetime.date(2020, 1, 10))
    assert [e.kind for e in events(glud)] == [AreaEvent.Kind.INVITED, AreaEvent.Kind.PARTICIPATION]
    assert glud.history.count() == 2  # created, then one version for the form's save
    assert glud.history.latest().history_user == coordinator


def test_participation_record_writes_no_answer_event_when_only_the_invitation_changed(glud,
                                                                                      coordinator):
    services.participation_record(area=glud, answer=Participation.DECLINED,
                                  answered_on=datetime.date(2020, 1, 10), actor=coordinator)

    services.participation_record(area=glud, answer=Participation.DECLINED,
                                  answered_on=datetime.date(2020, 1, 10), invited_on=NOV_19,
                                  actor=coordinator)

    assert [e.kind for e in events(glud)] == [AreaEvent.Kind.PARTICIPATION, AreaEvent.Kind.INVITED]


def test_participation_record_clears_the_invitation_date_as_a_change(glud, coordinator):
    services.participation_record(area=glud, answer=Participation.UNKNOWN, answered_on=None,
                                  invited_on=NOV_19, actor=coordinator)

    services.participation_record(area=glud, answer=Participation.UNKNOWN, answered_on=None,
                                  invited_on=None, actor=coordinator)

    glud.refresh_from_db()
    assert glud.invited_on is None
    assert events(glud)[-1].kind == AreaEvent.Kind.UPDATED
    assert events(glud)[-1].data == {"fields": ["invited_on"]}


def test_participation_record_refuses_an_invitation_in_the_future(glud, coordinator, english):
    with pytest.raises(ValidationError) as error:
        services.participation_record(area=glud, answer=Participation.INTERESTED,
                                      answered_on=today(), actor=coordinator,
                                      invited_on=today() + datetime.timedelta(days=1))

    assert error.value.message_dict == {
        "invited_on": ["The invitation date cannot be in the future."]}
    glud.refresh_from_db()
    assert (glud.invited_on, glud.participation) == (None, Participation.UNKNOWN)
    assert not events(glud)


# --- milestones ---------------------------------------------------------------------------------


def test_milestone_save_plans_whole_months_and_keeps_the_version_with_its_author(coordinator):
    step = services_rollout.milestone_save(
        actor=coordinator, title=" Lokalrådene melder tilbage ", description="Til DFL",
        planned_from=datetime.date(2019, 12, 14), planned_to=datetime.date(2020, 1, 3))

    step.refresh_from_db()
    assert (step.title, step.planned_from, step.planned_to, step.status, step.done_on) == (
        "Lokalrådene melder tilbage", datetime.date(2019, 12, 1), datetime.date(2020, 1, 31),
        Status.PLANNED, None)
    assert step.history.get().history_user == coordinator


def test_milestone_save_refuses_a_period_that_ends_before_it_starts(coordinator, english):
    with pytest.raises(ValidationError) as error:
        services_rollout.milestone_save(actor=coordinator, title="Baglæns",
                                        planned_from=datetime.date(2020, 3, 1),
                                        planned_to=datetime.date(2020, 2, 1))

    assert error.value.message_dict == {"planned_to": ["The period cannot end before it starts."]}
    assert not RolloutMilestone.objects.exists()


def test_a_step_saved_as_done_without_a_day_is_done_today(coordinator):
    step = services_rollout.milestone_save(actor=coordinator, title="Oplæg", status=Status.DONE,
                                           planned_from=datetime.date(2019, 10, 1),
                                           planned_to=datetime.date(2019, 10, 1))

    assert step.done_on == today()


def test_a_step_that_is_not_done_has_no_done_day(coordinator):
    step = milestone(status=Status.DONE, done_on=NOV_19)

    services_rollout.milestone_save(actor=coordinator, milestone=step, title=step.title,
                                    status=Status.IN_PROGRESS, done_on=NOV_19,
                                    planned_from=step.planned_from, planned_to=step.planned_to)

    step.refresh_from_db()
    assert (step.status, step.done_on) == (Status.IN_PROGRESS, None)


def test_the_done_day_cannot_be_in_the_future(coordinator, english):
    with pytest.raises(ValidationError) as error:
        services_rollout.milestone_save(actor=coordinator, title="Oplæg", status=Status.DONE,
                                        done_on=today() + datetime.timedelta(days=1),
                                        planned_from=datetime.date(2019, 10, 1),
                                        planned_to=datetime.date(2019, 10, 1))

    assert error.value.message_dict == {"done_on": ["The date cannot be in the future."]}


def test_milestone_set_status_marks_done_today_and_opens_again(coordinator, colleague):
    step = milestone()

    services_rollout.milestone_set_status(milestone=step, status=Status.DONE, actor=coordinator)
    step.refresh_from_db()
    assert (step.status, step.done_on) == (Status.DONE, today())

    services_rollout.milestone_set_status(milestone=step, status=Status.IN_PROGRESS,
                                          actor=colleague)
    step.refresh_from_db()
    assert (step.status, step.done_on) == (Status.IN_PROGRESS, None)
    assert [(r.status, r.history_user) for r in step.history.order_by("history_id")] == [
        (Status.PLANNED, None), (Status.DONE, coordinator), (Status.IN_PROGRESS, colleague)]


def test_milestone_delete_removes_a_step_entered_by_mistake_and_keeps_who_did(coordinator):
    step = milestone()
    pk = step.pk

    services_rollout.milestone_delete(milestone=step, actor=coordinator)

    assert not RolloutMilestone.objects.filter(pk=pk).exists()
    deleted = RolloutMilestone.history.filter(id=pk).latest()
    assert (deleted.history_type, deleted.history_user) == ("-", coordinator)


def test_a_step_that_is_done_cannot_be_deleted(coordinator, english):
    step = milestone(status=Status.DONE, done_on=NOV_19)

    with pytest.raises(ValidationError) as error:
        services_rollout.milestone_delete(milestone=step, actor=coordinator)

    assert error.value.messages == ["A step that is done stays in the plan as history."]
    assert RolloutMilestone.objects.filter(pk=step.pk).exists()


def test_the_standard_plan_fills_an_empty_plan_from_the_start_month(coordinator, settings):
    settings.LANGUAGE_CODE = "da"

    steps = services_rollout.standard_plan_insert(start=datetime.date(2026, 10, 15),
                                                  actor=coordinator)

    with translation.override("da"):
        first = translation.gettext("The committee considers the proposal")
    plan = selectors.rollout_plan()
    assert [s.pk for s in plan] == [s.pk for s in steps]
    assert len(plan) == 8
    assert (plan[0].title, plan[0].planned_from, plan[0].planned_to) == (
        first, datetime.date(2026, 10, 1), datetime.date(2026, 10, 31))
    assert (plan[-1].planned_from, plan[-1].planned_to) == (datetime.date(2027, 3, 1),
                                                            datetime.date(2027, 4, 30))
    assert {s.status for s in plan} == {Status.PLANNED}
    assert all(s.history.get().history_user == coordinator for s in plan)


def test_the_standard_plan_is_refused_when_the_plan_has_steps(coordinator, english):
    milestone()

    with pytest.raises(ValidationError) as error:
        services_rollout.standard_plan_insert(start=datetime.date(2026, 10, 1), actor=coordinator)

    assert error.value.messages == [
        "The plan already has steps; the standard plan is for an empty plan."]
    assert RolloutMilestone.objects.count() == 1


# --- selectors ----------------------------------------------------------------------------------


def test_the_plan_is_in_order_and_flags_overdue_steps():
    late = milestone("For sent", start=datetime.date(2020, 2, 1), end=datetime.date(2020, 2, 29))
    done = milestone("Færdig", start=datetime.date(2019, 10, 1), end=datetime.date(2019, 10, 31),
                     status=Status.DONE, done_on=datetime.date(2019, 10, 29))
    second = milestone("Anden i november", position=2)
    first = milestone("Første i november", position=1)
    coming = milestone("Senere", start=today().replace(day=1),
                       end=services_rollout.month_end(today()))

    plan = selectors.rollout_plan()

    assert plan == [done, first, second, late, coming]
    assert [s.is_overdue for s in plan] == [False, True, True, True, False]


# need_world: tests/rollout/conftest.py


def test_the_need_sets_interested_areas_without_a_contact_against_open_nominations(need_world):
    need = selectors.rollout_need()

    assert (need.total, need.invited, need.interested, need.declined, need.unanswered) == (
        5, 3, 3, 1, 1)
    assert (need.needing, need.nominations) == (2, 2)
    assert [(a["name"], a["handover_pending"], [n["employee_name"] for n in a["candidates"]])
            for a in need.areas] == [("Glud", False, ["Bent Bro"]), ("Snaptun", True, ["Bent Bro"])]
    assert [n["employee_name"] for n in need.unspecific] == ["Anna Andersen"]


def test_the_need_lists_at_most_the_limit_and_counts_the_rest(need_world):
    need = selectors.rollout_need(limit=1)

    assert [a["name"] for a in need.areas] == ["Glud"]
    assert (need.needing, need.more) == (2, 1)


def plan_handover(area, *, to: str, actor):
    from lokalkontakt.handovers.services import handover_start

    return handover_start(area=area, to_employee=EmployeeFactory(name=to), actor=actor,
                          switch_on=today() + datetime.timedelta(weeks=3))


def test_an_area_whose_handover_is_planned_has_its_successor_and_does_not_lack_a_contact(
        need_world, coordinator):
    plan_handover(need_world["Snaptun"], to="Lise Lokal", actor=coordinator)

    need = selectors.rollout_need()

    assert (need.needing, need.handover_planned, need.listed, need.more) == (1, 1, 2, 0)
    assert [(a["name"], a["successor_name"]) for a in need.areas] == [("Glud", None),
                                                                ("Snaptun", "Lise Lokal")]


def test_a_cancelled_handover_leaves_the_area_lacking_a_contact(need_world, coordinator):
    from lokalkontakt.handovers.services import handover_cancel

    handover = plan_handover(need_world["Snaptun"], to="Lise Lokal", actor=coordinator)
    handover_cancel(handover=handover, reason="Lise kan alligevel ikke", actor=coordinator)
    services.handover_mark(assignment=handover.from_assignment, due=True, actor=coordinator)

    need = selectors.rollout_need()

    assert (need.needing, need.handover_planned) == (2, 0)
    assert [(a["name"], a["successor_name"]) for a in need.areas] == [("Glud", None),
                                                                ("Snaptun", None)]


def test_the_need_shows_the_planned_handover_instead_of_lacking_a_candidate(
        client, need_world, coordinator):
    plan_handover(need_world["Snaptun"], to="Lise Lokal", actor=coordinator)
    client.force_login(coordinator)

    response = client.get(reverse("rollout:overview"), headers={"Accept-Language": "en"})

    text = page_text(response)
    assert "1 interested area lacks a local contact;" in text
    assert "1 more area has a handover to a new contact planned." in text
    snaptun = text.split("Snaptun")[1]
    assert snaptun.startswith(" Handover planned ")
    assert "Handover planned to Lise Lokal" in snaptun
    assert "Suggestions for Snaptun" not in text


def test_staff_see_that_a_handover_is_planned_but_not_to_whom(colleague_client, need_world,
                                                              coordinator):
    plan_handover(need_world["Snaptun"], to="Lise Lokal", actor=coordinator)

    response = colleague_client.get(reverse("rollout:overview"), headers={"Accept-Language": "en"})

    text = page_text(response)
    assert "Snaptun Handover planned" in text
    assert "Lise Lokal" not in text


# --- pages: who may do what ---------------------------------------------------------------------


def rollout_urls(step) -> dict[str, str]:
    return {
        "overview": reverse("rollout:overview"), "areas": reverse("rollout:areas"),
        "export": reverse("rollout:areas_export"),
        "new": reverse("rollout:milestone_new"), "edit": reverse("rollout:milestone_edit",
                                                                 args=[step.pk]),
        "delete": reverse("rollout:milestone_delete", args=[step.pk]),
        "standard": reverse("rollout:standard_plan"),
    }


def test_staff_read_the_rollout_but_only_the_coordinator_changes_it(client, colleague, glud):
    step = milestone()
    client.force_login(colleague)
    urls = rollout_urls(step)

    for name in ["overview", "areas", "export"]:
        assert client.get(urls[name]).status_code == 200, name
    for name in ["new", "edit", "delete", "standard"]:
        assert client.get(urls[name]).status_code == 403, name
    before = snapshot()
    assert client.post(reverse("rollout:invitations"), {
        "areas": [glud.pk], "invited_on": "2019-11-19"}).status_code == 403
    assert client.post(reverse("rollout:milestone_status", args=[step.pk]),
                       {"status": "done"}).status_code == 403
    assert client.post(urls["delete"]).status_code == 403
    assert snapshot() == before


def test_the_coordinators_buttons_are_not_shown_to_other_staff(client, colleague, glud):
    milestone()
    client.force_login(colleague)

    overview = client.get(reverse("rollout:overview"), headers=ENGLISH).content.decode()
    areas = client.get(reverse("rollout:areas"), headers=ENGLISH).content.decode()

    assert "Mark done" not in overview and "Add a step" not in overview
    assert 'name="areas"' not in areas and "Record the invitation" not in areas


def test_council_members_and_visitors_do_not_see_the_rollout(client, glud):
    step = milestone()
    member = CouncilMemberFactory(council__area=glud)
    urls = rollout_urls(step)

    for url in urls.values():
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/log-ind/"), url
    client.force_login(member.user)
    for url in urls.values():
        assert client.get(url).status_code == 403, url
    assert client.post(reverse("rollout:invitations"), {
        "areas": [glud.pk], "invited_on": "2019-11-19"}).status_code == 403
    glud.refresh_from_db()
    assert glud.invited_on is None


# --- pages: the plan ----------------------------------------------------------------------------


def test_the_plan_shows_periods_by_month_in_the_readers_language(colleague_client):
    milestone("Møde for alle lokalråd")
    milestone("Lokalrådene melder tilbage", start=datetime.date(2019, 12, 1),
              end=datetime.date(2020, 1, 31))
    milestone("Alle har en lokalkontakt", start=datetime.date(2020, 3, 1),
              end=datetime.date(2020, 4, 30), status=Status.DONE, done_on=datetime.date(2020, 4, 2))

    danish = page_text(colleague_client.get(reverse("rollout:overview")))
    english = page_text(colleague_client.get(reverse("rollout:overview"), headers=ENGLISH))

    assert "Møde for alle lokalråd november 2019" in danish
    assert "Lokalrådene melder tilbage december 2019 – januar 2020" in danish
    assert "Alle har en lokalkontakt marts – april 2020" in danish
    assert "Møde for alle lokalråd November 2019 Planned Overdue –" in english
    assert "Alle har en lokalkontakt March – April 2020 Done 02/04/2020" in english


def test_the_coordinator_adds_a_step(coordinator_client, coordinator):
    response = coordinator_client.post(reverse("rollout:milestone_new"), {
        "title": "Kontakt til lederne", "planned_from": "2020-02", "planned_to": "02-2020",
        "status": "planned", "done_on": "", "description": ""}, headers=ENGLISH)

    assert response.status_code == 302
    assert response["Location"] == reverse("rollout:overview") + "#plan"
    step = RolloutMilestone.objects.get()
    assert (step.title, step.planned_from, step.planned_to) == (
        "Kontakt til lederne", datetime.date(2020, 2, 1), datetime.date(2020, 2, 29))
    page = page_text(coordinator_client.get(response["Location"], headers=ENGLISH))
    assert "The step “Kontakt til lederne” is added to the plan." in page


@pytest.mark.parametrize(("data", "message"), [
    ({"title": ""}, "Task: This field is required."),
    ({"planned_from": "marts"}, "Planned from (month): Give a month as year and month, e.g. "
                                "2020-03."),
    ({"planned_from": "2020-13"}, "Planned from (month): Give a month as year and month, e.g. "
                                  "2020-03."),
    ({"planned_to": "2020-01"}, "Planned until (month): The period cannot end before it starts."),
    ({"status": "done", "done_on": "2999-01-01"}, "Done on: The date cannot be in the future."),
])
def test_a_step_with_errors_is_refused_with_the_fields_message(coordinator_client, data, message):
    form = {"title": "Kontakt til lederne", "planned_from": "2020-02", "planned_to": "2020-02",
            "status": "planned", "done_on": "", "description": "", **data}

    response = coordinator_client.post(reverse("rollout:milestone_new"), form, headers=ENGLISH)

    assert response.status_code == 400
    assert message in page_text(response)
    assert not RolloutMilestone.objects.exists()


def test_the_coordinator_edits_a_step_and_the_form_shows_months(coordinator_client):
    step = milestone()
    url = reverse("rollout:milestone_edit", args=[step.pk])

    form = coordinator_client.get(url).content.decode()
    assert 'type="month" name="planned_from" value="2019-11"' in form
    response = coordinator_client.post(url, {
        "title": "Møde for alle lokalråd 19. november", "planned_from": "2019-11",
        "planned_to": "2019-11", "status": "done", "done_on": "2019-11-19", "description": ""})

    assert response.status_code == 302
    step.refresh_from_db()
    assert (step.title, step.status, step.done_on) == (
        "Møde for alle lokalråd 19. november", Status.DONE, NOV_19)


def test_the_coordinator_marks_a_step_done_with_a_button(coordinator_client):
    step = milestone()

    response = coordinator_client.post(reverse("rollout:milestone_status", args=[step.pk]),
                                       {"status": "done"}, headers=ENGLISH, follow=True)

    assert "The step “Møde for alle lokalråd” is done." in page_text(response)
    step.refresh_from_db()
    assert (step.status, step.done_on) == (Status.DONE, today())
    assert "Open again “Møde for alle lokalråd”" in page_text(response)


def test_an_unknown_status_is_refused(coordinator_client):
    step = milestone()

    response = coordinator_client.post(reverse("rollout:milestone_status", args=[step.pk]),
                                       {"status": "finished"}, headers=ENGLISH)

    assert response.status_code == 400
    assert "Choose one of the statuses." in page_text(response)
    step.refresh_from_db()
    assert step.status == Status.PLANNED


def test_the_coordinator_removes_a_step_after_confirming(coordinator_client):
    step = milestone()
    url = reverse("rollout:milestone_delete", args=[step.pk])

    assert "Remove “Møde for alle lokalråd” from the plan?" in page_text(
        coordinator_client.get(url, headers=ENGLISH))
    response = coordinator_client.post(url)

    assert response.status_code == 302
    assert not RolloutMilestone.objects.exists()


def test_a_step_that_is_done_is_not_removed(coordinator_client):
    step = milestone(status=Status.DONE, done_on=NOV_19)

    response = coordinator_client.post(reverse("rollout:milestone_delete", args=[step.pk]),
                                       headers=ENGLISH)

    assert response.status_code == 400
    assert "A step that is done stays in the plan as history." in page_text(response)
    assert RolloutMilestone.objects.filter(pk=step.pk).exists()


def test_an_empty_plan_offers_the_standard_plan(coordinator_client):
    page = page_text(coordinator_client.get(reverse("rollout:overview"), headers=ENGLISH))
    assert "The plan has no steps yet." in page and "Insert the standard plan" in page

    response = coordinator_client.post(reverse("rollout:standard_plan"), {"start": "2026-09"},
                                       headers=ENGLISH, follow=True)

    assert "The standard plan's 8 steps are added." in page_text(response)
    assert RolloutMilestone.objects.count() == 8
    assert "Insert the standard plan" not in page_text(response)


def test_the_standard_plan_needs_a_month_and_an_empty_plan(coordinator_client):
    response = coordinator_client.post(reverse("rollout:standard_plan"), {"start": ""},
                                       headers=ENGLISH)
    assert response.status_code == 400
    assert "First month: This field is required." in page_text(response)

    milestone()
    response = coordinator_client.post(reverse("rollout:standard_plan"), {"start": "2026-09"},
                                       headers=ENGLISH)
    assert response.status_code == 400
    assert "The plan already has steps" in page_text(response)
    assert RolloutMilestone.objects.count() == 1


# --- pages: the need ----------------------------------------------------------------------------


def test_the_overview_states_the_gap_and_the_coordinator_sees_the_candidates(coordinator_client,
                                                                             need_world):
    text = page_text(coordinator_client.get(reverse("rollout:overview"), headers=ENGLISH))

    assert "2 interested areas lack a local contact; 2 candidates are nominated." in text
    assert "Glud Without contact 05/01/2020 Bent Bro (Teknik og Miljø)" in text
    assert "Snaptun Handover due 05/01/2020 Bent Bro (Teknik og Miljø)" in text
    assert "Anna Andersen (Teknik og Miljø) – Kan tage to områder" in text
    assert "Carl Chosen" not in text  # accepted: no longer a candidate
    assert "1 council has not answered 1 council has declined" in text


def test_other_staff_see_how_many_are_nominated_but_not_who(colleague_client, need_world):
    text = page_text(colleague_client.get(reverse("rollout:overview"), headers=ENGLISH))

    assert "2 interested areas lack a local contact; 2 candidates are nominated." in text
    assert "Glud Without contact 05/01/2020 Snaptun" in text
    assert "Bent Bro" not in text and "Anna Andersen" not in text
    assert "Kan tage to områder" not in text
    assert "Who is nominated is shown to the coordinator." in text


def test_the_gap_reads_in_danish(colleague_client, need_world):
    text = page_text(colleague_client.get(reverse("rollout:overview")))

    assert "2 interesserede områder mangler en lokalkontakt; 2 kandidater er indstillet." in text


def test_with_every_interested_area_covered_the_overview_says_so(colleague_client, glud):
    text = page_text(colleague_client.get(reverse("rollout:overview"), headers=ENGLISH))

    assert "0 interested areas lack a local contact; 0 candidates are nominated." in text
    assert "Every interested area has a local contact." in text


# --- pages: the areas ---------------------------------------------------------------------------


@pytest.fixture
def answered(need_world):
    LocalArea.objects.filter(name="Stouby").update(participation_note="Vi klarer os selv.",
                                                   participation_date=datetime.date(2020, 1, 9))
    LocalAreaFactory(name="Aalborg Øst")  # "Aa" is Å: last in Danish order
    return need_world


def test_the_areas_table_lists_every_area_in_danish_order(colleague_client, answered):
    text = page_text(colleague_client.get(reverse("rollout:areas"), headers=ENGLISH))

    assert "6 local areas" in text
    names = ["Glud", "Korning", "Snaptun", "Stouby", "Ørum", "Aalborg Øst"]
    positions = [text.index(f" {name} ") for name in names]
    assert positions == sorted(positions)
    assert "Stouby – Declined 09/01/2020 Vi klarer os selv. Without contact" in text
    assert "Glud 19/11/2019 Interested 05/01/2020 – Without contact" in text


def test_the_areas_table_filters_by_answer(colleague_client, answered):
    text = page_text(colleague_client.get(reverse("rollout:areas"), {"answer": "interested"},
                                          headers=ENGLISH))

    assert "3 local areas" in text
    assert "Stouby" not in text and "Ørum" not in text


def test_the_areas_table_shows_the_interested_areas_lacking_a_contact(colleague_client,
                                                                   coordinator_client, answered):
    """The overview's "Vis alle" link; the coordinator's invitations keep the filter."""
    query = {"answer": "interested", "lacking": "on"}
    lacking = {"Glud", "Snaptun"}  # Korning is covered, Stouby declined, Ørum unanswered
    text = page_text(colleague_client.get(reverse("rollout:areas"), query, headers=ENGLISH))

    assert f"{len(lacking)} local area" in text
    for area in LocalArea.objects.all():
        assert (f" {area.name} " in text) == (area.name in lacking)
    response = coordinator_client.post(reverse("rollout:invitations"), {
        "areas": [answered["Glud"].pk], "invited_on": "2019-11-19", **query})
    assert response["Location"] == reverse("rollout:areas") + "?answer=interested&lacking=on"


def test_an_unknown_filter_value_shows_every_area(colleague_client, answered):
    response = colleague_client.get(reverse("rollout:areas"), {"answer": "maybe"})

    assert response.status_code == 200
    assert "6 lokalområder" in page_text(response)


def test_the_export_has_the_table_as_a_spreadsheet(colleague_client, answered):
    response = colleague_client.get(reverse("rollout:areas_export"), {"answer": "declined"},
                                    headers=ENGLISH)

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows == [
        ("Local area", "Invitation sent", "The council's answer", "Answer date",
         "Note on the answer", "Coverage", "Local contact"),
        ("Stouby", None, "Declined", datetime.datetime(2020, 1, 9), "Vi klarer os selv.",
         "Without contact", None),
    ]


def test_the_export_of_the_areas_lacking_a_contact_has_only_those(colleague_client, answered):
    response = colleague_client.get(reverse("rollout:areas_export"),
                                    {"answer": "interested", "lacking": "on"}, headers=ENGLISH)

    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert [row[0] for row in rows[1:]] == ["Glud", "Snaptun"]


def test_the_coordinator_records_the_invitation_for_two_areas(coordinator_client, coordinator,
                                                              answered):
    ids = [answered[name].pk for name in ["Stouby", "Ørum"]]

    response = coordinator_client.post(reverse("rollout:invitations"), {
        "areas": ids, "invited_on": "2019-11-19", "answer": "unknown"}, headers=ENGLISH)

    assert response.status_code == 302
    assert response["Location"] == reverse("rollout:areas") + "?answer=unknown"
    assert set(LocalArea.objects.filter(invited_on=NOV_19).values_list("name", flat=True)) == {
        "Glud", "Snaptun", "Korning", "Stouby", "Ørum"}
    assert AreaEvent.objects.filter(kind=AreaEvent.Kind.INVITED, actor=coordinator).count() == 2
    text = page_text(coordinator_client.get(response["Location"], headers=ENGLISH))
    assert "The invitation date is recorded for 2 areas." in text


@pytest.mark.parametrize(("data", "message"), [
    ({"invited_on": "2019-11-19"}, "Local areas: Choose at least one local area."),
    ({"areas": "GLUD", "invited_on": ""}, "Invitation sent on: Give the date the invitation was "
                                          "sent."),
    ({"areas": "GLUD", "invited_on": "2999-01-01"}, "The invitation date cannot be in the future."),
    ({"areas": "999999", "invited_on": "2019-11-19"}, "Local areas: Select a valid choice."),
])
def test_invitations_with_errors_are_refused_and_change_nothing(coordinator_client, answered,
                                                                data, message):
    if data.get("areas") == "GLUD":
        data = {**data, "areas": [answered["Glud"].pk, answered["Ørum"].pk]}
    before = snapshot()

    response = coordinator_client.post(reverse("rollout:invitations"),
                                       {**data, "answer": "interested"}, headers=ENGLISH)

    assert response.status_code == 400
    text = page_text(response)
    assert message in text
    assert "3 local areas" in text  # the same filter as before
    assert snapshot() == before
    if data.get("areas") and data["areas"] != "999999":
        assert f'value="{answered["Glud"].pk}" id="id_areas_0" checked' in response.content.decode()


def test_the_participation_form_takes_the_invitation_date(coordinator_client, glud):
    url = reverse("coordination:participation", args=[glud.slug])
    LocalArea.objects.filter(pk=glud.pk).update(invited_on=NOV_19)

    form = coordinator_client.get(url).content.decode()
    assert 'name="invited_on" value="2019-11-19"' in form
    response = coordinator_client.post(url, {"invited_on": "2019-11-20", "answer": "interested",
                                             "answered_on": "2020-01-06", "note": ""})

    assert response.status_code == 302
    glud.refresh_from_db()
    assert (glud.invited_on, glud.participation) == (datetime.date(2019, 11, 20),
                                                     Participation.INTERESTED)
    response = coordinator_client.post(url, {"invited_on": "2999-01-01", "answer": "interested",
                                             "answered_on": "2020-01-06"}, headers=ENGLISH)
    assert "Invitation sent: The invitation date cannot be in the future." in page_text(response)


# --- the Hedensted demo -------------------------------------------------------------------------


def test_the_demo_has_the_seeds_plan_and_every_council_invited_on_19_november_2019(colleague_client):
    from lokalkontakt.areas.demo import load_hedensted
    from lokalkontakt.rollout.demo import load_demo_rollout

    load_hedensted(with_users=False)
    load_demo_rollout()
    assert load_demo_rollout() == []  # once

    plan = [(s.title, s.planned_from, s.planned_to, s.status) for s in selectors.rollout_plan()]
    assert plan[0] == ("Oplæg behandles af Udvalget for Fritid og Fællesskab",
                       datetime.date(2019, 10, 1), datetime.date(2019, 10, 31), Status.DONE)
    assert [title for title, *_rest in plan] == [
        "Oplæg behandles af Udvalget for Fritid og Fællesskab",
        "Møde for alle lokalråd 19. november: information om muligheden",
        "Kontakt til lederne i kerneområderne",
        "Lokalrådene melder tilbage til Det Fælles Landdistriktsråd",
        "Overblik over behovet for lokalkontakter",
        "Kontakt til lederne for at finde de konkrete personer",
        "Alle interesserede lokalområder har fået en lokalkontakt",
        "Samarbejdsrum for lokalkontakterne etableres"]
    assert [status for *_rest, status in plan] == [
        Status.DONE, Status.DONE, Status.DONE, Status.IN_PROGRESS, Status.DONE, Status.DONE,
        Status.IN_PROGRESS, Status.PLANNED]
    assert RolloutMilestone.objects.get(position=1).done_on == NOV_19
    assert set(LocalArea.objects.values_list("invited_on", flat=True)) == {NOV_19}
    assert AreaEvent.objects.filter(kind=AreaEvent.Kind.INVITED).count() == 28

    text = page_text(colleague_client.get(reverse("rollout:overview")))
    assert ("Lokalrådene melder tilbage til Det Fælles Landdistriktsråd Om de er interesseret i at "
            "deltage i ordningen. december 2019 – januar 2020 I gang") in text
    # Glud, Snaptun and Hjarnø are interested and their handover is due (Bilag 1).
    assert "3 interesserede områder mangler en lokalkontakt" in text
