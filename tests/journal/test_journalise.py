# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""'Journaliseret som <sagsnummer>' is recorded once, by a user or an integration."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from lokalkontakt.journal.models import Journalisation
from lokalkontakt.journal.selectors import case_for, pending_cases
from lokalkontakt.journal.services import journalise


def test_a_case_is_journalised_with_who_and_when(inquiry, contact_user, kle_list):
    record = journalise(case=case_for("inquiry", inquiry.pk), case_number=" 27.00.00-A00-1-26 ",
                        kle="05.04.08", actor=contact_user)
    record.refresh_from_db()
    assert (record.kind, record.object_id, record.case_number, record.kle.number) == (
        "inquiry", inquiry.pk, "27.00.00-A00-1-26", "05.04.08")
    assert record.journalised_by == contact_user and record.journalised_at
    assert pending_cases() == []


def test_a_second_attempt_is_refused_and_changes_nothing(inquiry, contact_user, coordinator):
    journalise(case=case_for("inquiry", inquiry.pk), case_number="SAG-1", actor=contact_user)
    with pytest.raises(ValidationError) as refused:
        journalise(case=case_for("inquiry", inquiry.pk), case_number="SAG-2", actor=coordinator)
    assert f"{inquiry.reference} er allerede journaliseret som SAG-1" in " ".join(
        refused.value.messages)
    assert list(Journalisation.objects.values_list("case_number", "journalised_by")) == [
        ("SAG-1", contact_user.pk)]


def test_the_database_refuses_a_second_record_even_past_the_check(inquiry, contact_user):
    from django.db import IntegrityError, transaction

    Journalisation.objects.create(kind="inquiry", object_id=inquiry.pk, case_number="SAG-1",
                                  journalised_by=contact_user)
    with pytest.raises(IntegrityError), transaction.atomic():
        Journalisation.objects.create(kind="inquiry", object_id=inquiry.pk, case_number="SAG-2")


def test_an_integration_records_with_its_label(consultation):
    record = journalise(case=case_for("consultation", consultation.pk), case_number="2026-004711",
                        actor=None, actor_label="API: ESDH-integration")
    assert (record.journalised_by, record.recorded_by) == (None, "API: ESDH-integration")


def test_nobody_at_all_is_refused(consultation):
    with pytest.raises(ValueError):
        journalise(case=case_for("consultation", consultation.pk), case_number="X-1")


@pytest.mark.parametrize("case_number", ["", "   ", "x" * 51, "27.00.00 <script>", "-A00"])
def test_a_bad_case_number_is_refused(inquiry, contact_user, case_number):
    with pytest.raises(ValidationError) as refused:
        journalise(case=case_for("inquiry", inquiry.pk), case_number=case_number,
                   actor=contact_user)
    assert "case_number" in refused.value.message_dict
    assert not Journalisation.objects.exists()


def test_an_unknown_kle_number_is_refused(inquiry, contact_user, kle_list):
    with pytest.raises(ValidationError) as refused:
        journalise(case=case_for("inquiry", inquiry.pk), case_number="SAG-1", kle="99.99.99",
                   actor=contact_user)
    assert "kle" in refused.value.message_dict
    assert not Journalisation.objects.exists()


def test_the_form_records_it_and_the_second_time_shows_why_not(client, inquiry, contact_user):
    client.force_login(contact_user)
    url = reverse("journal:inquiry_journalise", kwargs={"pk": inquiry.pk})
    prefix = f"inquiry-{inquiry.pk}"
    response = client.post(url, {f"{prefix}-case_number": "27.00.00-A00-1-26"}, follow=True)
    assert response.status_code == 200
    assert Journalisation.objects.get().case_number == "27.00.00-A00-1-26"
    assert "27.00.00-A00-1-26" in response.content.decode()
    response = client.post(url, {f"{prefix}-case_number": "27.00.00-A00-2-26"})
    assert response.status_code == 400
    assert "27.00.00-A00-1-26" in response.content.decode()  # the refusal names the first
    assert Journalisation.objects.get().case_number == "27.00.00-A00-1-26"
