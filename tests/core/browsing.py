# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A visitor for the integration tests, reaching the site's gunicorn through a TLS proxy as
production has one: each request says it came over HTTPS from a client address
(X-Forwarded-Proto, X-Forwarded-For; TRUSTED_PROXY_COUNT=1). Keeps its cookies, fills in forms'
CSRF tokens, and finds a page's links."""

import http.client
import re
from html import unescape
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit


class Browser:
    def __init__(self, port: int, *, client: str = "192.0.2.10"):
        self.port, self.client = port, client
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: dict | None = None,
                headers: dict | None = None) -> tuple[int, dict, str]:
        """(status, headers, text) of one request."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        sent = {"X-Forwarded-Proto": "https", "X-Forwarded-For": self.client, **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        data = None
        if body is not None:
            data = urlencode(body)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["Referer"] = f"https://127.0.0.1:{self.port}{path}"
        try:
            connection.request(method, path, data, sent)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, dict(response.headers), text

    def get(self, path: str, **headers) -> tuple[int, dict, str]:
        return self.request("GET", path, headers=headers)

    def submit(self, path: str, fields: dict) -> tuple[int, dict, str]:
        """Open the form's page and post it with its CSRF token."""
        status, _headers, page = self.get(path)
        assert status == 200, (path, status)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        return self.request("POST", path, {"csrfmiddlewaretoken": token, **fields})


def links(page: str) -> list[str]:
    """The site's own paths a page links to, in order, once each."""
    found = []
    for href in re.findall(r'<a [^>]*href="([^"]+)"', page):
        parts = urlsplit(unescape(href))
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if path not in found:
            found.append(path)
    return found
