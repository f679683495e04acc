# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The organisation from OS2mo (organisation.os2mo): where OS2mo answers, how to get a token, which
units are the core areas, and how often the periodic jobs synchronise. Without OS2MO_URL nothing is
synchronised, and core areas and employees are typed or imported from CSV."""

import os

from .base import env_list

# OS2mo's base address (https://os2mo.example.dk); the GraphQL endpoint is <OS2MO_URL>/graphql/vNN.
OS2MO_URL = os.environ.get("OS2MO_URL", "").rstrip("/")
# The token endpoint for OAuth2 client credentials (OS2mo's Keycloak:
# <keycloak>/auth/realms/mo/protocol/openid-connect/token). Defaults to OS2MO_URL's Keycloak.
OS2MO_AUTH_URL = os.environ.get(
    "OS2MO_AUTH_URL",
    f"{OS2MO_URL}/auth/realms/mo/protocol/openid-connect/token" if OS2MO_URL else "",
)
OS2MO_CLIENT_ID = os.environ.get("OS2MO_CLIENT_ID", "")
OS2MO_CLIENT_SECRET = os.environ.get("OS2MO_CLIENT_SECRET", "")
# The UUIDs of the organisation units that are the core areas (kerneområder), comma-separated;
# their employees are those with an engagement in the unit or any unit below it.
OS2MO_ORG_UNITS = env_list("OS2MO_ORG_UNITS", "")
# The periodic jobs synchronise at most once in this many hours.
OS2MO_SYNC_HOURS = float(os.environ.get("OS2MO_SYNC_HOURS", "24"))
# Seconds to wait for OS2mo (or its Keycloak) to answer one request.
OS2MO_TIMEOUT = float(os.environ.get("OS2MO_TIMEOUT", "30"))
