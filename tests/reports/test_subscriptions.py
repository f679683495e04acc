# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coordinator's scheduled reports page: the list, the form, stopping and starting again.
The browsers ask for English, so the assertions do not wait for the Danish translation."""

import datetime

import pytest
from django.urls import reverse

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.reports.models import ReportSubscription
from tests.inquiries.conftest import english_client
from tests.reports import kinds
from tests.reports.factories import ReportDispatchFactory, ReportSubscriptionFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("reports:subscriptions")
NEW_URL = reverse("reports:subscription_new")


@pytest.fixture(autouse=True)
def test_kind():
    with kinds.registered():
        yield


@pytest.fixture
def browser(coordinator):
    return english_client(coordinator)


def form(**overrides) -> dict:
    return {"report": "test|focus_area=smidige-processer", "frequency": "quarterly",
            "recipients": "udvalg@example.dk\nLeder@Example.dk\n", **overrides}


def test_the_form_offers_each_kind_with_each_of_its_choices(browser):
    page = browser.get(NEW_URL).content.decode()

    assert '<option value="test|focus_area=smidige-processer">Prøverapport: Smidige processer' in page
    assert '<option value="test|focus_area=groen-omstilling">Prøverapport: Grøn omstilling' in page


def test_a_new_subscription_is_saved_with_its_author_in_the_history(browser, coordinator):
    response = browser.post(NEW_URL, form())

    assert response.status_code == 302
    subscription = ReportSubscription.objects.get()
    assert (subscription.kind, subscription.params, subscription.frequency) == (
        "test", {"focus_area": "smidige-processer"}, "quarterly")
    assert subscription.recipients == ["udvalg@example.dk", "Leder@Example.dk"]
    assert subscription.created_by == coordinator
    assert subscription.history.get().history_user == coordinator


def test_repeated_addresses_are_kept_once(browser):
    browser.post(NEW_URL, form(recipients="a@example.dk, A@example.dk; b@example.dk\na@example.dk"))

    assert ReportSubscription.objects.get().recipients == ["a@example.dk", "b@example.dk"]


def test_each_bad_address_is_named_and_nothing_is_saved(browser):
    response = browser.post(NEW_URL, form(recipients="udvalg@example.dk\nudvalg.example.dk\nleder@"))

    assert response.status_code == 400
    page = response.content.decode()
    assert "“udvalg.example.dk” is not an e-mail address." in page
    assert "“leder@” is not an e-mail address." in page
    assert not ReportSubscription.objects.exists()


def test_no_address_is_refused(browser):
    response = browser.post(NEW_URL, form(recipients=" \n "))

    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not ReportSubscription.objects.exists()


def test_more_than_twenty_addresses_are_refused(browser):
    addresses = "\n".join(f"leder{n}@example.dk" for n in range(21))

    response = browser.post(NEW_URL, form(recipients=addresses))

    assert response.status_code == 400
    assert "Give at most 20 e-mail addresses." in response.content.decode()
    assert not ReportSubscription.objects.exists()


def test_a_report_that_is_not_offered_is_refused(browser):
    response = browser.post(NEW_URL, form(report="test|focus_area=findes-ikke"))

    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()
    assert not ReportSubscription.objects.exists()


def test_an_edit_changes_the_subscription_and_adds_a_version(browser, coordinator):
    subscription = ReportSubscriptionFactory()

    response = browser.post(reverse("reports:subscription_edit", args=[subscription.pk]),
                            form(report="test|focus_area=groen-omstilling", frequency="monthly",
                                 recipients="ny@example.dk"))

    assert response.status_code == 302
    subscription.refresh_from_db()
    assert subscription.params == {"focus_area": "groen-omstilling"}
    assert subscription.recipients == ["ny@example.dk"]
    assert subscription.history.latest().history_user == coordinator


def test_the_edit_form_shows_the_subscription(browser):
    subscription = ReportSubscriptionFactory(recipients=["a@example.dk", "b@example.dk"])

    page = browser.get(reverse("reports:subscription_edit", args=[subscription.pk])).content.decode()

    assert ('<option value="test|focus_area=smidige-processer" selected>'
            "Prøverapport: Smidige processer") in page
    assert "a@example.dk\nb@example.dk</textarea>" in page


def test_stopping_a_subscription_is_attributed(browser, coordinator):
    subscription = ReportSubscriptionFactory()

    response = browser.post(reverse("reports:subscription_active", args=[subscription.pk]),
                            {"active": "0"}, follow=True)

    assert "The scheduled report is stopped." in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.active is False
    assert subscription.history.latest().history_user == coordinator


def test_the_list_shows_each_subscription_and_what_was_sent(browser):
    subscription = ReportSubscriptionFactory(recipients=["sekretaer@example.dk"])
    delivered = ReportDispatchFactory(subscription=subscription)
    ReportDispatchFactory(subscription=subscription, period_start=datetime.date(2026, 4, 1),
                          period_end=datetime.date(2026, 4, 30)).emails.update(
        status=OutgoingEmail.Status.FAILED)
    delivered.emails.update(status=OutgoingEmail.Status.SENT, sent_at=delivered.sent_at)

    page = browser.get(LIST_URL).content.decode()

    # the subscription and its two sendings
    assert page.count('data-title="Report">Prøverapport: Smidige processer') == 3
    assert "Monthly" in page
    assert page.count("sekretaer@example.dk") == 3
    assert "01/03/2026–31/03/2026" in page
    assert "Delivered " in page
    assert "Not delivered" in page


def test_a_kind_no_longer_registered_is_named_on_the_list(browser):
    ReportSubscriptionFactory(kind="gone", params={})

    page = browser.get(LIST_URL).content.decode()

    assert "Report no longer available (gone)" in page


@pytest.mark.parametrize("count", [2, 30])
def test_the_list_costs_the_same_queries_however_many_subscriptions(
        browser, count, django_assert_num_queries):
    for _n in range(count):
        ReportDispatchFactory()

    # 9: the registered focus-area report names its choices (one query for the focus areas);
    # each report sent, its e-mails (one per recipient) in one query.
    with django_assert_num_queries(9):
        response = browser.get(LIST_URL)

    page = response.content.decode()
    assert page.count('data-title="Report">Prøverapport: Smidige processer') == 2 * count
