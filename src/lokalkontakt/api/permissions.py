# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may do what in the API, and who manages its keys.

Deny by default: every API view is checked by `ScopeRequired` unless it says it is public. A
keyed view names, per HTTP method, the scope it needs in `required_scopes`; a method it does not
name is refused even to a key with every scope. Objects a key may not see answer 404, as on the
pages: the views fetch them through the querysets its scopes give.
"""

import rules
from rest_framework.permissions import BasePermission

from lokalkontakt.api.client import ApiClient
from lokalkontakt.core.roles import is_coordinator

# The coordinator makes and revokes the keys.
may_manage_keys = is_coordinator
rules.add_perm("api.manage_keys", may_manage_keys)


class ScopeRequired(BasePermission):
    """A call with a key that holds the scope the view requires for the call's method."""

    def has_permission(self, request, view) -> bool:
        needed = getattr(view, "required_scopes", {}).get(request.method)
        if request.method == "HEAD":
            needed = getattr(view, "required_scopes", {}).get("GET")
        user = request.user
        return bool(needed) and isinstance(user, ApiClient) and user.has_scope(needed)


def has_scope(request, scope: str) -> bool:
    """Whether the call's key holds `scope` (False for a call without a key)."""
    return isinstance(request.user, ApiClient) and request.user.has_scope(scope)
