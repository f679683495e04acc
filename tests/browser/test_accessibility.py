# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""axe-core finds no serious or critical accessibility problems; the CSP blocks nothing we ship."""

import json

import pytest
from django.urls import reverse

from lokalkontakt.areas.models import LocalArea
from tests.browser.helpers import Axe, PlaywrightError, expect, log_in, screenshot, unavailable

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

BLOCKING = {"serious", "critical"}


def axe_violations(page) -> list[dict]:
    if Axe is None:
        unavailable("the Python package axe-playwright-python is not installed")
    page.wait_for_load_state("load")
    try:
        results = Axe().run(page)
    except PlaywrightError as error:
        # A click's navigation may commit while axe runs (the old document is gone):
        # wait for the new page to load and check that one.
        if "documentElement" not in str(error) and "navigat" not in str(error):
            raise
        page.wait_for_load_state("load")
        results = Axe().run(page)
    return [v for v in results.response["violations"] if v.get("impact") in BLOCKING]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']} "
                     f"({violation['helpUrl']})")
        for node in violation["nodes"][:5]:
            lines.append(f"    {json.dumps(node['target'])}: {node.get('failureSummary', '')}")
    return "\n".join(lines)


def csp_problems(page) -> list[str]:
    messages = [m.text for m in page.console_messages if m.type in {"error", "warning"}]
    problems = [text for text in messages if "Content Security Policy" in text
                or "Content-Security-Policy" in text]
    return problems + [str(error) for error in page.page_errors]


def assert_accessible(page):
    """No axe violations of any impact and no CSP problems on the page as it is now."""
    violations = axe_violations(page)
    assert not violations, f"axe on {page.url}:\n{describe(violations)}"
    assert not csp_problems(page), csp_problems(page)


def hedensted_url() -> str:
    area = LocalArea.objects.get(name="Hedensted")
    assert area.latitude is not None, "Hedensted should have coordinates (a map)"
    return area.get_absolute_url()


def open_page(page, url: str):
    page.goto(url)
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("which", ["directory", "area", "login"])
def test_public_pages_have_no_serious_axe_violations(page, hedensted, which):
    url = {"directory": "/omraader/", "area": hedensted_url(), "login": reverse("login")}[which]
    open_page(page, url)
    if which == "area":
        # The map has been drawn by Leaflet under the CSP: the point's label is in the page.
        expect(page.get_by_role("tooltip", name="Hedensted")).to_be_visible()
    if which in {"directory", "area"}:
        screenshot(page, which)
        assert not csp_problems(page), csp_problems(page)

    violations = axe_violations(page)

    assert not violations, f"axe on {url}:\n{describe(violations)}"


@pytest.mark.parametrize("which", ["overview", "import"])
def test_coordinator_pages_have_no_serious_axe_violations(page, hedensted, which):
    log_in(page, "koordinator", "demo")
    url = reverse({"overview": "coordination:overview", "import": "coordination:import"}[which])
    open_page(page, url)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    screenshot(page, which)
    assert not csp_problems(page), csp_problems(page)

    violations = axe_violations(page)

    assert not violations, f"axe on {url}:\n{describe(violations)}"
