# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may open what: every URL pattern in the resolver against every role.

Each app's tests/<app>/test_permissions.py gives each of its URL names a rule in RULES and checks
every role against it (the machinery is in tests/permissions.py). A URL that appears in the
resolver without a rule fails `test_every_url_pattern_has_a_rule`, so a new view cannot ship
without deciding who may see it. Everything that is not in PUBLIC must send anonymous visitors to a
login page. This module keeps the rules complete and honest, and checks what every page shares:
CSRF and the Content-Security-Policy.

Roles (all signed in with force_login, except the login-throttling tests in
tests/core/test_permissions.py, which post the real form because django-axes needs the request):
- anonymous;
- outsider: a signed-in user whose employee record is no longer active;
- colleague: an employee without assignments;
- contact: an employee with an active assignment;
- coordinator: the `coordinator` fixture (member of the coordinator group);
- council: a member of Glud's local council, signed in (as after the one-time link).
None of them is `is_staff`, so the Django admin refuses them all; `test_admin_opens_for_superusers`
(tests/core/test_permissions.py) checks that the admin's pages do open for a superuser.
"""

import re
from collections import Counter

import pytest
from django.test import Client
from django.urls import reverse

from tests.permissions import (
    ADMIN_GROUP,
    ROLES,
    all_routes,
    app_modules,
    csp_directives,
    merged,
    module_path,
    routes_ruled_by,
    rule_for,
    scan_html,
    snapshot,
    today,
)

# Reachable without login. Only these are marked with lokalkontakt.core.http.public (or are the
# Django admin's own login page, which the admin keeps public itself).
PUBLIC = {
    "home", "healthz", "privacy", "set_language", "login", "areas:directory", "areas:detail",
    "areas:map_svg", "areas:map_geojson",
    "areas:suggestions",
    "admin:login", "inquiries:new", "inquiries:submitted", "inquiries:track",
    "inquiries:track_file",
    "council:login", "council:confirm", "knowledge:detail", "knowledge:attachment",
    "search:search", "meetings:feed", "oidc_authentication_init", "oidc_authentication_callback",
    "account:password_reset", "account:password_set", "reports:public", "guides:public",
    "api:schema", "api:docs", "api:focus-area-list", "api:focus-area-detail", "api:area-lookup",
    "api:area-list", "api:area-detail",
}


# --- the rules are complete and honest --------------------------------------------------------


def test_every_url_pattern_has_a_rule():
    rules = merged("RULES")
    missing = [f"{route.key}: add it to RULES in tests/{route.app}/test_permissions.py"
               for route in all_routes() if rule_for(route, rules) is None]
    assert not missing, (
        "URL patterns without a rule (decide who may open them, and give unnamed patterns a "
        "name):\n" + "\n".join(missing)
    )


def test_every_rule_belongs_to_a_url_pattern():
    keys = {route.key for route in all_routes()}
    stale = sorted(key for key in merged("RULES") if key != ADMIN_GROUP and key not in keys)
    assert not stale, f"RULES name URLs that no longer exist: {stale}"
    assert any(route.is_admin for route in all_routes()), "the admin's URLs were not found"


def test_every_rule_is_stated_by_the_app_whose_view_answers():
    misplaced = [f"{route.key} is in {module_path(module)}, not tests/{route.app}/test_permissions.py"
                 for module in app_modules() for route in routes_ruled_by(module.RULES)
                 if module_path(module) != f"tests/{route.app}/test_permissions.py"]
    assert not misplaced, "\n".join(misplaced)


def test_every_route_is_checked_by_role_exactly_once():
    """The apps' RULES split the resolver's routes: each is a case of one app's TestGetByRole."""
    in_resolver = Counter(route.key for route in all_routes())
    checked = Counter(route.key for module in app_modules() for route in routes_ruled_by(module.RULES))
    twice = sorted(key for key in checked if checked[key] > in_resolver[key])
    assert not twice, f"checked by more than one app (an admin URL named in an app's RULES?): {twice}"
    assert checked == in_resolver
    for module in app_modules():
        test = getattr(getattr(module, "TestGetByRole", None), "test_get_by_role", None)
        assert test is not None, f"{module_path(module)} has RULES but no TestGetByRole.test_get_by_role"


def test_an_apps_status_exceptions_and_post_checks_are_for_its_own_urls():
    strays = []
    for module in app_modules():
        names = {name for name, role in getattr(module, "GET_STATUS", {})}
        for attribute in ["POST_ACTIONS", "GET_ONLY", "NEW_POSTS", "OTHERS_OBJECTS"]:
            names |= set(getattr(module, attribute, ()))
        strays += [f"{module_path(module)}: {name}" for name in sorted(names - set(module.RULES))]
        strays += [f"{module_path(module)}: {key}" for key in getattr(module, "GET_STATUS", {})
                   if key[1] not in ROLES]
    assert not strays, f"names another app's URL (or no role): {strays}"


def test_public_list_is_exactly_the_public_rules():
    assert {key for key, rule in merged("RULES").items() if rule == "public"} == PUBLIC


def test_only_public_views_are_marked_login_not_required():
    """The middleware lets a view through without login only when it is marked public."""
    marked = {route.key for route in all_routes()
              if getattr(route.pattern.callback, "login_required", True) is False}
    # The keyed API is outside the login too: it authenticates each call by its key (tests/api).
    keyed = {key for key, rule in merged("RULES").items() if rule == "api_key"}
    assert marked == PUBLIC | keyed


# --- every action is in the POST checks of its app --------------------------------------------


def test_every_coordinator_action_is_in_the_post_checks():
    coordinator_urls = {key for key, rule in merged("RULES").items() if rule == "coordinator"}
    get_only = set().union(*(getattr(module, "GET_ONLY", set()) for module in app_modules()))
    assert set(merged("POST_ACTIONS")) == coordinator_urls - get_only


def test_every_new_post_action_is_checked():
    posting = {"council:members", "consultations:new", "consultations:task",
               "knowledge:new", "knowledge:edit"}
    post_only = {key for key, rule in merged("RULES").items()
                 if key.startswith(("council:member_", "consultations:close", "knowledge:delete"))}
    assert set(merged("NEW_POSTS")) == posting | post_only


# --- CSRF -------------------------------------------------------------------------------------


def test_csrf_is_enforced(world, coordinator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)
    url = reverse("coordination:assign", kwargs={"slug": world.area.slug})
    data = {"employee": world.employee.pk, "role": "deputy", "starts_on": today(),
            "council_confirmed": "on"}
    before = snapshot()

    response = client.post(url, data)

    assert response.status_code == 403
    assert snapshot() == before
    # With the form's token the same request goes through.
    page = client.get(url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = client.post(url, {**data, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert world.area.assignments.filter(role="deputy", ends_on__isnull=True).exists()


# --- Content-Security-Policy and no inline scripts --------------------------------------------


def test_content_security_policy_has_a_nonce_and_no_unsafe_inline(world):
    response = world.clients["anonymous"].get(reverse("areas:directory"))
    header = response.headers.get("Content-Security-Policy")
    assert header, "no Content-Security-Policy header"
    assert "unsafe-inline" not in header
    assert "unsafe-eval" not in header
    script_src = csp_directives(response)["script-src"]
    nonces = [word for word in script_src if re.fullmatch(r"'nonce-[A-Za-z0-9+/=_-]{16,}'", word)]
    assert len(nonces) == 1, script_src
    nonce = nonces[0][len("'nonce-"):-1]
    scan = scan_html(response.content)
    assert scan.script_nonces and set(scan.script_nonces) == {nonce}
    assert csp_directives(response)["object-src"] == ["'none'"]
    assert csp_directives(response)["frame-ancestors"] == ["'none'"]

    again = world.clients["anonymous"].get(reverse("areas:directory"))
    assert csp_directives(again)["script-src"] != script_src, "the nonce must change per response"


@pytest.mark.parametrize("page", ["directory", "area", "login", "overview"])
def test_pages_have_no_inline_scripts(page, world):
    url, role = {
        "directory": (reverse("areas:directory"), "anonymous"),
        "area": (world.area.get_absolute_url(), "coordinator"),
        "login": (reverse("login"), "anonymous"),
        "overview": (reverse("coordination:overview"), "coordinator"),
    }[page]
    response = world.clients[role].get(url)
    assert response.status_code == 200
    scan = scan_html(response.content)
    assert scan.script_nonces, "the page loads no scripts at all"
    assert not scan.problems, scan.problems
