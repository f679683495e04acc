# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Journalisation (issue 19) in Chromium: the coordinator finds Journalisering in the menu,
downloads the oldest waiting case's package and records it as journalised with its case number;
a second attempt is refused with the reason; a period's ZIP is made by the worker and then
downloaded, with and without JavaScript. The page is axe clean."""

import io
import zipfile

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import log_in, t
from tests.browser.test_accessibility import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def with_cases(hedensted):
    """Hedensted with the demo's inquiries and consultations."""
    from lokalkontakt.consultations.demo import load_demo_consultations
    from lokalkontakt.inquiries.demo import load_demo_inquiries

    assert load_demo_inquiries() > 30 and load_demo_consultations() >= 2
    return hedensted


def test_the_coordinator_downloads_a_package_and_records_the_case_as_journalised(
        new_page, with_cases):
    from lokalkontakt.journal.models import Journalisation
    from lokalkontakt.journal.selectors import pending_cases

    oldest = pending_cases(limit=1)[0]
    page = new_page(javascript=False)
    log_in(page, "koordinator")
    page.get_by_text(t("Coordination"), exact=True).click()
    page.get_by_role("link", name=t("Journalisation"), exact=True).click()
    expect(page.get_by_role("heading", level=1, name=t("Journalisation"))).to_be_visible()

    with page.expect_download() as download:
        page.get_by_role("link", name=t("Download %(reference)s (ZIP)") % {
            "reference": oldest.reference}).click()
    with zipfile.ZipFile(io.BytesIO(open(download.value.path(), "rb").read())) as archive:
        assert f"{oldest.reference}/sag.pdf" in archive.namelist()

    label = t("Case number for %(reference)s") % {"reference": oldest.reference}
    page.get_by_label(label, exact=True).fill("27.00.00-A00-1-26")
    row = page.get_by_role("row").filter(has=page.get_by_label(label, exact=True))
    row.get_by_role("button", name=t("Record as journalised")).click()
    expect(page.get_by_role("status")).to_contain_text("27.00.00-A00-1-26")
    expect(page.get_by_label(label, exact=True)).to_have_count(0)
    record = Journalisation.objects.get()
    assert (record.kind, record.object_id, record.journalised_by.username) == (
        oldest.kind, oldest.pk, "koordinator")

    # The record page of the same case refuses a second case number and says why.
    page.goto(f"/journalisering/{'henvendelse' if oldest.kind == 'inquiry' else 'hoering'}/"
              f"{oldest.pk}/journaliser/")
    page.get_by_label(t("Case number"), exact=True).fill("27.00.00-A00-2-26")
    page.get_by_role("button", name=t("Record as journalised")).click()
    expect(page.get_by_text("27.00.00-A00-1-26").first).to_be_visible()
    assert Journalisation.objects.get().case_number == "27.00.00-A00-1-26"


@pytest.mark.parametrize("path", ["/journalisering/", "/journalisering/kle/"])
def test_the_journalisation_pages_are_accessible(new_page, with_cases, path):
    page = new_page()
    log_in(page, "koordinator")
    page.goto(path)
    page.wait_for_load_state("networkidle")

    assert_accessible(page)


@pytest.mark.parametrize("javascript", [False, True], ids=["without-js", "with-htmx"])
def test_a_periods_zip_is_made_by_the_worker_and_then_downloaded(
        new_page, with_cases, javascript, settings, tmp_path):
    """One month's cases: asked for, queued while the worker is stopped, made when it runs;
    without JavaScript "Refresh" shows it, with htmx the list updates itself."""
    from django.core.management import call_command

    from lokalkontakt.core.exports.models import PreparedExport
    from lokalkontakt.journal.selectors import case_rows

    settings.MEDIA_ROOT = tmp_path
    first = list(case_rows()[:1])[0][2]
    page = new_page(javascript=javascript)
    log_in(page, "koordinator")
    page.goto(f"/journalisering/?since={first.isoformat()}&until={first.isoformat()}")
    page.get_by_role("button", name=t("Download every waiting case in the period (ZIP)")).click()
    expect(page.get_by_role("status")).to_contain_text(t(
        "The ZIP is being prepared in the background. It is listed under “Prepared downloads” "
        "when it is ready."))
    expect(page.get_by_text(t("Queued"), exact=True)).to_be_visible()

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    if not javascript:
        page.get_by_role("link", name=t("Refresh")).click()
    name = t("Download %(name)s") % {"name": PreparedExport.objects.get().file_name}
    link = page.get_by_role("link", name=name, exact=True)
    expect(link).to_be_visible(timeout=10_000)
    with page.expect_download() as download:
        link.click()
    with zipfile.ZipFile(io.BytesIO(open(download.value.path(), "rb").read())) as archive:
        assert any(name.endswith("/metadata.json") for name in archive.namelist())
