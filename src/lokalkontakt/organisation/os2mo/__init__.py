# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Reading the organisation from OS2mo's GraphQL API: `client` speaks HTTP (a token by OAuth2 client
credentials, then GraphQL), `queries` asks for the core areas' units and engagements and returns
plain data. Nothing here touches the database."""
