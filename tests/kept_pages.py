# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""For the kept pages' tests (issue 20): a page as drawn, without what differs on every request,
and the same page drawn afresh with every cache emptied, to compare a kept copy with."""

import re

from django.core.cache import caches


def drawn(client, path: str) -> str:
    """The page as drawn, without the parts that differ on every request (tokens, nonces)."""
    response = client.get(path)
    assert response.status_code == 200
    return tokenless(response.content.decode())


def tokenless(html: str) -> str:
    """The page without what differs on every request (tokens, nonces)."""
    html = re.sub(r'csrfmiddlewaretoken" value="[^"]+"', "csrf", html)
    html = re.sub(r'"X-CSRFToken": "[^"]+"', "csrf", html)
    return re.sub(r'nonce="[^"]+"', "nonce", html)


def unkept(client, path: str) -> str:
    """The page drawn afresh: every cache emptied first."""
    for cache in caches.all():
        cache.clear()
    return drawn(client, path)
