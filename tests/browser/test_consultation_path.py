# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A colleague consults two local areas, the contact of one records the local response, the
colleague follows the status and downloads all responses as XLSX. axe on the form, the status page
and the respond page."""

import datetime

import openpyxl
import pytest

from lokalkontakt.consultations.models import Consultation
from tests.browser.helpers import expect, log_in, t
from tests.browser.test_accessibility import (
    assert_accessible,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
# Korning's primary contact (Lene Thorgaard, Bilag 1) has no login; the demo "lokalkontakt" is its
# deputy. Stouby has no contact: its task goes to the coordinator.
AREAS = ["Korning", "Stouby"]


def test_colleague_consults_two_areas_and_downloads_the_responses(page, hedensted, new_page):
    log_in(page, "kollega")
    page.get_by_role("link", name=t("Consultations"), exact=True).click()
    page.get_by_role("link", name=t("New consultation")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("New consultation"))
    assert_accessible(page)
    page.get_by_label(t("Title"), exact=True).fill("Ny plan for stier og cykelruter")
    page.get_by_label(t("Description")).fill("Hvilke stier bruger I, og hvor mangler der en?")
    deadline = datetime.date.today() + datetime.timedelta(days=21)
    page.get_by_label(t("Deadline for responses")).fill(deadline.isoformat())
    for area in AREAS:
        page.get_by_label(area, exact=True).check()
    page.get_by_label(t("Attachments")).set_input_files(
        files=[{"name": "stiplan.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    page.get_by_role("button", name=t("Send the consultation")).click()

    expect(page.get_by_text(t("The consultation is sent to the local areas."))).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ny plan for stier og cykelruter")
    stouby = page.get_by_role("row").filter(has_text="Stouby")
    expect(stouby).to_contain_text(t("No contact – with the coordinator"))
    expect(page.get_by_role("row").filter(has_text="Korning")).to_contain_text("Lene Thorgaard")
    expect(page.get_by_role("link", name="stiplan.pdf")).to_be_visible()
    assert_accessible(page)
    status_url = page.url

    contact = new_page()
    log_in(contact, "lokalkontakt")
    contact.goto("/hoeringer/opgaver/")
    contact.get_by_role("link", name="Ny plan for stier og cykelruter").click()
    expect(contact.get_by_role("heading", level=1)).to_have_text("Ny plan for stier og cykelruter")
    expect(contact.get_by_text("Hvilke stier bruger I, og hvor mangler der en?")).to_be_visible()
    assert_accessible(contact)
    contact.get_by_role("textbox", name=t("Response")).fill(
        "Vi ønsker en sti langs åen til skolen.")
    contact.get_by_label(t("Who was heard")).fill("Lokalrådets bestyrelse, borgermøde 3. marts")
    contact.get_by_role("button", name=t("Save the response")).click()
    expect(contact.get_by_text(t("The response is saved."))).to_be_visible()
    expect(contact.get_by_role("heading", name=t("Change the response"))).to_be_visible()
    assert_accessible(contact)

    page.goto(status_url)
    korning = page.get_by_role("row").filter(has_text="Korning")
    expect(korning).to_contain_text(t("Responded"))
    expect(korning).to_contain_text("Demo Lokalkontakt")
    expect(page.get_by_text("Vi ønsker en sti langs åen til skolen.")).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name=t("Download all responses (XLSX)")).click()
    download = download_info.value
    consultation = Consultation.objects.get(title="Ny plan for stier og cykelruter")
    assert download.suggested_filename == f"hoering-{consultation.pk}.xlsx"

    with open(download.path(), "rb") as stream:  # Playwright stores it without an extension
        sheet = openpyxl.load_workbook(stream).active
    rows = {row[0]: row for row in sheet.iter_rows(values_only=True) if row[0] in AREAS}
    assert rows["Korning"][4] == "Vi ønsker en sti langs åen til skolen."
    assert rows["Korning"][5] == "Lokalrådets bestyrelse, borgermøde 3. marts"
    assert rows["Korning"][6] == "Demo Lokalkontakt"
    assert rows["Stouby"][1] == t("Waiting")
