# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The demo's consultations: a closed one with answers, an open one with its deadline ahead."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from lokalkontakt.consultations.demo import load_demo_consultations
from lokalkontakt.consultations.models import Consultation, ConsultationEvent, ConsultationTask
from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.core.registry import demo_loaders


@pytest.fixture
def demo(db, settings):
    settings.DEMO_ENABLED = True
    call_command("load_demo", stdout=io.StringIO())


def test_the_demo_has_a_closed_consultation_answered_by_three_areas(demo):
    closed = Consultation.objects.filter(status=Consultation.Status.CLOSED)
    answered = [c.tasks.exclude(status=ConsultationTask.Status.WAITING).count() for c in closed]
    assert 3 in answered


def test_the_demo_has_an_open_consultation_with_its_deadline_ahead(demo):
    assert Consultation.objects.filter(status=Consultation.Status.OPEN,
                                       deadline__gt=timezone.localdate()).exists()


def test_every_demo_consultation_is_tagged_with_focus_areas(demo):
    assert not Consultation.objects.filter(focus_areas__isnull=True).exists()


def test_the_demo_responses_are_recorded_as_events_with_who_answered(demo):
    task = ConsultationTask.objects.filter(area__name="Korning",
                                           status=ConsultationTask.Status.RESPONDED).first()
    event = task.events.get(kind=ConsultationEvent.Kind.RESPONDED)
    assert event.actor.username == "lokalkontakt"
    assert event.at == task.responded_at


def test_loading_the_demo_consultations_queues_no_email(db, settings):
    settings.DEMO_ENABLED = True
    from lokalkontakt.areas.demo import load_hedensted

    load_hedensted(with_users=True)
    before = OutgoingEmail.objects.count()

    demo_loaders.get("consultations")(with_users=True)

    assert Consultation.objects.count() == 3
    assert OutgoingEmail.objects.count() == before


def test_loading_the_demo_consultations_again_adds_nothing(demo):
    count, tasks = Consultation.objects.count(), ConsultationTask.objects.count()

    assert load_demo_consultations() == 0
    assert (Consultation.objects.count(), ConsultationTask.objects.count()) == (count, tasks)
