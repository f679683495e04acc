# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coordinator's API key pages: the list with each key's state, making a key (shown once,
in the answer to the form, and nowhere else) and revoking one. Who may open them is in
test_permissions.py."""

import datetime
import logging
import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone, translation

from lokalkontakt.api.models import ApiKey
from lokalkontakt.api.scopes import Scope
from lokalkontakt.core.models import AccessLogEntry
from tests.api.factories import keyed_client, make_key

pytestmark = pytest.mark.django_db
LIST, NEW = reverse("api_keys:list"), reverse("api_keys:new")
TODAY = timezone.localdate()


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


def danish(msgid: str) -> str:
    with translation.override("da"):
        return translation.gettext(msgid)


def key_row(html: str, name: str) -> str:
    """The table row of the key for the system `name` (found by its name cell: the name may
    also occur in the page's text, as "ESDH" does)."""
    cell = f'<span class="break-word">{name}</span>'
    rows = [row for row in html.split("<tr>") if cell in row]
    assert len(rows) == 1, name
    return rows[0].split("</tr>")[0]


def new_key(client, **data):
    values = {"name": "ESDH-integration", "contact": "it-drift@hedensted.dk",
              "scopes": [Scope.JOURNAL, Scope.INQUIRIES_READ], "expires_on": days(200).isoformat(),
              **data}
    return client.post(NEW, values)


def shown_key(response) -> str:
    match = re.search(r'id="api-key" type="text" readonly value="([^"]+)"', response.content.decode())
    assert match, "the key is not on the page"
    return match.group(1)


# --- making a key ----------------------------------------------------------------------------


def test_the_form_offers_every_scope_and_a_year_ahead(coordinator_client):
    html = coordinator_client.get(NEW).content.decode()

    for value, label in Scope.choices:
        assert f'value="{value}"' in html
        assert danish(str(label)) in html
    expected = TODAY.replace(year=TODAY.year + 1) if (TODAY.month, TODAY.day) != (2, 29) else days(365)
    assert f'value="{expected.isoformat()}"' in html


def test_the_key_is_shown_once_in_the_answer_and_only_its_hash_is_kept(coordinator_client,
                                                                         coordinator, caplog):
    caplog.set_level(logging.DEBUG)

    response = new_key(coordinator_client)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    key = shown_key(response)
    row = ApiKey.objects.get()
    assert (row.name, row.contact, row.scopes, row.expires_on, row.created_by) == (
        "ESDH-integration", "it-drift@hedensted.dk", ["inquiries:read", "journal"], days(200),
        coordinator)
    assert key.startswith(f"lk_{row.prefix}_") and key not in str(ApiKey.objects.values().get())
    assert key not in str(list(row.history.values()))
    # Not in a message, the session, a log record or a later page.
    assert not list(get_messages(response.wsgi_request))
    assert key not in str(dict(coordinator_client.session))
    assert key not in caplog.text
    for url in [LIST, NEW]:
        assert key not in coordinator_client.get(url).content.decode()
    # It works.
    assert keyed_client(key).get("/api/v1/key/").json()["system"] == "ESDH-integration"


def test_the_page_warns_that_the_key_cannot_be_shown_again_nor_sent_by_email(coordinator_client):
    html = new_key(coordinator_client).content.decode()

    assert danish("Copy the key now: it is shown only this once") in html
    assert danish("Do not send the key by ordinary e-mail. Hand it over in a secure way, such as "
                  "secure e-mail (Digital Post) or a password manager you share.") in html


@pytest.mark.parametrize("data, field, message", [
    ({"scopes": []}, "scopes", "Choose at least one of the listed scopes."),
    ({"scopes": ["everything"]}, "scopes", None),
    ({"expires_on": days(3 * 365).isoformat()}, "expires_on",
     "A key expires after today and within two years."),
    ({"expires_on": TODAY.isoformat()}, "expires_on",
     "A key expires after today and within two years."),
    ({"name": ""}, "name", None),
])
def test_a_bad_form_makes_no_key_and_says_why_in_danish(coordinator_client, data, field, message):
    response = new_key(coordinator_client, **data)

    assert response.status_code == 400
    assert field in response.context["form"].errors
    if message:
        assert response.context["form"].errors[field] == [danish(message)]
        assert danish(message) in response.content.decode()
    assert not ApiKey.objects.exists()


# --- the list --------------------------------------------------------------------------------


def test_the_list_shows_each_keys_state_and_marks_those_expiring_soon(coordinator_client,
                                                                      coordinator):
    make_key(name="Hjemmesiden", days=200, actor=coordinator)
    make_key(name="OS2forms", days=10, actor=coordinator)
    old, _key = make_key(name="Gammel integration")
    ApiKey.objects.filter(pk=old.pk).update(expires_on=days(-1))
    revoked, _key = make_key(name="ESDH")
    ApiKey.objects.filter(pk=revoked.pk).update(revoked_at=timezone.now(), revoked_by=coordinator)

    html = coordinator_client.get(LIST).content.decode()

    rows = {name: key_row(html, name)
            for name in ["Hjemmesiden", "OS2forms", "Gammel integration", "ESDH"]}
    assert "badge-success" in rows["Hjemmesiden"]
    assert "badge-warning" in rows["OS2forms"]
    assert "badge-warning" not in rows["Hjemmesiden"]
    assert "Karin Koordinator" in rows["ESDH"]  # who revoked it
    assert reverse("api_keys:revoke", kwargs={"pk": revoked.pk}) not in html
    assert reverse("api_keys:revoke", kwargs={"pk": old.pk}) in html
    assert danish(str(Scope.JOURNAL.label)) in rows["Hjemmesiden"]


def test_the_list_takes_a_fixed_number_of_queries(coordinator_client, coordinator,
                                                  django_assert_num_queries):
    for number in range(6):
        row, _key = make_key(name=f"System {number}", actor=coordinator)
        if number % 2:
            ApiKey.objects.filter(pk=row.pk).update(revoked_at=timezone.now(),
                                                    revoked_by=coordinator)
    coordinator_client.get(LIST)

    # session, user, group, count, keys with who made and revoked them, the header's employee
    with django_assert_num_queries(6):
        response = coordinator_client.get(LIST)
    assert response.content.decode().count("<tr>") == 7


# --- revoking --------------------------------------------------------------------------------


def test_revoking_asks_first_then_records_who_and_when_and_the_api_refuses_the_key(
        coordinator_client, coordinator):
    row, key = make_key(name="OS2forms")
    url = reverse("api_keys:revoke", kwargs={"pk": row.pk})

    confirm = coordinator_client.get(url)
    row.refresh_from_db()
    assert confirm.status_code == 200 and row.revoked_at is None
    assert f"lk_{row.prefix}" in confirm.content.decode() and key not in confirm.content.decode()

    response = coordinator_client.post(url, follow=True)

    row.refresh_from_db()
    assert row.revoked_by == coordinator and row.revoked_at is not None
    assert response.redirect_chain == [(LIST, 302)]
    assert "OS2forms" in response.content.decode()  # a revoked key stays listed
    assert [str(m) for m in response.context["messages"]] == [
        danish("The key for %(system)s is revoked. Calls with it are refused from now on.")
        % {"system": "OS2forms"}]
    refused = keyed_client(key).get("/api/v1/key/")
    assert refused.status_code == 401
    assert refused.json() == {"detail": danish("The API key has been revoked.")}


def test_an_unknown_key_answers_404(coordinator_client):
    assert coordinator_client.post(reverse("api_keys:revoke", kwargs={"pk": 999})).status_code == 404


def test_the_pages_write_nothing_to_the_access_log(coordinator_client):
    new_key(coordinator_client)
    coordinator_client.get(LIST)

    assert not AccessLogEntry.objects.exists()
