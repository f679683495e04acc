# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The staff list as a spreadsheet: the list's filters apply, the channel and the date received
are in it, the submitter's name and address are not (English UI)."""

import datetime
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lokalkontakt.core.models import AccessLogEntry
from tests.inquiries.conftest import english_client
from tests.inquiries.factories import InquiryFactory

pytestmark = pytest.mark.django_db

EXPORT_URL = reverse("inquiries:export")


def rows(response) -> list[tuple]:
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    return [tuple(cell.value for cell in row) for row in sheet.iter_rows()]


def test_the_export_has_the_channel_and_the_date_received_and_no_personal_data(setting):
    letter = InquiryFactory(area=setting.area, assignee=setting.contact.employee, channel="letter",
                            subject="=Juletræ", received_on=datetime.date(2026, 12, 3),
                            submitter_name="Bodil Borgersen")

    response = english_client(setting.contact).get(EXPORT_URL)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="henvendelser-')
    header, row = rows(response)
    assert header == ("Reference", "Subject", "Local area", "Channel", "Date received", "Status",
                      "Handled by", "Acknowledge by", "Answer by")
    assert row[:4] == (letter.reference, "'=Juletræ", "Glud", "Letter")
    assert row[4] == datetime.datetime(2026, 12, 3)
    assert row[5:7] == ("Received", "Lise Lokal")
    assert "Bodil Borgersen" not in str(rows(response))


def test_the_export_follows_the_lists_filters(setting):
    InquiryFactory(area=setting.area, assignee=setting.contact.employee, subject="Fra nettet")
    InquiryFactory(area=setting.area, assignee=setting.contact.employee, subject="Fra telefonen",
                   channel="phone")

    response = english_client(setting.contact).get(EXPORT_URL, {"channel": "phone"})

    assert [row[1] for row in rows(response)[1:]] == ["Fra telefonen"]


def test_the_list_links_to_the_export_with_its_filters(setting):
    html = english_client(setting.contact).get(reverse("inquiries:list"), {"channel": "phone"}
                                               ).content.decode()
    assert f'href="{EXPORT_URL}?channel=phone"' in html


def test_the_export_takes_as_many_queries_for_many_rows_as_for_few(setting):
    client = english_client(setting.contact)
    counts = []
    for count in [2, 40]:
        InquiryFactory.create_batch(count, area=setting.area, assignee=setting.contact.employee)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(EXPORT_URL).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_export_holds_none_of_the_submitters_details_so_nothing_is_logged(setting):
    """The access log records reads of a submitter's details (core.accesslog); the spreadsheet
    holds none of them (name, e-mail, phone, files), only the case's subject, status and the
    staff handling it, as the staff list shows them without logging."""
    InquiryFactory(area=setting.area, assignee=setting.contact.employee,
                   submitter_name="Bodil Borgersen", submitter_email="bodil@example.dk",
                   submitter_phone="+45 11 22 33 44")

    response = english_client(setting.contact).get(EXPORT_URL)

    cells = str(rows(response))
    assert "Bodil Borgersen" not in cells and "bodil@example.dk" not in cells
    assert "11 22 33 44" not in cells
    assert not AccessLogEntry.objects.exists()
