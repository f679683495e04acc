# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Staff sign-in through the municipality's identity provider (OpenID Connect, mozilla-django-oidc).

Off unless OIDC_DISCOVERY_URL is set: then the login page offers "Log in with the municipality's
login" beside (or, with LOCAL_PASSWORDS=0, instead of) the password form. The provider's endpoints
come from its discovery document, read when first needed and cached (core.oidc.discovery); an
OIDC_OP_* variable overrides one. docs/operations.md lists every setting and the address to
register at the provider.
"""

import os
from urllib.parse import urlsplit

from .base import env_list
from .security import AUTHENTICATION_BACKENDS as _BACKENDS
from .security import CONTENT_SECURITY_POLICY as _CSP

OIDC_DISCOVERY_URL = os.environ.get("OIDC_DISCOVERY_URL", "").strip()
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", "openid email profile")
OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
# The claim that names the employee: "email" (matched case-insensitively with Employee.email) or a
# claim holding the employee's UUID in OS2mo / FK Organisation (Employee.external_uuid).
OIDC_EMPLOYEE_CLAIM = os.environ.get("OIDC_EMPLOYEE_CLAIM", "email")
# The claim listing the user's groups, the values that make them the coordinator, and those that
# make them the leader of their own core area. With none listed, the coordinator group (or
# CoreArea.leaders) is managed in Lokalkontakt alone.
OIDC_GROUPS_CLAIM = os.environ.get("OIDC_GROUPS_CLAIM", "groups")
OIDC_COORDINATOR_GROUPS = env_list("OIDC_COORDINATOR_GROUPS", "")
OIDC_LEADER_GROUPS = env_list("OIDC_LEADER_GROUPS", "")
# Endpoints by hand, for a provider without discovery (empty: from the discovery document).
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_OP_END_SESSION_ENDPOINT = os.environ.get("OIDC_OP_END_SESSION_ENDPOINT", "")
OIDC_TIMEOUT = float(os.environ.get("OIDC_TIMEOUT", "10"))
OIDC_USE_PKCE = True
# The ID token is kept in the session for the provider's logout (id_token_hint).
OIDC_STORE_ID_TOKEN = True
OIDC_AUTHENTICATION_CALLBACK_URL = "oidc_authentication_callback"
LOGIN_REDIRECT_URL_FAILURE = "login"
# A refusal at the provider's callback is not a failed password: django-axes leaves it alone.
AXES_WHITELIST_CALLABLE = "lokalkontakt.core.oidc.views.is_provider_callback"

# Always listed, so that a session begun through the provider stays valid; it does nothing while
# OIDC_DISCOVERY_URL is empty.
AUTHENTICATION_BACKENDS = [*_BACKENDS, "lokalkontakt.people.oidc.EmployeeOIDCBackend"]


def provider_form_action(policy: dict, *urls: str) -> dict:
    """The Content-Security-Policy with the provider's origins allowed as form targets: logging
    out posts a form whose answer redirects to the provider's end_session endpoint, and browsers
    check a form's redirects against form-action."""
    origins = sorted({f"{part.scheme}://{part.netloc}" for part in map(urlsplit, urls) if part.netloc})
    directives = dict(policy["DIRECTIVES"])
    directives["form-action"] = [*directives["form-action"], *origins]
    return {**policy, "DIRECTIVES": directives}


if OIDC_DISCOVERY_URL:
    CONTENT_SECURITY_POLICY = provider_form_action(_CSP, OIDC_DISCOVERY_URL,
                                                   OIDC_OP_END_SESSION_ENDPOINT)
