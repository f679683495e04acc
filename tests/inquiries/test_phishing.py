# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The public form cannot make the municipality send a stranger's text or link to someone else:
a receipt goes to whatever address was typed, so the name and the subject must be one line
without links, and the receipt quotes them only in a marked block, never as its own words."""

import pytest

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.inquiries.models import Inquiry
from tests.inquiries.conftest import deliver, submit

pytestmark = pytest.mark.django_db

PAYLOAD = "Jens\n\nVIGTIGT: bekræft dit NemID her https://evil.example/mitid"


def errors_of(response, field: str) -> list[str]:
    return list(response.context["form"].errors.get(field, []))


def test_a_name_with_a_paragraph_and_a_link_is_refused_and_nothing_is_sent(setting, browser):
    response = submit(browser, setting.area, submitter_name=PAYLOAD,
                      submitter_email="offer@example.dk")

    assert response.status_code == 400
    assert errors_of(response, "submitter_name") == ["Write it on one line.",
                                                     "Leave out web addresses and links."]
    assert not Inquiry.objects.exists()
    assert not OutgoingEmail.objects.exists()


@pytest.mark.parametrize("name", ["Jens – se www.evil.example", "Jens, svar på evil-site.dk",
                                  "Jens https://evil.example/mitid", "mailto:jens@evil.example"])
def test_a_name_with_a_link_is_refused(setting, browser, name):
    response = submit(browser, setting.area, submitter_name=name)

    assert errors_of(response, "submitter_name") == ["Leave out web addresses and links."]
    assert not Inquiry.objects.exists()


@pytest.mark.parametrize("subject", ["Vejbump\r\nBcc: alle", "Vejbump\u2028VIGTIGT",
                                     "Vejbump\tpå Skolevej"])
def test_a_subject_with_a_line_break_is_refused_not_cut(setting, browser, subject):
    response = submit(browser, setting.area, subject=subject)

    assert errors_of(response, "subject") == ["Write it on one line."]
    assert not Inquiry.objects.exists()


@pytest.mark.parametrize("name", ["Bo Borger", "Anne-Mette Ågård Ølgaard", "J.P. Hansen",
                                  "Karen Bjerg (formand)"])
def test_ordinary_names_pass(setting, browser, name):
    response = submit(browser, setting.area, submitter_name=name)

    assert response.status_code == 302
    assert Inquiry.objects.get().submitter_name == name


@pytest.mark.django_db(transaction=True)  # the worker runs here and closes old connections
def test_the_receipt_quotes_what_was_typed_only_in_its_marked_block(setting, browser, smtp_server):
    submit(browser, setting.area, submitter_name="Bo Borger", subject="Vejbump på Skolevej")

    [receipt] = [body for recipients, _message, body in deliver(smtp_server)
                 if recipients == ["bo.borger@example.dk"]]

    typed = [line for line in receipt.splitlines() if "Bo Borger" in line or "Vejbump" in line]
    assert typed == ["| Navn: Bo Borger", "| Emne: Vejbump på Skolevej"]
    assert receipt.splitlines()[0] == "Hej,"
    assert "Hvis du ikke har skrevet til os, har en anden skrevet din e-mailadresse" in receipt
