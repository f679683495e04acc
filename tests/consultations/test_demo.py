# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The demo's consultations: a closed one with answers, an open one with its deadline ahead."""


import pytest
from django.utils import timezone

from lokalkontakt.consultations.demo import load_demo_consultations
from lokalkontakt.consultations.models import Consultation, ConsultationEvent, ConsultationTask
from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.core.registry import demo_loaders


@pytest.fixture
def demo(demo_of_the_class, db, settings):
    """`load_demo` with the demo enabled, run once for the class (tests/conftest.py)."""
    settings.DEMO_ENABLED = True


class TestTheDemoLoaded:
    """The demo loaded once for the class (tests/conftest.py); each test reads it in a transaction
    of its own."""

    def test_the_demo_has_a_closed_consultation_answered_by_three_areas(self, demo):
        closed = Consultation.objects.filter(status=Consultation.Status.CLOSED)
        answered = [c.tasks.exclude(status=ConsultationTask.Status.WAITING).count() for c in closed]
        assert 3 in answered

    def test_the_demo_has_an_open_consultation_with_its_deadline_ahead(self, demo):
        assert Consultation.objects.filter(status=Consultation.Status.OPEN,
                                           deadline__gt=timezone.localdate()).exists()

    def test_every_demo_consultation_is_tagged_with_focus_areas(self, demo):
        assert not Consultation.objects.filter(focus_areas__isnull=True).exists()

    def test_the_demo_responses_are_recorded_as_events_with_who_answered(self, demo):
        task = ConsultationTask.objects.filter(area__name="Korning",
                                               status=ConsultationTask.Status.RESPONDED).first()
        event = task.events.get(kind=ConsultationEvent.Kind.RESPONDED)
        assert event.actor.username == "lokalkontakt"
        assert event.at == task.responded_at

    def test_loading_the_demo_consultations_again_adds_nothing(self, demo):
        count, tasks = Consultation.objects.count(), ConsultationTask.objects.count()

        assert load_demo_consultations() == 0
        assert (Consultation.objects.count(), ConsultationTask.objects.count()) == (count, tasks)


def test_loading_the_demo_consultations_queues_no_email(db, settings):
    settings.DEMO_ENABLED = True
    from lokalkontakt.areas.demo import load_hedensted

    load_hedensted(with_users=True)
    before = OutgoingEmail.objects.count()

    demo_loaders.get("consultations")(with_users=True)

    assert Consultation.objects.count() == 3
    assert OutgoingEmail.objects.count() == before
