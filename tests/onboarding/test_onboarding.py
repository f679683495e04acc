# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Onboarding (issue 7, item 4): the checklist template the coordinator keeps, the copy a new
contact or deputy gets on assignment (and the welcome e-mail through a real SMTP server), ticking
steps off from "Mine områder", who may do what, and the coordinator's progress page. English pages,
so the assertions do not depend on the state of the Danish translation."""

import datetime
import html
import re

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from lokalkontakt.areas.models import AssignmentRole
from lokalkontakt.areas.services import assignment_create, assignment_end
from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.core.roles import COORDINATOR_GROUP
from lokalkontakt.onboarding.models import OnboardingStep, OnboardingTask
from lokalkontakt.onboarding.services import (
    onboarding_start,
    onboarding_step_save,
    onboarding_task_set_done,
)
from tests.areas.factories import AssignmentFactory, CouncilFactory, LocalAreaFactory
from tests.conftest import site_text
from tests.core.test_mail import run_worker, smtp_port, smtp_server  # noqa: F401 - fixtures
from tests.councils.factories import CouncilMemberFactory
from tests.meetings.conftest import english_client
from tests.onboarding.factories import DEFAULT_TEMPLATE, load_default_template
from tests.people.factories import EmployeeFactory, UserFactory
from tests.people.test_queries import MINE

pytestmark = pytest.mark.django_db

STEPS = reverse("onboarding:steps")
NEW_STEP = reverse("onboarding:step_new")
PROGRESS = reverse("onboarding:progress")
MINE_URL = reverse("mine")


@pytest.fixture(autouse=True)
def _coordinator_group(db):
    """The group comes from a data migration, which a transactional test's flush removes."""
    Group.objects.get_or_create(name=COORDINATOR_GROUP)


@pytest.fixture
def steps(db):
    """A template of two steps in use and one out of use (instead of the migration's six)."""
    OnboardingStep.objects.all().delete()
    return [OnboardingStep.objects.create(title="Mød lokalrådet", position=20,
                                          description="Aftal et møde med formanden."),
            OnboardingStep.objects.create(title="Læs introduktionspakken", position=10),
            OnboardingStep.objects.create(title="Gammelt trin", position=30, is_active=False)]


@pytest.fixture
def glud(db):
    return LocalAreaFactory(name="Glud")


@pytest.fixture
def checklist(steps, glud, contact_user, coordinator):
    """Lise Lokal's checklist as Glud's new contact."""
    assignment = assignment_create(area=glud, employee=contact_user.employee,
                                   role=AssignmentRole.PRIMARY, actor=coordinator)
    return list(assignment.onboarding_tasks.order_by("position"))


def text(response) -> str:
    return html.unescape(re.sub(r"\s+", " ", response.content.decode()))


def task_url(task) -> str:
    return reverse("onboarding:task_done", kwargs={"pk": task.pk})


# --- the template --------------------------------------------------------------------------------


def test_the_migration_loads_the_danish_default_template_once(db):
    migration = DEFAULT_TEMPLATE
    OnboardingStep.objects.all().delete()

    load_default_template()
    load_default_template()

    titles = list(OnboardingStep.objects.values_list("title", flat=True))
    assert titles == [title for title, _description in migration.DEFAULT_STEPS]
    assert {"Mød lokalrådet", "Deltag i det næste koordinerende møde",
            "Aftal med din leder, hvordan tiden findes"} <= set(titles)
    assert all(step.is_active and step.description for step in OnboardingStep.objects.all())
    ids = OnboardingStep.objects.values("pk")
    assert OnboardingStep.history.filter(history_type="+", id__in=ids).count() == len(titles)


def test_the_coordinator_sees_the_template_in_order(steps, coordinator):
    page = text(english_client(coordinator).get(STEPS))
    assert page.index("Læs introduktionspakken") < page.index("Mød lokalrådet") < page.index(
        "Gammelt trin")
    assert "Aftal et møde med formanden." in page
    assert f'href="{NEW_STEP}"' in page


def test_the_coordinator_adds_a_step(steps, coordinator):
    client = english_client(coordinator)
    response = client.post(NEW_STEP, {
        "title": " Præsentér dig på e-mail ", "description": "Skriv til lokalrådet.",
        "position": "15", "is_active": "on"})

    assert response.status_code == 302
    assert response["Location"] == STEPS
    step = OnboardingStep.objects.get(title="Præsentér dig på e-mail")
    assert (step.description, step.position, step.is_active) == ("Skriv til lokalrådet.", 15, True)
    assert step.history.get().history_user == coordinator
    page = text(client.get(STEPS))
    assert "The step is saved." in page
    assert page.index("Læs introduktionspakken") < page.index("Præsentér dig på e-mail") < (
        page.index("Mød lokalrådet"))


def test_the_coordinator_edits_a_step_and_takes_it_out_of_use(steps, coordinator):
    step = steps[0]
    url = reverse("onboarding:step_edit", kwargs={"pk": step.pk})
    form = text(english_client(coordinator).get(url))
    assert 'value="Mød lokalrådet"' in form

    response = english_client(coordinator).post(url, {
        "title": "Mød lokalrådets formand", "description": "", "position": "5"})

    assert response.status_code == 302
    step.refresh_from_db()
    assert (step.title, step.description, step.position, step.is_active) == (
        "Mød lokalrådets formand", "", 5, False)
    assert [(r.history_user, r.title) for r in step.history.order_by("history_id")] == [
        (None, "Mød lokalrådet"), (coordinator, "Mød lokalrådets formand")]


@pytest.mark.parametrize(("data", "field", "message"), [
    ({"title": "", "position": "1"}, "Step", "This field is required."),
    ({"title": "Trin", "position": ""}, "Order", "This field is required."),
    ({"title": "Trin", "position": "-1"}, "Order",
     "Ensure this value is greater than or equal to 0."),
    ({"title": "x" * 201, "position": "1"}, "Step",
     "Ensure this value has at most 200 characters (it has 201)."),
])
def test_a_step_with_errors_is_refused_and_nothing_changes(steps, coordinator, data, field,
                                                          message):
    before = list(OnboardingStep.objects.values())

    response = english_client(coordinator).post(NEW_STEP, data)

    assert response.status_code == 400
    assert f"{field}: {message}" in text(response)
    assert list(OnboardingStep.objects.values()) == before


def test_only_the_coordinator_keeps_the_template(steps, contact_user, colleague):
    edit = reverse("onboarding:step_edit", kwargs={"pk": steps[0].pk})
    before = list(OnboardingStep.objects.values())
    for user in [contact_user, colleague]:
        client = english_client(user)
        for url in [STEPS, NEW_STEP, edit, PROGRESS]:
            assert client.get(url).status_code == 403
        assert client.post(NEW_STEP, {"title": "Snydetrin", "position": "1"}).status_code == 403
        assert client.post(edit, {"title": "Snydetrin", "position": "1"}).status_code == 403
    assert list(OnboardingStep.objects.values()) == before


def test_an_unknown_step_is_not_found(coordinator):
    response = english_client(coordinator).get(reverse("onboarding:step_edit", kwargs={"pk": 999}))
    assert response.status_code == 404


# --- the checklist on assignment ------------------------------------------------------------------


def test_a_new_contact_gets_the_steps_in_use_in_order(checklist, steps, contact_user, coordinator):
    assert [(task.title, task.position, task.step) for task in checklist] == [
        ("Læs introduktionspakken", 10, steps[1]), ("Mød lokalrådet", 20, steps[0])]
    assert checklist[1].description == "Aftal et møde med formanden."
    assert all(task.done_at is None for task in checklist)
    assert [(r.history_type, r.history_user) for r in OnboardingTask.history.all()] == [
        ("+", coordinator), ("+", coordinator)]


def test_a_deputy_gets_a_checklist_too(steps, glud, coordinator):
    deputy = assignment_create(area=glud, employee=EmployeeFactory(), role=AssignmentRole.DEPUTY,
                               actor=coordinator)
    assert deputy.onboarding_tasks.count() == 2


def test_changing_the_template_later_leaves_existing_checklists_alone(checklist, steps,
                                                                      coordinator, glud):
    onboarding_step_save(actor=coordinator, step=steps[0], title="Nyt navn", position=1,
                         is_active=True)
    onboarding_step_save(actor=coordinator, step=steps[1], title="Læs introduktionspakken",
                         position=10, is_active=False)
    onboarding_step_save(actor=coordinator, title="Helt nyt trin", position=5)

    assert [t.title for t in OnboardingTask.objects.filter(assignment__employee__name="Lise Lokal")
            .order_by("position")] == ["Læs introduktionspakken", "Mød lokalrådet"]
    later = assignment_create(area=glud, employee=EmployeeFactory(), role=AssignmentRole.DEPUTY,
                              actor=coordinator)
    assert [t.title for t in later.onboarding_tasks.order_by("position")] == [
        "Nyt navn", "Helt nyt trin"]


def test_a_step_removed_from_the_database_leaves_the_copies(checklist, steps):
    steps[0].delete()
    task = OnboardingTask.objects.get(title="Mød lokalrådet")
    assert task.step is None
    assert task.description == "Aftal et møde med formanden."


def test_an_empty_template_gives_no_checklist_but_still_a_welcome(glud, contact_user, coordinator):
    OnboardingStep.objects.update(is_active=False)
    assignment = assignment_create(area=glud, employee=contact_user.employee,
                                   role=AssignmentRole.PRIMARY, actor=coordinator)
    assert assignment.onboarding_tasks.count() == 0
    [welcome] = OutgoingEmail.objects.all()
    assert site_text("Your areas, inquiries and consultations are in “My areas”:") in welcome.body
    assert site_text("Tick them off as you go:") not in welcome.body
    assert reverse("areas:briefing", kwargs={"slug": "glud"}) in welcome.body


def test_the_welcome_of_a_contact_without_an_address_goes_to_the_coordinator(steps, glud,
                                                                            coordinator):
    assignment_create(area=glud, employee=EmployeeFactory(name="Carl Nielsen", email=""),
                      role=AssignmentRole.PRIMARY, actor=coordinator)

    [welcome] = OutgoingEmail.objects.all()
    assert welcome.to == [coordinator.employee.email]
    assert welcome.body.startswith(site_text(
        "This e-mail was meant for %(name)s, who cannot receive it (%(reason)s).",
        name="Carl Nielsen", reason=site_text("no e-mail address")))


def test_the_welcome_of_a_contact_without_an_address_goes_to_the_deputy(steps, glud,
                                                                        coordinator):
    deputy = EmployeeFactory(name="Dorte Deputy", email="dorte@example.dk")
    assignment_create(area=glud, employee=deputy, role=AssignmentRole.DEPUTY, actor=coordinator)
    OutgoingEmail.objects.all().delete()

    assignment_create(area=glud, employee=EmployeeFactory(name="Carl Nielsen", email=""),
                      role=AssignmentRole.PRIMARY, actor=coordinator)

    [welcome] = OutgoingEmail.objects.all()
    assert welcome.to == ["dorte@example.dk"]
    assert site_text("You get it as the deputy, so that it is not lost.") in welcome.body


def test_the_checklist_and_the_welcome_fail_with_the_assignment(steps, glud, contact_user):
    """Created in the assignment's transaction: a refused assignment leaves neither behind."""
    AssignmentFactory(area=glud, role=AssignmentRole.PRIMARY)
    with pytest.raises(ValidationError):
        assignment_create(area=glud, employee=contact_user.employee, role=AssignmentRole.PRIMARY)
    assert not OnboardingTask.objects.exists()
    assert not OutgoingEmail.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_new_contact_is_welcomed_by_e_mail(smtp_server, settings):  # noqa: F811
    settings.SITE_URL = "https://lokalkontakt.example.dk"
    Group.objects.get_or_create(name=COORDINATOR_GROUP)
    OnboardingStep.objects.all().delete()
    OnboardingStep.objects.create(title="Mød lokalrådet", position=1)
    OnboardingStep.objects.create(title="Deltag i det næste koordinerende møde", position=2)
    coordinator = UserFactory(username="koordinator")
    coordinator.groups.add(Group.objects.get(name=COORDINATOR_GROUP))
    employee = EmployeeFactory(name="Nanna Ny", email="nanna@example.dk")
    area = LocalAreaFactory(name="Glud", participation="interested",
                            participation_date=datetime.date(2020, 1, 6))
    client = english_client(coordinator)

    response = client.post(reverse("coordination:assign", kwargs={"slug": area.slug}), {
        "employee": employee.pk, "role": "primary", "starts_on": timezone.localdate().isoformat(),
        "note": ""})
    assert response.status_code == 302
    assert smtp_server.messages == []  # queued, not sent inside the request
    run_worker()

    [(recipients, message)] = smtp_server.messages
    assert recipients == ["nanna@example.dk"]
    assert message["Subject"] == "Velkommen som lokalkontakt for Glud"
    body = message.get_payload(decode=True).decode().replace("\r\n", "\n")
    assert "Kære Nanna Ny" in body
    assert "- Mød lokalrådet\n- Deltag i det næste koordinerende møde\n" in body
    assert "https://lokalkontakt.example.dk/mine-omraader/" in body
    assert "https://lokalkontakt.example.dk/omraader/glud/introduktionspakke/" in body


def test_the_deputy_is_welcomed_as_deputy(steps, glud, coordinator):
    assignment_create(area=glud, employee=EmployeeFactory(name="Dorte"), role=AssignmentRole.DEPUTY,
                      actor=coordinator)
    [welcome] = OutgoingEmail.objects.all()
    assert welcome.subject == "Velkommen som stedfortræder for lokalkontakten i Glud"
    assert "Du er nu stedfortræder for lokalkontakten i Glud." in welcome.body


# --- ticking steps off --------------------------------------------------------------------------


def test_the_new_contact_ticks_a_step_done_from_mine_omraader(checklist, contact_user):
    task = checklist[0]
    client = english_client(contact_user)

    response = client.post(task_url(task), {"next": f"{MINE_URL}#checklist-1"})

    assert response.status_code == 302
    assert response["Location"] == f"{MINE_URL}#checklist-1"
    task.refresh_from_db()
    assert task.done_by == contact_user
    assert abs(task.done_at - timezone.now()) < datetime.timedelta(minutes=1)
    assert task.history.first().history_user == contact_user
    page = text(client.get(MINE_URL))
    assert "“Læs introduktionspakken” is done." in page
    assert "1 of 2 steps done" in page


def test_a_step_can_be_opened_again(checklist, contact_user):
    task = checklist[0]
    onboarding_task_set_done(task=task, actor=contact_user, done=True)

    response = english_client(contact_user).post(task_url(task), {"done": "0"})

    assert response.status_code == 302
    assert response["Location"] == MINE_URL
    task.refresh_from_db()
    assert (task.done_at, task.done_by) == (None, None)
    assert [r.done_by_id for r in task.history.order_by("history_id")] == [
        None, contact_user.pk, None]


def test_ticking_a_done_step_again_changes_nothing(checklist, contact_user):
    task = checklist[0]
    onboarding_task_set_done(task=task, actor=contact_user, done=True)
    done_at = OnboardingTask.objects.get(pk=task.pk).done_at

    english_client(contact_user).post(task_url(task), {})

    assert OnboardingTask.objects.get(pk=task.pk).done_at == done_at
    assert task.history.count() == 2


def test_the_coordinator_may_tick_a_contacts_step(checklist, coordinator):
    response = english_client(coordinator).post(task_url(checklist[1]), {})
    assert response.status_code == 302
    assert OnboardingTask.objects.get(pk=checklist[1].pk).done_by == coordinator


@pytest.mark.parametrize("who", ["colleague", "other contact", "former employee",
                                 "council member"])
def test_nobody_else_may_tick_a_contacts_step(checklist, glud, who, colleague, contact_user):
    if who == "colleague":
        user = colleague
    elif who == "council member":
        user = CouncilMemberFactory(council=CouncilFactory(area=glud)).user
    elif who == "other contact":
        user = UserFactory(username="anden")
        AssignmentFactory(area=glud, role=AssignmentRole.DEPUTY,
                          employee=EmployeeFactory(user=user))
    else:
        user = contact_user
        contact_user.employee.is_active = False
        contact_user.employee.save()
    before = list(OnboardingTask.objects.values())

    response = english_client(user).post(task_url(checklist[0]), {})

    # Not staff: refused outright; staff: the step is not theirs, as if it did not exist.
    assert response.status_code == (403 if who in {"former employee", "council member"} else 404)
    assert list(OnboardingTask.objects.values()) == before


def test_an_ended_assignments_checklist_is_no_longer_ticked_by_its_contact(checklist,
                                                                           contact_user):
    assignment_end(assignment=checklist[0].assignment)
    response = english_client(contact_user).post(task_url(checklist[0]), {})
    assert response.status_code == 404
    assert OnboardingTask.objects.get(pk=checklist[0].pk).done_at is None


def test_ticking_takes_post_only_and_refuses_anonymous_visitors(checklist, client):
    assert english_client(checklist[0].assignment.employee.user).get(
        task_url(checklist[0])).status_code == 405
    response = client.post(task_url(checklist[0]), {})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert OnboardingTask.objects.get(pk=checklist[0].pk).done_at is None


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/", "javascript:x"])
def test_ticking_never_sends_the_user_off_the_site(checklist, contact_user, next_url):
    response = english_client(contact_user).post(task_url(checklist[0]), {"next": next_url})
    assert response["Location"] == MINE_URL


# --- "Mine områder" -----------------------------------------------------------------------------


def test_mine_omraader_shows_the_checklist_until_it_is_complete(checklist, contact_user, glud):
    client = english_client(contact_user)
    page = text(client.get(MINE_URL))
    assert "Getting started" in page
    assert "Your checklist as local contact for Glud" in page
    assert "0 of 2 steps done" in page
    assert page.index("Læs introduktionspakken") < page.index("Mød lokalrådet")
    assert page.count('Mark done <span class="sr-only">') == 2
    assert f'href="{reverse("areas:briefing", kwargs={"slug": glud.slug})}"' in page

    onboarding_task_set_done(task=checklist[0], actor=contact_user, done=True)
    page = text(client.get(MINE_URL))
    assert "1 of 2 steps done" in page
    assert 'Open again <span class="sr-only">“Læs introduktionspakken”</span>' in page

    onboarding_task_set_done(task=checklist[1], actor=contact_user, done=True)
    assert "Getting started" not in text(client.get(MINE_URL))


def test_mine_omraader_without_a_checklist_has_no_panel(contact_user, glud):
    AssignmentFactory(area=glud, employee=contact_user.employee)
    assert "Getting started" not in text(english_client(contact_user).get(MINE_URL))


@pytest.mark.parametrize("areas", [1, 20])
def test_mine_omraader_costs_the_same_with_many_checklists(steps, contact_user, areas,
                                                           django_assert_num_queries):
    for _ in range(areas):
        onboarding_start(assignment=AssignmentFactory(employee=contact_user.employee))
    client = english_client(contact_user)

    with django_assert_num_queries(MINE):
        response = client.get(MINE_URL)

    assert text(response).count("0 of 2 steps done") == areas


# --- the coordinator's progress page ------------------------------------------------------------


PROGRESS_QUERIES = 5  # session, user, employee, coordinator group; the unfinished assignments


@pytest.mark.parametrize("contacts", [2, 30])
def test_the_progress_page_lists_unfinished_checklists(steps, coordinator, contacts,
                                                       django_assert_num_queries):
    assignments = [AssignmentFactory(area=LocalAreaFactory(), employee=EmployeeFactory(),
                                     starts_on=datetime.date(2026, 1, 5) + datetime.timedelta(n))
                   for n in range(contacts)]
    for assignment in assignments:
        onboarding_start(assignment=assignment)
    first = assignments[0].onboarding_tasks.order_by("position").first()
    onboarding_task_set_done(task=first, actor=coordinator, done=True)
    for task in assignments[1].onboarding_tasks.all():  # finished
        onboarding_task_set_done(task=task, actor=coordinator, done=True)
    ended = AssignmentFactory(ended=True)
    onboarding_start(assignment=ended)
    client = english_client(coordinator)

    with django_assert_num_queries(PROGRESS_QUERIES):
        response = client.get(PROGRESS)

    page = text(response)
    assert page.count("<tr><td><a href=") == contacts - 1
    row = re.search(rf"<tr><td><a href=[^>]+>{assignments[0].employee.name}</a>.*?</tr>", page)
    assert f">{assignments[0].area.name}</a>" in row.group(0)
    assert "<td>1 of 2</td>" in row.group(0)
    assert assignments[1].employee.name not in page
    assert ended.employee.name not in page
    if contacts > 2:  # the newest assignments first
        assert page.index(assignments[-1].employee.name) < page.index(
            assignments[0].employee.name)


def test_the_progress_page_when_everyone_is_done(coordinator):
    assert "Every contact has finished their checklist." in text(
        english_client(coordinator).get(PROGRESS))


@pytest.mark.parametrize("steps_count", [3, 40])
def test_the_template_page_costs_a_fixed_number_of_queries(coordinator, steps_count,
                                                           django_assert_num_queries):
    OnboardingStep.objects.bulk_create(OnboardingStep(title=f"Trin {n}", position=n)
                                       for n in range(steps_count))
    client = english_client(coordinator)
    with django_assert_num_queries(PROGRESS_QUERIES):
        response = client.get(STEPS)
    assert response.status_code == 200


def test_welcome_is_queued_only_when_the_transaction_commits(steps, glud, contact_user,
                                                             django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        assignment_create(area=glud, employee=contact_user.employee, role=AssignmentRole.PRIMARY)
    assert OutgoingEmail.objects.count() == 1
    # The delivery is enqueued after the commit (the meetings' invitations follow it too).
    deliveries = [c for c in callbacks if getattr(c, "__qualname__", "").startswith("email_queue.")]
    assert len(deliveries) == 1


# --- the demo ---------------------------------------------------------------------------------


def test_the_demo_contact_is_under_way_on_korning_and_has_not_started_hornborg(settings):
    from lokalkontakt.areas.demo import load_hedensted
    from lokalkontakt.onboarding.demo import load_demo_onboarding

    settings.DEMO_ENABLED = True
    OnboardingStep.objects.all().delete()
    load_default_template()
    load_hedensted(with_users=True)

    assert load_demo_onboarding() == 2

    contact = UserFactory(username="lokalkontakt")
    page = text(english_client(contact).get(MINE_URL))
    assert "Your checklist as deputy for Korning" in page
    assert "2 of 6 steps done" in page
    assert "Your checklist as deputy for Hornborg" in page
    assert "0 of 6 steps done" in page
