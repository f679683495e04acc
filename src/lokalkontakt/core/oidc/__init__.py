# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Signing in through the municipality's identity provider (OpenID Connect): the provider's
endpoints from its discovery document, the sign-in and callback views, and logging out at the
provider too. Which user an identity is, is the people app's backend (people/oidc.py): core knows
no employees."""
