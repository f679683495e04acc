# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The development-project pages as a browser uses them (issue 7, item 7): the list with its status
filter, a project's page with its facts, milestones and history, starting and editing a project,
adding milestones and marking them done or open again, who may do what, and the project list on
the area page. English pages, so the assertions do not depend on the state of the Danish
translation."""

import datetime
import html

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import formats, timezone, translation

from lokalkontakt.core.models import FocusArea
from lokalkontakt.core.roles import COORDINATOR_GROUP
from lokalkontakt.projects.models import Milestone, Project
from lokalkontakt.projects.services import milestone_add, milestone_set_done, project_save
from tests.areas.factories import LocalAreaFactory
from tests.councils.factories import CouncilMemberFactory
from tests.meetings.conftest import english_client

pytestmark = pytest.mark.django_db

MAY_1 = datetime.date(2026, 5, 1)
LIST = reverse("projects:list")
NEW = reverse("projects:new")
REQUIRED = "This field is required."


@pytest.fixture(autouse=True)
def _coordinator_group(db):
    Group.objects.get_or_create(name=COORDINATOR_GROUP)


@pytest.fixture
def korning(db):
    return LocalAreaFactory(name="Korning")


@pytest.fixture
def hornborg(db):
    return LocalAreaFactory(name="Hornborg")


@pytest.fixture
def project(coordinator, contact_user, korning):
    """A project in Korning led by the contact (Lise Lokal), started by the coordinator, with
    notes for staff and a milestone."""
    project = project_save(
        actor=coordinator, title="Nyt liv i forsamlingshuset", status="active", areas=[korning],
        lead=contact_user.employee, focus_areas=FocusArea.objects.order_by("number")[:1],
        description="Forsamlingshuset skal energirenoveres.",
        coordinator_part="Finder puljer til renoveringen.",
        notes="Bestyrelsen er splittet om tidsplanen.")
    milestone_add(project=project, actor=coordinator, title="Ansøgning til puljen", due_on=MAY_1)
    return project


def text(response) -> str:
    """The page as a person reads it (entities such as &#x27; decoded)."""
    return html.unescape(response.content.decode())


def english_date(day: datetime.date) -> str:
    with translation.override("en"):
        return formats.date_format(day, "SHORT_DATE_FORMAT")


def form_data(*areas, **changes) -> dict:
    data = {"title": "Stisystem mellem byerne", "status": "active", "description": "",
            "lead": "", "areas": [area.pk for area in areas], "focus_areas": [],
            "coordinator_part": "Skaffer kort og kontakter.", "notes": "Lodsejerne er positive."}
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def milestone_done_url(milestone) -> str:
    return reverse("projects:milestone_done", args=[milestone.pk])


def another_project(coordinator, area, title, status="active", lead=None) -> Project:
    return project_save(actor=coordinator, title=title, status=status, areas=[area], lead=lead)


# The list


def test_the_list_shows_each_project_with_its_areas_lead_status_and_open_milestones(
        project, coordinator, colleague, hornborg):
    milestone_add(project=project, actor=coordinator, title="Byggetilladelse")
    done = milestone_add(project=project, actor=coordinator, title="Første møde")
    milestone_set_done(milestone=done, actor=coordinator, done_on=MAY_1)
    project.areas.add(hornborg)

    response = english_client(colleague).get(LIST)

    assert response.status_code == 200
    content = text(response)
    row = content[content.index(f'<a href="{project.get_absolute_url()}">'):]
    row = row[:row.index("</tr>")]
    assert ">Nyt liv i forsamlingshuset</a>" in row
    assert '<td data-title="Local areas">Hornborg, Korning</td>' in row
    assert '<td data-title="Lead">Lise Lokal</td>' in row
    assert '<td data-title="Status">Active</td>' in row
    assert '<td data-title="Open milestones">2</td>' in row  # two open milestones, one done
    assert "Bestyrelsen er splittet" not in content  # the notes are on the project's page


def test_the_list_is_in_danish_order(coordinator, colleague, korning):
    for title in ["Åens forløb", "Æbleplantage", "Børnehave", "Aktivitetshus"]:
        another_project(coordinator, korning, title)

    content = text(english_client(colleague).get(LIST))

    positions = [content.index(f">{title}</a>") for title in
                 ["Aktivitetshus", "Børnehave", "Æbleplantage", "Åens forløb"]]
    assert positions == sorted(positions)


def test_the_list_filters_by_status(project, coordinator, colleague, korning):
    another_project(coordinator, korning, "Gammel legeplads", status="done")

    response = english_client(colleague).get(LIST, {"status": "done"})

    content = text(response)
    assert response.status_code == 200
    assert ">Gammel legeplads</a>" in content
    assert "Nyt liv i forsamlingshuset" not in content
    assert '<option value="done" selected>Completed</option>' in content


def test_a_status_without_projects_says_so(project, colleague):
    content = text(english_client(colleague).get(LIST, {"status": "paused"}))

    assert "No development projects." in content
    assert "Nyt liv i forsamlingshuset" not in content


def test_an_unknown_status_in_the_filter_shows_every_project(project, coordinator, colleague,
                                                            korning):
    another_project(coordinator, korning, "Gammel legeplads", status="done")

    response = english_client(colleague).get(LIST, {"status": "<script>"})

    content = text(response)
    assert response.status_code == 200
    assert ">Nyt liv i forsamlingshuset</a>" in content
    assert ">Gammel legeplads</a>" in content
    assert "<script>" not in response.content.decode()


def test_the_coordinator_is_offered_a_new_project_and_others_are_not(coordinator, colleague):
    assert f'href="{NEW}"' in text(english_client(coordinator).get(LIST))
    assert f'href="{NEW}"' not in text(english_client(colleague).get(LIST))


def test_the_menu_links_to_the_projects_for_staff(project, colleague):
    content = text(english_client(colleague).get(project.get_absolute_url()))

    assert f'<a href="{LIST}" class="nav-link"><span>Projects</span></a>' in content


# A project's page


def test_the_project_page_shows_its_facts_milestones_and_history(project, colleague,
                                                                 contact_user):
    project_save(actor=contact_user, project=project, title=project.title, status="paused",
                 areas=project.areas.all(), lead=contact_user.employee,
                 focus_areas=project.focus_areas.all(), description=project.description,
                 coordinator_part=project.coordinator_part, notes="Afventer svar fra puljen.")
    focus = FocusArea.objects.order_by("number").first()
    korning = project.areas.get()

    response = english_client(colleague).get(project.get_absolute_url())

    assert response.status_code == 200
    content = text(response)
    assert "<h1>Nyt liv i forsamlingshuset</h1>" in content
    assert "Forsamlingshuset skal energirenoveres." in content
    assert "The coordinator's part</h2>" in content
    assert "Finder puljer til renoveringen." in content
    assert "Afventer svar fra puljen." in content
    facts = content[content.index('<dl class="facts">'):]
    facts = facts[:facts.index("</dl>")]
    assert "<dt>Status</dt><dd>Paused</dd>" in facts
    assert (f'<dt>Lead</dt><dd><a href="{contact_user.employee.get_absolute_url()}">Lise Lokal'
            f"</a></dd>") in facts
    assert f'<dd><a href="{korning.get_absolute_url()}">Korning</a></dd>' in facts
    assert f"<dt>Focus areas</dt><dd>{focus.name}</dd>" in facts
    assert (f"<tr><td>Ansøgning til puljen</td><td>{english_date(MAY_1)}</td><td>–</td>"
            in content)
    history = content[content.index('id="project-history-heading"'):]
    assert history.index("Lise Lokal</td><td>Paused") < history.index(
        "Karin Koordinator</td><td>Active")


def test_a_colleague_sees_no_edit_link_and_no_milestone_form(project, colleague):
    content = text(english_client(colleague).get(project.get_absolute_url()))

    assert reverse("projects:edit", args=[project.pk]) not in content
    assert reverse("projects:milestone_new", args=[project.pk]) not in content
    assert "Add a milestone" not in content
    assert milestone_done_url(project.milestones.get()) not in content


@pytest.mark.parametrize("who", ["coordinator", "contact_user"])
def test_the_coordinator_and_the_lead_see_the_edit_link_and_the_milestone_form(request, project,
                                                                               who):
    content = text(english_client(request.getfixturevalue(who)).get(project.get_absolute_url()))

    assert f'href="{reverse("projects:edit", args=[project.pk])}">Edit the project</a>' in content
    assert f'action="{reverse("projects:milestone_new", args=[project.pk])}"' in content
    assert "Add the milestone</button>" in content
    assert f'action="{milestone_done_url(project.milestones.get())}"' in content
    assert 'Mark done <span class="sr-only">“Ansøgning til puljen”</span>' in content


def test_a_project_without_milestones_says_so(coordinator, colleague, korning):
    project = another_project(coordinator, korning, "Stisystem")

    content = text(english_client(colleague).get(project.get_absolute_url()))

    assert "No milestones yet." in content
    assert "<dt>Lead</dt><dd>–</dd>" in content


def test_an_unknown_project_is_not_found(colleague):
    response = english_client(colleague).get(reverse("projects:detail", args=[999999]))

    assert response.status_code == 404


def test_the_project_page_escapes_what_staff_wrote(coordinator, colleague, korning):
    project = project_save(actor=coordinator, title="<b>Fed</b>", status="active",
                           areas=[korning], notes="<script>alert(1)</script>")

    content = english_client(colleague).get(project.get_absolute_url()).content.decode()

    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert "<b>Fed</b>" not in content


# Starting a project


def test_the_coordinator_gets_the_form(coordinator, korning):
    response = english_client(coordinator).get(NEW)

    content = text(response)
    assert response.status_code == 200
    assert "<h1>New project</h1>" in content
    for label in ["Title", "Status", "Lead", "Local areas", "Focus areas",
                  "The coordinator's part", "Notes", "Save the project"]:
        assert label in content
    assert ">Korning</label>" in content


def test_the_coordinator_starts_a_project(coordinator, contact_user, korning, hornborg):
    focus = FocusArea.objects.order_by("number").first()
    client = english_client(coordinator)

    response = client.post(NEW, form_data(korning, hornborg, lead=contact_user.employee.pk,
                                          focus_areas=[focus.pk]))

    project = Project.objects.get()
    assert response.status_code == 302
    assert response["Location"] == project.get_absolute_url()
    assert (project.title, project.status, project.lead, project.coordinator_part,
            project.notes) == ("Stisystem mellem byerne", "active", contact_user.employee,
                               "Skaffer kort og kontakter.", "Lodsejerne er positive.")
    assert sorted(a.name for a in project.areas.all()) == ["Hornborg", "Korning"]
    assert list(project.focus_areas.all()) == [focus]
    assert [r.history_user for r in project.history.all()] == [coordinator]
    assert "The project is saved." in text(client.get(response["Location"]))


@pytest.mark.parametrize("missing,label", [("title", "Title"), ("areas", "Local areas")])
def test_a_project_without_a_title_or_an_area_is_refused(coordinator, korning, missing, label):
    data = form_data(korning)
    del data[missing]

    response = english_client(coordinator).post(NEW, data)

    content = text(response)
    assert response.status_code == 400
    assert "The form has errors" in content
    assert f"{label}: {REQUIRED}</a>" in content
    assert f'<span class="sr-only">Error:</span> {REQUIRED}</span>' in content
    assert not Project.objects.exists()


def test_an_inactive_employee_is_not_offered_as_lead(coordinator, colleague, korning):
    colleague.employee.is_active = False
    colleague.employee.save()

    response = english_client(coordinator).post(NEW, form_data(korning,
                                                               lead=colleague.employee.pk))

    assert response.status_code == 400
    assert "Lead: Select a valid choice." in text(response)
    assert not Project.objects.exists()


@pytest.mark.parametrize("who", ["colleague", "contact_user"])
def test_only_the_coordinator_starts_projects(request, who, korning):
    client = english_client(request.getfixturevalue(who))

    assert client.get(NEW).status_code == 403
    assert client.post(NEW, form_data(korning)).status_code == 403
    assert not Project.objects.exists()


# Editing a project


def test_the_lead_gets_the_form_filled_in(project, contact_user):
    response = english_client(contact_user).get(reverse("projects:edit", args=[project.pk]))

    content = text(response)
    assert response.status_code == 200
    assert "<h1>Edit the project</h1>" in content
    assert 'value="Nyt liv i forsamlingshuset"' in content
    assert "Bestyrelsen er splittet om tidsplanen.</textarea>" in content
    korning = project.areas.get()
    assert f'value="{korning.pk}" checked' in content
    lead = contact_user.employee
    assert f'<option value="{lead.pk}" selected>Lise Lokal ({lead.core_area})</option>' in content


def test_the_lead_edits_the_notes(project, contact_user):
    client = english_client(contact_user)
    data = form_data(*project.areas.all(), title=project.title, lead=contact_user.employee.pk,
                     coordinator_part=project.coordinator_part,
                     description=project.description, notes="Bestyrelsen er nu enig.",
                     focus_areas=[f.pk for f in project.focus_areas.all()])

    response = client.post(reverse("projects:edit", args=[project.pk]), data, follow=True)

    assert response.redirect_chain == [(project.get_absolute_url(), 302)]
    assert "The project is saved." in text(response)
    assert "Bestyrelsen er nu enig." in text(response)
    project.refresh_from_db()
    assert project.notes == "Bestyrelsen er nu enig."
    latest = project.history.first()
    assert (latest.history_user, latest.notes) == (contact_user, "Bestyrelsen er nu enig.")


def test_an_edit_without_areas_is_refused_and_keeps_the_areas(project, contact_user):
    response = english_client(contact_user).post(
        reverse("projects:edit", args=[project.pk]),
        form_data(title=project.title, lead=contact_user.employee.pk))

    assert response.status_code == 400
    assert f"Local areas: {REQUIRED}" in text(response)
    assert [a.name for a in project.areas.all()] == ["Korning"]


def test_another_employee_may_not_edit_a_project(project, colleague):
    client = english_client(colleague)
    url = reverse("projects:edit", args=[project.pk])

    assert client.get(url).status_code == 403
    response = client.post(url, form_data(*project.areas.all(), title="Overtaget",
                                          notes="Mit nu."))

    assert response.status_code == 403
    project.refresh_from_db()
    assert (project.title, project.notes) == ("Nyt liv i forsamlingshuset",
                                              "Bestyrelsen er splittet om tidsplanen.")


def test_an_inactive_lead_may_not_edit_their_project(project, contact_user):
    contact_user.employee.is_active = False
    contact_user.employee.save()

    response = english_client(contact_user).get(reverse("projects:edit", args=[project.pk]))

    assert response.status_code == 403


# Milestones


def test_the_lead_adds_a_milestone(project, contact_user):
    client = english_client(contact_user)

    response = client.post(reverse("projects:milestone_new", args=[project.pk]),
                           {"title": "Byggetilladelse", "due_on": "2026-08-01"}, follow=True)

    assert response.redirect_chain == [(project.get_absolute_url(), 302)]
    assert "The milestone is added." in text(response)
    assert list(project.milestones.values_list("title", "due_on")) == [
        ("Ansøgning til puljen", MAY_1), ("Byggetilladelse", datetime.date(2026, 8, 1))]
    assert Milestone.history.filter(title="Byggetilladelse").get().history_user == contact_user


@pytest.mark.parametrize("data,label,error", [
    ({"title": "", "due_on": "2026-08-01"}, "Milestone", REQUIRED),
    ({"title": "Byggetilladelse", "due_on": "første august"}, "Planned for",
     "Enter a valid date."),
])
def test_a_bad_milestone_is_refused_on_the_project_page(project, contact_user, data, label,
                                                        error):
    response = english_client(contact_user).post(
        reverse("projects:milestone_new", args=[project.pk]), data)

    content = text(response)
    assert response.status_code == 400
    assert "<h1>Nyt liv i forsamlingshuset</h1>" in content
    assert f"{label}: {error}</a>" in content
    assert project.milestones.count() == 1


def test_another_employee_may_not_add_a_milestone(project, colleague):
    response = english_client(colleague).post(
        reverse("projects:milestone_new", args=[project.pk]), {"title": "Byggetilladelse"})

    assert response.status_code == 403
    assert project.milestones.count() == 1


def test_a_milestone_is_added_only_by_post(project, contact_user):
    response = english_client(contact_user).get(
        reverse("projects:milestone_new", args=[project.pk]))

    assert response.status_code == 405


@pytest.mark.parametrize("who", ["contact_user", "coordinator"])
def test_the_lead_and_the_coordinator_mark_a_milestone_done_and_open_again(request, project,
                                                                           who):
    user = request.getfixturevalue(who)
    client = english_client(user)
    milestone = project.milestones.get()

    response = client.post(milestone_done_url(milestone), follow=True)

    assert response.redirect_chain == [(project.get_absolute_url(), 302)]
    assert "The milestone is marked done." in text(response)
    assert 'Open again <span class="sr-only">“Ansøgning til puljen”</span>' in text(response)
    milestone.refresh_from_db()
    assert milestone.done_on == timezone.localdate()

    response = client.post(milestone_done_url(milestone), {"done": "0"}, follow=True)

    assert "The milestone is open again." in text(response)
    milestone.refresh_from_db()
    assert milestone.done_on is None
    assert [r.history_user for r in milestone.history.order_by("history_id")][1:] == [user, user]


def test_marking_done_is_post_only(project, contact_user):
    milestone = project.milestones.get()

    response = english_client(contact_user).get(milestone_done_url(milestone))

    assert response.status_code == 405
    milestone.refresh_from_db()
    assert milestone.done_on is None


def test_another_employee_may_not_mark_a_milestone_done(project, colleague):
    milestone = project.milestones.get()

    response = english_client(colleague).post(milestone_done_url(milestone))

    assert response.status_code == 403
    milestone.refresh_from_db()
    assert milestone.done_on is None


def test_an_unknown_milestone_is_not_found(contact_user):
    response = english_client(contact_user).post(reverse("projects:milestone_done",
                                                         args=[999999]))

    assert response.status_code == 404


# The area page


def test_the_area_page_links_the_project_for_staff(project, colleague, korning):
    content = text(english_client(colleague).get(korning.get_absolute_url()))

    assert "<h2>Development projects</h2>" in content
    assert (f'<li><a href="{project.get_absolute_url()}">Nyt liv i forsamlingshuset</a>'
            " – led by Lise Lokal (active)</li>") in content


def test_the_area_page_shows_anonymous_visitors_only_the_title(project, korning):
    response = english_client().get(korning.get_absolute_url())

    content = text(response)
    assert response.status_code == 200
    assert "<li>Nyt liv i forsamlingshuset – led by Lise Lokal (active)</li>" in content
    assert project.get_absolute_url() not in content
    assert f'href="{LIST}"' not in content  # no "Projects" in the menu
    assert "Bestyrelsen er splittet" not in content
    assert "Finder puljer" not in content
    assert "Ansøgning til puljen" not in content


def test_the_area_page_shows_a_council_member_only_the_title(project, korning):
    member = CouncilMemberFactory(council__area=korning)

    content = text(english_client(member.user).get(korning.get_absolute_url()))

    assert "<li>Nyt liv i forsamlingshuset – led by Lise Lokal (active)</li>" in content
    assert project.get_absolute_url() not in content
    assert f'href="{LIST}"' not in content
    assert "Bestyrelsen er splittet" not in content


def test_an_area_without_projects_has_no_project_heading(project, colleague, hornborg):
    content = text(english_client(colleague).get(hornborg.get_absolute_url()))

    assert "<h2>Development projects</h2>" not in content
    assert "Nyt liv i forsamlingshuset" not in content


# Who gets the project pages


def project_urls(project) -> list[str]:
    return [LIST, project.get_absolute_url(), reverse("projects:edit", args=[project.pk]), NEW]


def test_anonymous_visitors_are_sent_to_the_login_page(project):
    client = english_client()

    for url in project_urls(project):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == f"{reverse('login')}?next={url}", url


def test_council_members_get_no_project_pages(project, korning):
    member = CouncilMemberFactory(council__area=korning)
    client = english_client(member.user)

    for url in project_urls(project):
        assert client.get(url).status_code == 403, url
    assert client.post(milestone_done_url(project.milestones.get())).status_code == 403
    assert project.milestones.get().done_on is None


def test_former_employees_get_no_project_pages(project, colleague):
    colleague.employee.is_active = False
    colleague.employee.save()
    client = english_client(colleague)

    for url in project_urls(project):
        assert client.get(url).status_code == 403, url


def test_the_error_summary_links_a_checkbox_group_to_its_first_checkbox(coordinator):
    LocalAreaFactory(name="Glud")

    response = english_client(coordinator).post(reverse("projects:new"), {
        "title": "Landsbyfornyelse", "status": "active"})

    assert response.status_code == 400
    page = response.content.decode()
    assert 'href="#id_areas_0"' in page and 'id="id_areas_0"' in page


def test_milestones_without_a_date_come_last(coordinator):
    project = project_save(actor=coordinator, title="Stier", status="active",
                           areas=[LocalAreaFactory(name="Glud")])
    milestone_add(project=project, actor=coordinator, title="Uden dato")
    milestone_add(project=project, actor=coordinator, title="Med dato",
                  due_on=datetime.date(2027, 3, 1))

    assert [m.title for m in project.milestones.all()] == ["Med dato", "Uden dato"]
