# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""What bench.run needs to time the API (issue 19): a key, and a cursor halfway down the list."""

import datetime
from base64 import b64encode
from urllib.parse import quote, urlencode


def api_key_header(scopes) -> str:
    """The Authorization header of a new key holding `scopes`, made as the coordinator would."""
    from django.utils import timezone

    from lokalkontakt.api.services import api_key_create

    _row, key = api_key_create(name="bench", scopes=list(scopes), actor=None,
                               expires_on=timezone.localdate() + datetime.timedelta(days=30))
    return f"Bearer {key}"


def inquiries_cursor_halfway() -> str:
    """The API inquiry list's `cursor` for the page that starts halfway down the list, as its
    `next` links make them (api.pagination.NewestReceivedCursor: the received date to go below)."""
    from lokalkontakt.inquiries.models import Inquiry

    ordered = Inquiry.objects.order_by("-received_on", "-id").values_list("received_on", flat=True)
    count = ordered.count()
    position = ordered[count // 2] if count else datetime.date.today()
    return quote(b64encode(urlencode({"p": position.isoformat()}).encode()).decode())
