# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The caller of a keyed API request, standing where a user stands on a page: the access log
writes it as "API: <system>", and it holds no permission of any role (no `has_perm`), so a view
can only give it what its scopes allow."""

from dataclasses import dataclass

from lokalkontakt.api.models import ApiKey


@dataclass(frozen=True)
class ApiClient:
    key: ApiKey

    pk = None
    id = None
    is_active = True
    is_authenticated = True
    is_anonymous = False
    is_staff = False
    is_superuser = False

    def get_username(self) -> str:
        return f"API: {self.key.name} ({self.key.prefix})"[:150]

    def has_perm(self, perm, obj=None) -> bool:
        return False

    def has_scope(self, scope: str) -> bool:
        return scope in self.key.scopes

    def __str__(self):
        return self.get_username()
