# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The demo's inquiries: enough history for the reports by period and by focus area."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from lokalkontakt.core.models import FocusTerm, OutgoingEmail
from lokalkontakt.core.registry import demo_loaders
from lokalkontakt.core.tokens import token_hash
from lokalkontakt.core.workdays import working_days_between
from lokalkontakt.inquiries.demo import load_demo_inquiries
from lokalkontakt.inquiries.models import Inquiry, InquiryEvent
from lokalkontakt.inquiries.selectors import inquiries_overdue, inquiries_waiting_for_coordinator
from lokalkontakt.inquiries.tracking import tracking_token


@pytest.fixture
def demo(demo_of_the_class, db, settings):
    """`load_demo` with the demo enabled, run once for the class (tests/conftest.py)."""
    settings.DEMO_ENABLED = True


class TestTheDemoLoaded:
    """The demo loaded once for the class (tests/conftest.py); each test reads it in a transaction
    of its own."""

    def test_the_demo_has_inquiries_received_this_year_and_last_year(self, demo):
        today = timezone.localdate()
        years = set(Inquiry.objects.values_list("received_on__year", flat=True))
        assert {today.year, today.year - 1} <= years

    def test_the_demo_has_inquiries_in_this_quarter_and_the_same_quarter_last_year(self, demo):
        today = timezone.localdate()
        start = today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
        last_year = start.replace(year=start.year - 1)
        assert Inquiry.objects.filter(received_on__gte=start).exists()
        assert Inquiry.objects.filter(received_on__gte=last_year,
                                      received_on__lt=_next_quarter(last_year)).exists()

    def test_every_channel_and_every_kind_of_submitter_writes_in_the_demo(self, demo):
        assert set(Inquiry.objects.values_list("channel", flat=True)) == set(Inquiry.Channel.values)
        assert (set(Inquiry.objects.values_list("submitter_kind", flat=True))
                == set(Inquiry.SubmitterKind.values))

    def test_most_demo_inquiries_are_tagged_and_some_are_not(self, demo):
        total = Inquiry.objects.count()
        tagged = Inquiry.objects.filter(focus_areas__isnull=False).distinct().count()
        assert 0.6 * total <= tagged <= 0.8 * total

    def test_the_demo_has_closed_answered_acknowledged_and_received_inquiries(self, demo):
        assert set(Inquiry.objects.values_list("status", flat=True)) == set(Inquiry.Status.values)
        assert all(Inquiry.objects.filter(status=Inquiry.Status.CLOSED).values_list("outcome",
                                                                                    flat=True))

    def test_some_demo_inquiries_are_overdue_and_some_were_answered_late(self, demo):
        assert inquiries_overdue().exists()
        assert any(i.answered_at.date() > i.answer_due
                   for i in Inquiry.objects.filter(answered_at__isnull=False))

    def test_the_demo_inquiries_of_areas_without_a_contact_wait_for_the_coordinator(self, demo):
        waiting = inquiries_waiting_for_coordinator().filter(assignee__isnull=True)
        assert set(waiting.values_list("area__name", flat=True)) == {"As", "Daugård", "Stouby"}

    def test_the_demo_deadlines_count_working_days_from_the_day_received(self, demo, settings):
        for inquiry in Inquiry.objects.all():
            assert working_days_between(inquiry.received_on, inquiry.acknowledge_due) == \
                settings.INQUIRY_ACKNOWLEDGE_DAYS
            assert working_days_between(inquiry.received_on, inquiry.answer_due) == \
                settings.INQUIRY_ANSWER_DAYS

    def test_each_demo_inquiry_has_its_timeline_in_order_with_the_handlers(self, demo):
        inquiry = Inquiry.objects.filter(status=Inquiry.Status.CLOSED, area__name="Korning").first()
        kinds = list(inquiry.events.values_list("kind", flat=True))
        assert kinds[:2] == [InquiryEvent.Kind.SUBMITTED, InquiryEvent.Kind.ROUTED]
        assert kinds[-1] == InquiryEvent.Kind.CLOSED
        assert inquiry.events.get(kind=InquiryEvent.Kind.CLOSED).actor.username == "lokalkontakt"
        assert inquiry.created_at.date() == inquiry.received_on

    def test_no_demo_step_lies_in_the_future(self, demo):
        assert not InquiryEvent.objects.filter(at__gt=timezone.now()).exists()

    def test_the_demo_inquiries_tracking_links_open(self, demo):
        inquiry = Inquiry.objects.first()
        assert token_hash(tracking_token(inquiry)) == inquiry.token_hash

    def test_the_demo_submitters_write_from_example_dk(self, demo):
        emails = {e for e in Inquiry.objects.values_list("submitter_email", flat=True) if e}
        assert emails and all(e.endswith("@example.dk") for e in emails)

    def test_loading_the_demo_inquiries_again_adds_nothing(self, demo):
        count, events = Inquiry.objects.count(), InquiryEvent.objects.count()

        assert load_demo_inquiries() == 0
        assert (Inquiry.objects.count(), InquiryEvent.objects.count()) == (count, events)

    def test_loading_the_demo_again_if_empty_adds_nothing(self, demo):
        count = Inquiry.objects.count()

        call_command("load_demo", "--if-empty", stdout=io.StringIO())

        assert Inquiry.objects.count() == count

    def test_the_suggestions_learned_from_the_demo(self, demo):
        assert FocusTerm.objects.filter(focus_area__slug="en-god-barndom-varer-hele-livet",
                                        stem__startswith="skol").exists()


def _next_quarter(start):
    month = start.month + 3
    return start.replace(year=start.year + (month > 12), month=(month - 1) % 12 + 1)


def test_loading_the_demo_inquiries_queues_no_email(db, settings):
    settings.DEMO_ENABLED = True
    from lokalkontakt.areas.demo import load_hedensted

    load_hedensted(with_users=True)
    before = OutgoingEmail.objects.count()

    demo_loaders.get("inquiries")(with_users=True)

    assert Inquiry.objects.count() == 41
    assert OutgoingEmail.objects.count() == before


def test_without_the_demo_logins_no_inquiries_are_invented(db, settings):
    settings.DEMO_ENABLED = True
    call_command("load_demo", "--no-users", stdout=io.StringIO())
    assert not Inquiry.objects.exists()
