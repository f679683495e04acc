# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The admin shows consultations with their tasks, history and files by name, never a file link."""

import pytest
from django.urls import reverse

from lokalkontakt.consultations import services
from tests.consultations.conftest import create, pdf, task_of
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_admin_lists_files_by_name_only(setting, client):
    consultation = create(setting, attachments=[pdf("plan.pdf")])
    services.task_respond(task=task_of(consultation, setting.glud), actor=setting.contact,
                          response="Svar", attachments=[pdf("svar.pdf")])
    client.force_login(UserFactory(username="admin", is_staff=True, is_superuser=True))

    for url in [reverse("admin:consultations_consultation_change", args=[consultation.pk]),
                reverse("admin:consultations_consultation_changelist"),
                reverse("admin:consultations_consultationtask_changelist"),
                reverse("admin:consultations_consultationtask_change",
                        args=[task_of(consultation, setting.glud).pk])]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "/media/" not in response.content.decode()
    html = client.get(reverse("admin:consultations_consultation_change",
                              args=[consultation.pk])).content.decode()
    assert "plan.pdf" in html and "svar.pdf" in html


def test_status_and_response_cannot_be_changed_in_the_admin(setting, client):
    consultation = create(setting)
    task = task_of(consultation, setting.glud)
    services.task_respond(task=task, actor=setting.contact, response="Svar")
    client.force_login(UserFactory(username="admin", is_staff=True, is_superuser=True))

    consultation_form = client.get(reverse("admin:consultations_consultation_change",
                                           args=[consultation.pk])).content.decode()
    task_form = client.get(reverse("admin:consultations_consultationtask_change",
                                   args=[task.pk])).content.decode()

    assert 'name="status"' not in consultation_form and 'name="closed_at' not in consultation_form
    for field in ["status", "response", "heard", "responded_by", "responded_at"]:
        assert f'name="{field}' not in task_form
    assert "Svar" in task_form
