# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The time overview's export kept in the cache (timesheets.exports.KeptFile): a change of what
the file shows (an entry registered, corrected or deleted, a contact renamed, a core area or a
local area renamed) is in the next download, cell for cell as an empty cache would build it; what
one viewer downloads is not given to another who may see less."""

import io

import openpyxl
import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from lokalkontakt.timesheets.models import TimeEntry
from lokalkontakt.timesheets.services import (
    time_entry_create,
    time_entry_delete,
    time_entry_update,
)
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.inquiries.conftest import english_client
from tests.timesheets.test_overview_kept import scheme  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def cells(client, **params) -> dict:
    """{sheet: its rows' values} of the downloaded file."""
    response = client.get(reverse("time:export"), params)
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book}


def built_afresh(client, **params) -> dict:
    for cache in caches.all():
        cache.clear()
    return cells(client, **params)


def contact(book: dict, name: str) -> tuple:
    return next(row for row in book["Contacts"] if row[0] == name)


def test_an_entry_registered_corrected_and_deleted_is_in_the_next_file(coordinator, scheme):  # noqa: F811
    client = english_client(coordinator)
    assert contact(cells(client), "Anna Andersen")[3] == 45

    entry = time_entry_create(actor=scheme["anna"].user, day=timezone.localdate(), minutes=60,
                              kind=TimeEntry.Kind.COUNCIL)
    book = cells(client)
    assert contact(book, "Anna Andersen")[3] == 105
    assert book == built_afresh(client)

    time_entry_update(entry=entry, actor=scheme["anna"].user, day=entry.day, minutes=120,
                      kind=entry.kind)
    book = cells(client)
    assert contact(book, "Anna Andersen")[3] == 165
    assert ("Fritid og Fællesskab", 1, 165) in book["Core areas"]
    assert book == built_afresh(client)

    time_entry_delete(entry=entry, actor=scheme["anna"].user)
    book = cells(client)
    assert contact(book, "Anna Andersen")[3] == 45
    assert book == built_afresh(client)


def test_a_contact_a_core_area_and_a_local_area_renamed_are_in_the_next_file(
        coordinator, scheme):  # noqa: F811
    client = english_client(coordinator)
    area = LocalAreaFactory(name="Glud")
    AssignmentFactory(area=area, employee=scheme["bo"])
    time_entry_create(actor=scheme["bo"].user, day=timezone.localdate(), minutes=20, area=area,
                      kind=TimeEntry.Kind.COUNCIL)
    assert ("Glud", 20) in cells(client)["Local areas"]

    scheme["anna"].name = "Anna Andersen Bech"
    scheme["anna"].save()
    book = cells(client)
    assert contact(book, "Anna Andersen Bech")[3] == 45
    assert book == built_afresh(client)

    scheme["second"].name = "Læring og Trivsel"
    scheme["second"].save()
    book = cells(client)
    assert contact(book, "Bo Berg")[1] == "Læring og Trivsel"
    assert ("Læring og Trivsel", 1, 50) in book["Core areas"]
    assert book == built_afresh(client)

    area.name = "Glud Strand"
    area.save()
    book = cells(client)
    assert ("Glud Strand", 20) in book["Local areas"]
    assert book == built_afresh(client)


def test_a_leader_gets_only_their_core_area_after_the_coordinator(coordinator, scheme):  # noqa: F811
    everything = cells(english_client(coordinator))
    leader = english_client(scheme["leader"].user)

    theirs = cells(leader)

    assert [row[0] for row in everything["Contacts"][1:]] == ["Anna Andersen", "Bo Berg"]
    assert [row[0] for row in theirs["Contacts"][1:]] == ["Anna Andersen"]
    scheme["second"].leaders.add(scheme["leader"])  # now they lead both (a through table)
    assert [row[0] for row in cells(leader)["Contacts"][1:]] == ["Anna Andersen", "Bo Berg"]


def test_the_language_and_the_core_area_chosen_are_kept_apart(coordinator, scheme):  # noqa: F811
    english = cells(english_client(coordinator))
    chosen = cells(english_client(coordinator), core_area=scheme["second"].pk)
    danish_client = Client(HTTP_ACCEPT_LANGUAGE="da")
    danish_client.force_login(coordinator)
    danish = cells(danish_client)

    assert list(english) == ["Contacts", "Local areas", "Core areas"]
    assert list(danish) == ["Lokalkontakter", "Lokalområder", "Kerneområder"]
    assert [row[0] for row in chosen["Contacts"][1:]] == ["Bo Berg"]
