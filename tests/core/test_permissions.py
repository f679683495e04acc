# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may open core's URLs (login, logout, language, admin), and signing in; see tests/permissions.py."""

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse
from django.utils import translation

from lokalkontakt.areas.models import AreaEvent
from lokalkontakt.knowledge.models import Note
from lokalkontakt.projects.models import Project
from tests.areas.factories import AssignmentFactory, CouncilFactory, LocalAreaFactory
from tests.councils.factories import CouncilMemberFactory
from tests.people.factories import EmployeeFactory, UserFactory
from tests.permissions import (
    ADMIN_GROUP,
    ROLES,
    Route,
    World,
    admin_model,
    admin_object_pk,
    all_routes,
    build_url,
    check_coordinator_action,
    check_get_by_role,
    failed_email,
    login_redirect_problem,
    meetings_world,
    routes_ruled_by,
)

RULES = {
    "healthz": "public",
    "privacy": "public",
    "set_language": "public",
    "login": "public",
    "logout": "signed_in",
    # Signing in through the municipality's identity provider; 404 while it is not configured.
    "oidc_authentication_init": "public",
    "oidc_authentication_callback": "public",
    "password_change": "signed_in",
    "emails:undelivered": "coordinator",
    "emails:resend": "coordinator",
    # The access log: the coordinator (and the data-protection officer, who is not one of the
    # matrix's roles: tests/core/test_access_log.py checks them).
    "accesslog:list": "coordinator",
    "accesslog:export": "coordinator",
    # A prepared export: only for the one who asked (the coordinator, in the world).
    "exports:status": "signed_in",
    "exports:download": "signed_in",
    # A person's data (export and erasure): the same readers as the access log.
    "personaldata:search": "coordinator",
    "personaldata:export": "coordinator",
    "personaldata:erase": "coordinator",
    "admin:login": "public",
    ADMIN_GROUP: "admin",
}

# Views that answer a GET with something else than 200 for a role that may open them.
# set_language changes the language only on POST; a GET just sends the visitor back (to "/").
GET_STATUS = {
    **{("set_language", role): 302 for role in ROLES},
    **{("logout", role): 405 for role in ROLES if role != "anonymous"},  # POST only
    **{(name, role): 404 for name in ["oidc_authentication_init", "oidc_authentication_callback"]
       for role in ROLES},
    # Council members sign in with one-time links: they have no password to change.
    ("password_change", "council"): 404,
    **{(name, role): 404 for name in ["exports:status", "exports:download"]
       for role in ROLES if role not in ("anonymous", "coordinator")},
    # "Send again" on a failed e-mail is a button (POST only).
    ("emails:resend", "coordinator"): 405,
    # Without a person to look for, the export and the erasure page answer 400 (the search form
    # with its message).
    ("personaldata:export", "coordinator"): 400,
    ("personaldata:erase", "coordinator"): 400,
}


# name -> (kwargs, form data) from the world
POST_ACTIONS = {
    "emails:resend": lambda w: ({"pk": failed_email(w).pk}, {}),
    # Erasing the person's data from a failed e-mail to them.
    "personaldata:erase": lambda w: ({}, {"q": "bo@example.dk", "chosen": [
        f"core.outgoingemail:{failed_email(w).pk}"]}),
}
# The coordinator's pages without a POST.
GET_ONLY = {"emails:undelivered", "accesslog:list", "accesslog:export", "personaldata:search",
            "personaldata:export"}


@pytest.mark.parametrize("name", sorted(POST_ACTIONS))
def test_coordinator_actions_refuse_everyone_else(name, world):
    check_coordinator_action(name, POST_ACTIONS[name], world)


class TestGetByRole:
    """The world is built once for the class; what a test changes is rolled back after it."""

    @pytest.mark.parametrize("route", routes_ruled_by(RULES), ids=str)
    def test_get_by_role(self, route, world_to_get):
        check_get_by_role(route, world_to_get, RULES, GET_STATUS)


# --- the admin opens for superusers -----------------------------------------------------------


def _superuser_admin_status(route: Route, request) -> int:
    """What the admin answers a superuser, from the ModelAdmin's own permissions."""
    fixed = {"admin:login": 302, "admin:logout": 405, "admin:autocomplete": 403,
             "admin:view_on_site": 302}
    if route.key in fixed:
        return fixed[route.key]
    if not route.name:  # "<object_id>/" redirects to ".../change/"; the catch-all finds nothing
        return 404 if "(?P<url>" in route.route else 302
    model = admin_model(route)
    if model is None:
        return 200
    model_admin = admin.site._registry[model]
    action = route.name.rsplit("_", 1)[-1]
    if action == "add" and not model_admin.has_add_permission(request):
        return 403
    if action == "delete" and not model_admin.has_delete_permission(request):
        return 403
    if action in {"change", "delete", "history"} and admin_object_pk(model) == "0":
        return 302  # no such object: back to the admin's index with a message
    return 200


def test_admin_opens_for_superusers(db, admin_client, admin_user, rf):
    """The admin's pages work for an is_staff superuser: the group is refused only to others."""
    world = World(area=LocalAreaFactory(name="Admin-by"), assignment=None, employee=None,
                  core_area=None, clients={})
    AssignmentFactory(area=world.area)
    CouncilMemberFactory(council=CouncilFactory(area=world.area))
    Project.objects.create(title="Projekt").areas.add(world.area)
    AreaEvent.objects.create(area=world.area, kind=AreaEvent.Kind.CREATED)
    Note.objects.create(area=world.area, title="Viden", text="Tekst", kind=Note.Kind.EVENTS,
                        author=EmployeeFactory())
    contact = UserFactory(username="admin-kontakt")
    AssignmentFactory(area=world.area, role="deputy", employee=EmployeeFactory(user=contact))
    meetings_world(area=world.area, contact=contact, coordinator=admin_user)
    request = rf.get("/")
    request.user = admin_user
    problems = []
    for route in all_routes():
        if not route.is_admin:
            continue
        url = build_url(route, world)
        response = admin_client.get(url)
        want = _superuser_admin_status(route, request)
        if response.status_code != want:
            problems.append(f"GET {url} ({route}) answered {response.status_code}, expected {want}")
    assert not problems, "\n".join(problems)


# --- POST-only views --------------------------------------------------------------------------


def test_set_language_changes_the_language_only_on_post(world):
    client = world.clients["anonymous"]
    directory = reverse("areas:directory")

    response = client.get(reverse("set_language"), {"language": "en", "next": directory})
    assert response.status_code == 302
    assert "django_language" not in response.cookies

    response = client.post(reverse("set_language"), {"language": "en", "next": directory})
    assert response.status_code == 302
    assert response["Location"] == directory
    assert response.cookies["django_language"].value == "en"
    assert '<html lang="en">' in client.get(directory).content.decode()

    response = client.post(reverse("set_language"), {"language": "da", "next": directory})
    assert response.cookies["django_language"].value == "da"
    assert '<html lang="da">' in client.get(directory).content.decode()


def test_set_language_refuses_a_foreign_next_url(world):
    response = world.clients["anonymous"].post(
        reverse("set_language"), {"language": "en", "next": "https://evil.example/"})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_logout_takes_post_and_ends_the_session(world):
    client = world.clients["contact"]
    assert client.get(reverse("logout")).status_code == 405
    assert client.get(reverse("mine")).status_code == 200

    response = client.post(reverse("logout"))

    assert response.status_code == 302
    assert response["Location"] == reverse("areas:directory")
    assert client.get(reverse("mine")).status_code == 302


def test_anonymous_logout_post_goes_to_login(world):
    response = world.clients["anonymous"].post(reverse("logout"))
    assert login_redirect_problem(response, reverse("login"), reverse("logout")) is None


# --- login throttling (real form posts: django-axes needs the request) ------------------------


def gettext_in(language: str, text: str) -> str:
    with translation.override(language):
        return translation.gettext(text)


def test_sixth_login_after_five_failures_is_locked_out_even_with_the_right_password(contact, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    client = Client()
    for _attempt in range(5):
        client.post(reverse("login"), {"username": contact.username, "password": "forkert"})

    response = client.post(reverse("login"),
                           {"username": contact.username, "password": "hemmeligt-kodeord-42"})

    assert gettext_in("da", "Too many failed logins") in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("mine")).status_code == 302


def test_failed_logins_below_the_limit_do_not_lock_out(contact):
    client = Client()
    for _attempt in range(4):
        response = client.post(reverse("login"), {"username": contact.username, "password": "forkert"})
        assert response.status_code == 200
    response = client.post(reverse("login"),
                           {"username": contact.username, "password": "hemmeligt-kodeord-42"},
                           follow=True)
    assert response.redirect_chain[-1][0] == reverse("mine")


def test_contact_login_lands_on_mine_omraader(contact):
    client = Client()

    response = client.post(reverse("login"),
                           {"username": contact.username, "password": "hemmeligt-kodeord-42"},
                           follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("mine")
    assert response.resolver_match.view_name == "mine"
    assert "Kontaktby" in response.content.decode()


def test_login_ignores_a_foreign_next_url(contact):
    response = Client().post(
        reverse("login") + "?next=https://evil.example/",
        {"username": contact.username, "password": "hemmeligt-kodeord-42"})
    assert response.status_code == 302
    assert not response["Location"].startswith("https://evil.example")
