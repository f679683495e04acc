# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""HTML and script in every text field are shown as text on every page that shows them."""

import pytest
from django.urls import reverse

from lokalkontakt.consultations import services
from lokalkontakt.consultations.models import ConsultationAttachment
from tests.consultations.conftest import create, english_client, pdf, task_of, task_url
from tests.inquiries.test_privacy_and_escaping import PAYLOADS, assert_shown_escaped

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_are_shown_as_text(payload, setting):
    consultation = create(setting, title=f"Titel {payload}", description=f"Beskrivelse {payload}")
    task = task_of(consultation, setting.glud)
    services.task_respond(task=task, actor=setting.contact, response=f"Svar {payload}",
                          heard=f"Hørt {payload}", attachments=[pdf("plan.pdf")])
    ConsultationAttachment.objects.update(name=f"{payload}.pdf")
    setting.council_member.council_member.name = f"Navn {payload}"
    setting.council_member.council_member.save()
    services.task_respond(task=task, actor=setting.council_member, response=f"Rettet {payload}")
    requester = english_client(setting.requester)
    pk = {"pk": consultation.pk}

    pages = {
        "detail": requester.get(reverse("consultations:detail", kwargs=pk)),
        "print": requester.get(reverse("consultations:print", kwargs=pk)),
        "list": requester.get(reverse("consultations:list")),
        "task (contact)": english_client(setting.contact).get(task_url(task)),
        "task (council)": english_client(setting.council_member).get(task_url(task)),
        "my tasks": english_client(setting.contact).get(reverse("consultations:tasks")),
    }

    for name, response in pages.items():
        assert response.status_code == 200, name
        assert_shown_escaped(response.content.decode(), payload)
