# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""All responses as XLSX (opened again with openpyxl) and as a printable page; the XLSX helper
neutralises every text that a spreadsheet would run as a formula."""

import datetime
import io

import openpyxl
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from lokalkontakt.consultations import services
from lokalkontakt.consultations.models import Consultation, ConsultationTask
from lokalkontakt.core.models import FocusArea
from lokalkontakt.core.xlsx import cell_value, neutralise
from tests.consultations.conftest import create, english_client, pdf, task_of

FORMULAS = [
    "=1+1",
    "=HYPERLINK(\"https://example.com\",\"Klik\")",
    "+45 20 30 40 50",
    "-2+3",
    "@SUM(A1:A2)",
    "=cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]
HARMLESS = ["Vi støtter forslaget", "", "1+1=2", "e-mail: a@b.dk", " =1 (space first)", "'=quoted"]


@pytest.mark.parametrize("payload", FORMULAS)
def test_formula_like_texts_are_prefixed(payload):
    assert neutralise(payload) == "'" + payload


@pytest.mark.parametrize("payload", HARMLESS)
def test_other_texts_are_kept(payload):
    assert neutralise(payload) == payload


def test_cell_values():
    aware = datetime.datetime(2026, 3, 3, 18, 30, tzinfo=datetime.UTC)
    local = cell_value(aware)
    assert local.tzinfo is None
    assert local == timezone.localtime(aware).replace(tzinfo=None)
    assert cell_value(datetime.date(2026, 3, 3)) == datetime.date(2026, 3, 3)
    assert cell_value(None) is None
    assert cell_value(7) == 7
    assert cell_value("kontrol\x00tegn\x1b") == "kontroltegn"


@pytest.mark.parametrize("payload", FORMULAS)
def test_the_helper_makes_cells_that_openpyxl_stores_as_text(payload):
    workbook = openpyxl.Workbook()
    workbook.active.append([cell_value(payload)])
    buffer = io.BytesIO()
    workbook.save(buffer)

    cell = openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active["A1"]

    assert cell.data_type == "s"
    assert cell.value.startswith("'")


def _workbook(response):
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    assert response["Content-Disposition"].startswith("attachment; filename=\"hoering-")
    return openpyxl.load_workbook(io.BytesIO(response.content)).active


@pytest.mark.django_db
def test_the_xlsx_has_every_area_and_response(setting):
    consultation = create(setting, title="Ny trafikplan")
    glud = task_of(consultation, setting.glud)
    services.task_respond(task=glud, actor=setting.contact, response="Vi ønsker en cykelsti.",
                          heard="Lokalrådets bestyrelse, borgermøde 3. marts",
                          attachments=[pdf("referat.pdf")])
    services.task_respond(task=task_of(consultation, setting.juelsminde),
                          actor=setting.other_council_member, no_comments=True)
    glud.refresh_from_db()

    sheet = _workbook(english_client(setting.requester).get(
        reverse("consultations:export", kwargs={"pk": consultation.pk})))

    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0][:2] == [consultation.reference, "Ny trafikplan"]
    assert rows[1][:2] == ["Requested by", setting.requester.employee.name]
    assert rows[2][1] == datetime.datetime.combine(consultation.deadline, datetime.time())
    header = rows.index(["Local area", "Status", "Overdue", "Contact", "Response",
                         "Who was heard", "Responded by", "Responded", "Attachments"])
    body = {row[0]: row for row in rows[header + 1:]}
    assert list(body) == ["Glud", "Juelsminde", "Rårup"]
    assert body["Glud"][1:7] == ["Responded", None, "Lise Lokal", "Vi ønsker en cykelsti.",
                                 "Lokalrådets bestyrelse, borgermøde 3. marts", "Lise Lokal"]
    assert body["Glud"][7] == timezone.localtime(glud.responded_at).replace(
        tzinfo=None, microsecond=body["Glud"][7].microsecond)
    assert body["Glud"][8] == "referat.pdf"
    assert body["Juelsminde"][1] == "No comments"
    assert body["Juelsminde"][6] == "Jens Juel (local council)"
    assert body["Rårup"][1:4] == ["Waiting", None, "No contact – with the coordinator"]


@pytest.mark.django_db
def test_the_xlsx_is_laid_out_for_reading(setting):
    focus = list(FocusArea.objects.order_by("number")[:2])
    consultation = create(setting, description="Første linje\nAnden linje", focus_areas=focus,
                          attachments=[pdf("plan.pdf")])
    glud = task_of(consultation, setting.glud)
    services.task_respond(task=glud, actor=setting.contact, response="Et langt svar " * 20,
                          heard="Bestyrelsen", attachments=[pdf("referat.pdf")])

    sheet = _workbook(english_client(setting.requester).get(
        reverse("consultations:export", kwargs={"pk": consultation.pk})))

    facts = {row[0].value: row[1] for row in sheet.iter_rows(max_row=9) if row[0].value}
    assert sheet["A1"].font.bold and sheet["B1"].font.bold
    assert facts["Requested by"].value == setting.requester.employee.name
    assert facts["Deadline"].number_format == "DD-MM-YYYY"
    assert facts["Deadline"].value.date() == consultation.deadline
    assert facts["Exported"].number_format == "DD-MM-YYYY HH:MM"
    assert facts["Focus areas"].value == "; ".join(f.name for f in focus)
    assert facts["Status"].value == "Open"
    description = facts["Description"]
    assert description.value == "Første linje\nAnden linje"
    assert description.alignment.wrap_text and description.alignment.vertical == "top"
    header = next(row[0].row for row in sheet.iter_rows() if row[0].value == "Local area")
    assert [cell.font.bold for cell in sheet[header]] == [True] * 9
    assert sheet.auto_filter.ref == f"A{header}:I{header + 3}"
    assert sheet.freeze_panes == f"A{header + 1}"
    row = next(row for row in sheet.iter_rows(min_row=header + 1) if row[0].value == "Glud")
    assert row[1].value == "Responded"
    for wrapped in [row[4], row[5], row[8]]:  # response, who was heard, attachments
        assert wrapped.alignment.wrap_text and wrapped.alignment.vertical == "top"
    assert row[8].value == "referat.pdf"
    assert row[7].number_format == "DD-MM-YYYY HH:MM"
    assert row[7].value.tzinfo is None
    assert sheet.column_dimensions["E"].width == 60
    assert not row[0].alignment.wrap_text


@pytest.mark.django_db
def test_the_xlsx_status_is_in_the_language_of_the_page(setting):
    consultation = create(setting)
    client = english_client(setting.requester)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "da"

    sheet = _workbook(client.get(reverse("consultations:export", kwargs={"pk": consultation.pk}),
                                 HTTP_ACCEPT_LANGUAGE="da"))

    with translation.override("da"):
        waiting, open_ = str(ConsultationTask.Status.WAITING.label), str(Consultation.Status.OPEN.label)
    statuses = {row[0]: row[1] for row in sheet.iter_rows(values_only=True)}
    assert statuses["Glud"] == waiting == "Afventer"
    assert open_ == "Åben" and open_ in statuses.values()


@pytest.mark.django_db
def test_the_xlsx_neutralises_formulas_in_every_text(setting):
    payload = "=HYPERLINK(\"https://evil.example\",\"Klik\")"
    consultation = create(setting, title=payload)
    services.task_respond(task=task_of(consultation, setting.glud), actor=setting.contact,
                          response=payload, heard="+45 20 30 40 50")
    setting.raarup.name = "@Rårup"
    setting.raarup.save()

    sheet = _workbook(english_client(setting.coordinator).get(
        reverse("consultations:export", kwargs={"pk": consultation.pk})))

    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert all(cell.data_type != "f" for cell in cells)
    texts = {cell.value for cell in cells if isinstance(cell.value, str)}
    assert "'" + payload in texts and payload not in texts
    assert "'+45 20 30 40 50" in texts and "'@Rårup" in texts
    assert not any(text.startswith(("=", "+", "-", "@")) for text in texts)


@pytest.mark.django_db
def test_the_printable_page(setting):
    consultation = create(setting)
    services.task_respond(task=task_of(consultation, setting.glud), actor=setting.contact,
                          response="Vi ønsker en cykelsti.", heard="Borgermøde")

    response = english_client(setting.requester).get(
        reverse("consultations:print", kwargs={"pk": consultation.pk}))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="printable"' in html
    assert "Vi ønsker en cykelsti." in html and "Borgermøde" in html
    assert html.count('class="print-response"') == 3
    assert "No contact – with the coordinator" in html
    assert "style=" not in html and "<style" not in html


@pytest.mark.django_db
def test_the_printable_page_labels_each_response_before_its_files(setting, settings):
    focus = list(FocusArea.objects.order_by("number")[:2])
    consultation = create(setting, focus_areas=focus, attachments=[pdf("plan.pdf")])
    services.task_respond(task=task_of(consultation, setting.glud), actor=setting.contact,
                          response="Vi ønsker en cykelsti.", attachments=[pdf("referat.pdf")])

    html = english_client(setting.requester).get(
        reverse("consultations:print", kwargs={"pk": consultation.pk})).content.decode()

    today = timezone.localdate().strftime("%d.%m.%Y")
    assert f'<p class="print-header">{settings.MUNICIPALITY_NAME} – Printed {today}</p>' in html
    assert "; ".join(f.name for f in focus) in html
    assert "<dd>plan.pdf</dd>" in html
    glud = html[html.index("<h3>Glud</h3>"):html.index("<h3>Juelsminde</h3>")]
    label = glud.index('<h4 class="print-label">Response</h4>')
    assert label < glud.index("Vi ønsker en cykelsti.") < glud.index(
        '<h4 class="print-label">Attachments</h4>') < glud.index("referat.pdf")
    assert f"Lise Lokal, {timezone.localtime().strftime('%d/%m/%Y')}" in glud


def test_the_print_rules_use_the_screen_font():
    css = (settings.BASE_DIR / "static" / "css" / "app.css").read_text()
    print_rules = css[css.index("@media print"):]
    assert css.count("@media print") == 1
    assert 'html { font-family: "IBM Plex Sans", "system-ui", system, sans-serif; }' in print_rules


def test_the_print_rules_hide_the_page_chrome():
    css = (settings.BASE_DIR / "static" / "css" / "app.css").read_text()
    print_rules = css[css.index("@media print"):]
    for selector in [".header", ".footer", ".no-print"]:
        assert selector in print_rules
