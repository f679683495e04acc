# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The tracking token: derived from the inquiry's salt and SECRET_KEY, stored only as a hash."""

import pytest

from lokalkontakt.core.tokens import token_hash
from lokalkontakt.inquiries.models import Inquiry
from lokalkontakt.inquiries.services.submit import inquiry_submit
from lokalkontakt.inquiries.tracking import tracking_token
from tests.inquiries.conftest import english_client, track_url
from tests.inquiries.factories import InquiryFactory

pytestmark = pytest.mark.django_db


def new_inquiry(setting, n=0):
    return inquiry_submit(
        area=setting.area, submitter_kind="citizen", subject="Lys", text="Mørkt",
        submitter_name="Bo", submitter_email="bo@example.dk", client=f"192.0.2.{50 + n}")


def test_the_token_is_derived_again_and_matches_the_stored_hash(setting):
    inquiry, token = new_inquiry(setting)
    stored = Inquiry.objects.get(pk=inquiry.pk)

    assert tracking_token(stored) == token
    assert stored.token_hash == token_hash(token)
    assert len(token) == 43  # 256 bits, base64url
    assert len(stored.tracking_salt) == 32


def test_the_row_holds_neither_the_token_nor_enough_to_derive_it(setting, settings):
    inquiry, token = new_inquiry(setting)
    row = Inquiry.objects.filter(pk=inquiry.pk).values().get()

    assert token not in {str(value) for value in row.values()}
    # Without SECRET_KEY (a database leak alone) the salt gives another token.
    settings.SECRET_KEY = "an-attackers-guess-of-the-key"
    assert tracking_token(Inquiry.objects.get(pk=inquiry.pk)) is None


def test_each_inquiry_has_its_own_token(setting):
    _first, first_token = new_inquiry(setting, 1)
    _second, second_token = new_inquiry(setting, 2)

    assert first_token != second_token


def test_a_rotated_secret_key_stops_the_derivation_but_not_the_sent_link(setting, settings):
    inquiry, token = new_inquiry(setting)
    old_key = settings.SECRET_KEY
    settings.SECRET_KEY = "a-new-secret-key-after-rotation"

    assert tracking_token(Inquiry.objects.get(pk=inquiry.pk)) is None
    assert english_client().get(track_url(token)).status_code == 200  # looked up by its hash

    settings.SECRET_KEY_FALLBACKS = [old_key]
    assert tracking_token(Inquiry.objects.get(pk=inquiry.pk)) == token


def test_an_inquiry_from_before_the_salt_has_no_token(setting):
    assert tracking_token(InquiryFactory(area=setting.area)) is None
