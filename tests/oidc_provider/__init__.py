# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A real OpenID Connect provider for the sign-in tests: a small Django project with
django-oidc-provider, started in its own process on loopback (`serve.py`)."""
