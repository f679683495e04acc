# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Development projects (issue 7, item 7): who may start and change a project and its milestones,
what a project must have (a local area; an active lead, if any) and the history every save
leaves with the one who saved it.

Messages are compared through gettext under the active language (the site's), so the tests hold
whatever the Danish translation says."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from lokalkontakt.core.models import FocusArea
from lokalkontakt.projects.models import Milestone, Project
from lokalkontakt.projects.services import milestone_add, milestone_set_done, project_save
from tests.areas.factories import LocalAreaFactory
from tests.councils.factories import CouncilMemberFactory

pytestmark = pytest.mark.django_db

ONLY_COORDINATOR_STARTS = "Only the coordinator may start a development project."
ONLY_COORDINATOR_OR_LEAD = "Only the coordinator or the project's lead may change it."
MAY_1 = datetime.date(2026, 5, 1)
JUNE_15 = datetime.date(2026, 6, 15)


@pytest.fixture
def korning(db):
    return LocalAreaFactory(name="Korning")


@pytest.fixture
def hornborg(db):
    return LocalAreaFactory(name="Hornborg")


@pytest.fixture
def project(coordinator, contact_user, korning):
    """A project in Korning led by the contact (Lise Lokal), started by the coordinator."""
    return project_save(actor=coordinator, title="Nyt liv i forsamlingshuset", status="active",
                        areas=[korning], lead=contact_user.employee)


def rows() -> list[tuple]:
    return [(p.title, p.status, p.lead.name if p.lead else None,
             sorted(a.name for a in p.areas.all()), sorted(f.number for f in p.focus_areas.all()),
             p.description, p.coordinator_part, p.notes)
            for p in Project.objects.order_by("pk")]


def history(project: Project) -> list[tuple]:
    """The project's versions, oldest first: (type, saved by, title, status, notes)."""
    return [(record.history_type, record.history_user.username, record.title, record.status,
             record.notes) for record in project.history.order_by("history_date", "history_id")]


def milestone_history(milestone: Milestone) -> list[tuple]:
    return [(record.history_type, record.history_user.username, record.title, record.done_on)
            for record in milestone.history.order_by("history_date", "history_id")]


def deactivate(user):
    user.employee.is_active = False
    user.employee.save()


# Starting a project


def test_the_coordinator_starts_a_project_with_everything(coordinator, contact_user, korning,
                                                          hornborg):
    focus = list(FocusArea.objects.order_by("number")[:2])

    project = project_save(
        actor=coordinator, title="  Nyt liv i forsamlingshuset ", status="paused",
        areas=[korning, hornborg], lead=contact_user.employee, focus_areas=focus,
        description=" Forsamlingshuset skal energirenoveres. ",
        coordinator_part=" Finder puljer og holder styr på ansøgningen. ",
        notes=" Bestyrelsen mødes i juni. ")

    assert rows() == [("Nyt liv i forsamlingshuset", "paused", "Lise Lokal",
                       ["Hornborg", "Korning"], [f.number for f in focus],
                       "Forsamlingshuset skal energirenoveres.",
                       "Finder puljer og holder styr på ansøgningen.",
                       "Bestyrelsen mødes i juni.")]
    assert history(project) == [("+", "koordinator", "Nyt liv i forsamlingshuset", "paused",
                                 "Bestyrelsen mødes i juni.")]


def test_the_coordinator_starts_a_project_without_a_lead(coordinator, korning):
    project_save(actor=coordinator, title="Stisystem", status="active", areas=[korning])

    assert rows() == [("Stisystem", "active", None, ["Korning"], [], "", "", "")]


def test_the_areas_may_be_given_as_a_queryset(coordinator, korning, hornborg):
    """As the form gives them."""
    project_save(actor=coordinator, title="Stisystem", status="active",
                 areas=type(korning).objects.filter(name__in=["Korning", "Hornborg"]))

    assert rows()[0][3] == ["Hornborg", "Korning"]


def test_the_areas_and_focus_areas_may_be_given_as_generators(coordinator, korning, hornborg):
    """Checking that there is an area must not use up the areas to be stored."""
    focus = list(FocusArea.objects.order_by("number")[:2])

    project_save(actor=coordinator, title="Stisystem", status="active",
                 areas=(area for area in [korning, hornborg]),
                 focus_areas=(area for area in focus))

    assert rows()[0][3:5] == (["Hornborg", "Korning"], [f.number for f in focus])


@pytest.mark.parametrize("who", ["colleague", "contact_user"])
def test_an_employee_may_not_start_a_project(request, who, korning):
    user = request.getfixturevalue(who)

    with pytest.raises(PermissionDenied, match=re.escape(_(ONLY_COORDINATOR_STARTS))):
        project_save(actor=user, title="Stisystem", status="active", areas=[korning],
                     lead=user.employee)

    assert not Project.objects.exists()
    assert not Project.history.exists()


def test_a_council_member_may_not_start_a_project(korning):
    member = CouncilMemberFactory(council__area=korning)

    with pytest.raises(PermissionDenied, match=re.escape(_(ONLY_COORDINATOR_STARTS))):
        project_save(actor=member.user, title="Stisystem", status="active", areas=[korning])

    assert not Project.objects.exists()


def test_a_project_needs_a_local_area(coordinator):
    with pytest.raises(ValidationError) as refused:
        project_save(actor=coordinator, title="Stisystem", status="active", areas=[])

    assert refused.value.message_dict == {"areas": [_("Choose the local areas the project is in.")]}
    assert not Project.objects.exists()
    assert not Project.history.exists()


def test_an_inactive_employee_may_not_lead_a_project(coordinator, colleague, korning):
    deactivate(colleague)

    with pytest.raises(ValidationError) as refused:
        project_save(actor=coordinator, title="Stisystem", status="active", areas=[korning],
                     lead=colleague.employee)

    assert refused.value.message_dict == {"lead": [_("The lead must be an active employee.")]}
    assert not Project.objects.exists()


def test_a_project_needs_a_title(coordinator, korning):
    with pytest.raises(ValidationError) as refused:
        project_save(actor=coordinator, title="   ", status="active", areas=[korning])

    assert list(refused.value.message_dict) == ["title"]
    assert not Project.objects.exists()


def test_an_unknown_status_is_refused(coordinator, korning):
    with pytest.raises(ValidationError) as refused:
        project_save(actor=coordinator, title="Stisystem", status="forgotten", areas=[korning])

    assert list(refused.value.message_dict) == ["status"]
    assert not Project.objects.exists()


# Changing a project


def test_the_lead_changes_their_project(project, contact_user, korning, hornborg):
    project_save(actor=contact_user, project=project, title="Nyt liv i forsamlingshuset",
                 status="done", areas=[korning, hornborg], lead=contact_user.employee,
                 notes="Huset er renoveret.")

    assert rows() == [("Nyt liv i forsamlingshuset", "done", "Lise Lokal",
                       ["Hornborg", "Korning"], [], "", "", "Huset er renoveret.")]
    assert history(project) == [
        ("+", "koordinator", "Nyt liv i forsamlingshuset", "active", ""),
        ("~", "lokalkontakt", "Nyt liv i forsamlingshuset", "done", "Huset er renoveret.")]


def test_the_coordinator_changes_a_project_someone_else_leads(project, coordinator, colleague,
                                                               korning):
    project_save(actor=coordinator, project=project, title="Forsamlingshuset",
                 status="active", areas=[korning], lead=colleague.employee,
                 coordinator_part="Søger puljer.")

    assert rows() == [("Forsamlingshuset", "active", "Kalle Kollega", ["Korning"], [], "",
                       "Søger puljer.", "")]
    assert [row[:2] for row in history(project)] == [("+", "koordinator"), ("~", "koordinator")]


def test_the_lead_may_hand_the_project_to_another_lead_and_then_not_change_it(
        project, contact_user, colleague, korning):
    project_save(actor=contact_user, project=project, title=project.title, status="active",
                 areas=[korning], lead=colleague.employee)

    with pytest.raises(PermissionDenied):
        project_save(actor=contact_user, project=project, title="Mit projekt", status="active",
                     areas=[korning], lead=contact_user.employee)

    assert rows()[0][:3] == ("Nyt liv i forsamlingshuset", "active", "Kalle Kollega")


def test_another_employee_may_not_change_a_project(project, colleague, korning):
    with pytest.raises(PermissionDenied, match=re.escape(_(ONLY_COORDINATOR_OR_LEAD))):
        project_save(actor=colleague, project=project, title="Overtaget", status="done",
                     areas=[korning], lead=colleague.employee, notes="Mit nu.")

    assert rows() == [("Nyt liv i forsamlingshuset", "active", "Lise Lokal", ["Korning"], [],
                       "", "", "")]
    assert len(history(project)) == 1


def test_an_inactive_lead_may_not_change_their_project(project, contact_user, korning):
    deactivate(contact_user)

    with pytest.raises(PermissionDenied, match=re.escape(_(ONLY_COORDINATOR_OR_LEAD))):
        project_save(actor=contact_user, project=project, title=project.title, status="done",
                     areas=[korning], notes="Sidste ord.")

    assert rows()[0][1] == "active"
    assert len(history(project)) == 1


def test_a_change_may_not_take_away_every_area(project, coordinator):
    with pytest.raises(ValidationError) as refused:
        project_save(actor=coordinator, project=project, title=project.title, status="active",
                     areas=[], lead=project.lead)

    assert refused.value.message_dict == {"areas": [_("Choose the local areas the project is in.")]}
    assert rows()[0][3] == ["Korning"]
    assert len(history(project)) == 1


def test_a_change_may_not_give_the_project_an_inactive_lead(project, coordinator, colleague,
                                                            korning):
    deactivate(colleague)

    with pytest.raises(ValidationError) as refused:
        project_save(actor=coordinator, project=project, title=project.title, status="active",
                     areas=[korning], lead=colleague.employee)

    assert refused.value.message_dict == {"lead": [_("The lead must be an active employee.")]}
    assert rows()[0][2] == "Lise Lokal"


# Milestones


@pytest.mark.parametrize("who", ["contact_user", "coordinator"])
def test_the_lead_and_the_coordinator_add_a_milestone(request, project, who):
    user = request.getfixturevalue(who)

    milestone = milestone_add(project=project, actor=user, title="  Ansøgning sendt ",
                              due_on=MAY_1)

    assert list(project.milestones.values_list("title", "due_on", "done_on")) == [
        ("Ansøgning sendt", MAY_1, None)]
    assert milestone_history(milestone) == [("+", user.username, "Ansøgning sendt", None)]


def test_a_milestone_may_have_no_date(project, contact_user):
    milestone_add(project=project, actor=contact_user, title="Første møde")

    assert list(project.milestones.values_list("title", "due_on")) == [("Første møde", None)]


def test_a_milestone_needs_a_title(project, contact_user):
    with pytest.raises(ValidationError) as refused:
        milestone_add(project=project, actor=contact_user, title="  ", due_on=MAY_1)

    assert list(refused.value.message_dict) == ["title"]
    assert not Milestone.objects.exists()


def test_another_employee_may_not_add_a_milestone(project, colleague):
    with pytest.raises(PermissionDenied, match=re.escape(_(ONLY_COORDINATOR_OR_LEAD))):
        milestone_add(project=project, actor=colleague, title="Ansøgning sendt")

    assert not Milestone.objects.exists()
    assert not Milestone.history.exists()


def test_an_inactive_lead_may_not_add_a_milestone(project, contact_user):
    deactivate(contact_user)

    with pytest.raises(PermissionDenied):
        milestone_add(project=project, actor=contact_user, title="Ansøgning sendt")

    assert not Milestone.objects.exists()


def test_the_lead_marks_a_milestone_done_and_the_coordinator_opens_it_again(
        project, contact_user, coordinator):
    milestone = milestone_add(project=project, actor=coordinator, title="Ansøgning sendt",
                              due_on=MAY_1)

    milestone_set_done(milestone=milestone, actor=contact_user, done_on=JUNE_15)
    milestone.refresh_from_db()
    assert milestone.done_on == JUNE_15

    milestone_set_done(milestone=milestone, actor=coordinator, done_on=None)
    milestone.refresh_from_db()
    assert milestone.done_on is None
    assert milestone_history(milestone) == [
        ("+", "koordinator", "Ansøgning sendt", None),
        ("~", "lokalkontakt", "Ansøgning sendt", JUNE_15),
        ("~", "koordinator", "Ansøgning sendt", None)]


def test_another_employee_may_not_mark_a_milestone_done(project, contact_user, colleague):
    milestone = milestone_add(project=project, actor=contact_user, title="Ansøgning sendt")

    with pytest.raises(PermissionDenied, match=re.escape(_(ONLY_COORDINATOR_OR_LEAD))):
        milestone_set_done(milestone=milestone, actor=colleague, done_on=JUNE_15)

    milestone.refresh_from_db()
    assert milestone.done_on is None
    assert len(milestone_history(milestone)) == 1


def test_another_employee_may_not_open_a_done_milestone_again(project, contact_user, colleague):
    milestone = milestone_add(project=project, actor=contact_user, title="Ansøgning sendt")
    milestone_set_done(milestone=milestone, actor=contact_user, done_on=JUNE_15)

    with pytest.raises(PermissionDenied):
        milestone_set_done(milestone=Milestone.objects.get(), actor=colleague, done_on=None)

    assert Milestone.objects.get().done_on == JUNE_15


def test_an_inactive_lead_may_not_mark_a_milestone_done(project, contact_user):
    milestone = milestone_add(project=project, actor=contact_user, title="Ansøgning sendt")
    deactivate(contact_user)

    with pytest.raises(PermissionDenied):
        milestone_set_done(milestone=Milestone.objects.get(), actor=contact_user, done_on=JUNE_15)

    milestone.refresh_from_db()
    assert milestone.done_on is None
