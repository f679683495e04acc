# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
import datetime

from django.utils import timezone
from rest_framework.test import APIClient

from lokalkontakt.api.scopes import Scope
from lokalkontakt.api.services import api_key_create


def make_key(*, scopes=None, name="Hedensted.dk", days=30, actor=None):
    """A key made as the coordinator makes one: (the key row, the key itself)."""
    return api_key_create(name=name, scopes=list(scopes or Scope.values),
                          expires_on=timezone.localdate() + datetime.timedelta(days=days),
                          actor=actor)


def keyed_client(key: str | None = None, **key_options) -> APIClient:
    """A client that sends `key` (or a new key made with key_options) on every call."""
    client = APIClient()
    if key is None:
        _row, key = make_key(**key_options)
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    return client
