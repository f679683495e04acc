# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Details of the pages a person notices: which fields say "(optional)", tables that scroll on a
phone, the responder's name before a comma, singular and filter labels, and how far the
consultation is on the task page."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.translation import trans_real

from lokalkontakt.consultations import services
from lokalkontakt.consultations.models import Consultation
from tests.consultations.conftest import detail_url, english_client, task_of, task_url

pytestmark = pytest.mark.django_db

OPTIONAL = '<span class="weight-normal">(optional)</span>'


def label(html: str, field: str) -> str:
    return re.search(rf'<label class="form-label" for="id_{field}">(.*?)</label>', html,
                     re.DOTALL).group(1)


def danish_client(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="da")
    client.force_login(user)
    return client


def test_the_response_field_is_not_marked_optional(setting, consultation):
    html = english_client(setting.contact).get(
        task_url(task_of(consultation, setting.glud))).content.decode()

    assert label(html, "response") == "Response"
    assert "Required unless you choose “No comments”." in html
    assert label(html, "heard") == f"Who was heard {OPTIONAL}"  # truly optional


@pytest.mark.parametrize(("url", "fields"), [
    ("consultations:list", ["scope", "status"]), ("consultations:tasks", ["status"])])
def test_filter_fields_are_not_marked_optional(setting, url, fields):
    html = english_client(setting.coordinator).get(reverse(url)).content.decode()

    for field in fields:
        assert OPTIONAL not in label(html, field)
    assert OPTIONAL not in html


@pytest.mark.parametrize(("url", "labelled_by", "heading"), [
    ("consultations:list", "consultations-heading", "<h1 id=\"consultations-heading\">"),
    ("consultations:tasks", "tasks-heading", "<h1 id=\"tasks-heading\">")])
def test_the_lists_scroll_inside_their_box(setting, consultation, url, labelled_by, heading):
    html = english_client(setting.coordinator).get(reverse(url),
                                                   {"scope": "all"}).content.decode()

    assert (f'<div class="table-scroll" tabindex="0" role="region" '
            f'aria-labelledby="{labelled_by}">\n<table') in html
    assert heading in html


def test_the_status_table_scrolls_inside_its_box(setting, consultation):
    html = english_client(setting.requester).get(detail_url(consultation)).content.decode()

    assert ('<div class="table-scroll" tabindex="0" role="region" '
            'aria-labelledby="status-table-caption">') in html
    assert '<caption class="sr-only" id="status-table-caption">' in html


def test_no_space_before_the_comma_after_the_responder(setting, consultation):
    task = task_of(consultation, setting.glud)
    services.task_respond(task=task, actor=setting.contact, response="Svar")

    html = english_client(setting.contact).get(task_url(task)).content.decode()

    assert "Lise Lokal, <time" in html


def test_the_consultation_status_is_singular_in_danish(setting, consultation):
    html = danish_client(setting.requester).get(detail_url(consultation)).content.decode()

    assert "<dd>Åben</dd>" in html


def test_the_open_filter_has_its_own_translation(setting, monkeypatch):
    """The filter's "Open" (many consultations) is translated apart from the status "Open"."""
    danish = trans_real.translation("da")
    gettext = danish.gettext
    monkeypatch.setattr(danish, "gettext", lambda message: "Åbne" if message == (
        "consultations filter\x04Open") else gettext(message))

    html = danish_client(setting.requester).get(reverse("consultations:list")).content.decode()

    assert re.search(r'<option value="open"( selected)?>Åbne</option>', html)
    assert ">Åben<" not in html.split('id="id_status"')[1].split("</select>")[0]


def test_the_task_page_counts_the_areas_that_have_responded(setting, consultation):
    glud = task_of(consultation, setting.glud)
    services.task_respond(task=glud, actor=setting.contact, response="Vores eget svar")
    services.task_respond(task=task_of(consultation, setting.juelsminde),
                          actor=setting.other_contact, response="Juelsmindes hemmelige svar")

    html = english_client(setting.contact).get(task_url(glud)).content.decode()

    assert "2 of 3 areas have responded" in html
    assert "Juelsmindes hemmelige svar" not in html


def test_the_count_starts_at_nought(setting, consultation):
    html = english_client(setting.council_member).get(
        task_url(task_of(consultation, setting.glud))).content.decode()

    assert "0 of 3 areas have responded" in html


def test_the_count_is_of_this_consultation_only(setting, consultation):
    other = Consultation.objects.create(title="Anden", description="D", deadline=consultation.deadline,
                                        requested_by=consultation.requested_by)
    other.tasks.create(area=setting.glud, status="responded", response="x")

    html = english_client(setting.contact).get(
        task_url(task_of(consultation, setting.glud))).content.decode()

    assert "0 of 3 areas have responded" in html
