# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""HTTP to OS2mo: an access token from its Keycloak by OAuth2 client credentials, then GraphQL
queries with it. Every failure is an Os2moError whose message says what went wrong and where
(network, refused credentials, an HTTP status, GraphQL errors), never the secret."""

import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass


class Os2moError(Exception):
    """OS2mo (or its token endpoint) could not be read; nothing was changed."""


@dataclass
class Os2moClient:
    graphql_url: str
    token_url: str
    client_id: str
    client_secret: str
    timeout: float = 30
    _token: str = ""

    def token(self) -> str:
        """An access token by client credentials (RFC 6749 §4.4), fetched once per client."""
        if not self._token:
            form = urllib.parse.urlencode({
                "grant_type": "client_credentials", "client_id": self.client_id,
                "client_secret": self.client_secret,
            }).encode()
            answer = self._post(self.token_url, form, {
                "Content-Type": "application/x-www-form-urlencoded"}, what="the token endpoint")
            if not answer.get("access_token"):
                raise Os2moError(f"The token endpoint {self.token_url} answered without an access token.")
            self._token = answer["access_token"]
        return self._token

    def query(self, query: str, variables: dict) -> dict:
        """The `data` of a GraphQL query; GraphQL errors raise Os2moError with their messages."""
        body = json.dumps({"query": query, "variables": variables}).encode()
        answer = self._post(self.graphql_url, body, {
            "Content-Type": "application/json", "Authorization": f"Bearer {self.token()}"},
            what="OS2mo")
        if answer.get("errors"):
            messages = "; ".join(str(error.get("message", error)) for error in answer["errors"])
            raise Os2moError(f"OS2mo answered with GraphQL errors: {messages}")
        if not isinstance(answer.get("data"), dict):
            raise Os2moError("OS2mo answered without data.")
        return answer["data"]

    def _post(self, url: str, body: bytes, headers: dict, *, what: str) -> dict:
        if not url.startswith(("https://", "http://")):
            raise Os2moError(f"The address of {what} is not an http(s) URL: {url!r}.")
        request = urllib.request.Request(url, data=body, headers={  # noqa: S310 - checked above
            **headers, "Accept": "application/json"}, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                payload = response.read()
        except urllib.error.HTTPError as error:
            raise Os2moError(_http_error(error, url, what)) from None
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise Os2moError(f"Could not reach {what} at {url}: {reason}.") from None
        try:
            return json.loads(payload)
        except ValueError:
            raise Os2moError(f"{what} at {url} did not answer with JSON.") from None


def _http_error(error: urllib.error.HTTPError, url: str, what: str) -> str:
    detail = ""
    try:
        answer = json.loads(error.read() or b"{}")
        detail = answer.get("error_description") or answer.get("error") or answer.get("detail") or ""
    except (ValueError, AttributeError):
        pass
    if error.code in (400, 401) and what == "the token endpoint":
        lead = (f"The token endpoint refused the client credentials (HTTP {error.code}): check "
                f"OS2MO_CLIENT_ID and OS2MO_CLIENT_SECRET")
    elif error.code in (401, 403):
        lead = f"OS2mo refused the access token (HTTP {error.code}): check the client's roles in OS2mo"
    else:
        lead = f"{what} at {url} answered HTTP {error.code}"
    return f"{lead}{f' ({detail})' if detail else ''}."
