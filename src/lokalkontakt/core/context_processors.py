# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.conf import settings


def site(request):
    """Values every page needs: the municipality, the accessibility statement and the user's roles."""
    user = getattr(request, "user", None)
    return {
        "municipality_name": settings.MUNICIPALITY_NAME,
        "accessibility_statement_url": settings.ACCESSIBILITY_STATEMENT_URL,
        "is_staff_member": bool(user and user.has_perm("core.view_internal")),
        "is_coordinator": bool(user and user.has_perm("core.coordinate")),
        "sees_capacity": bool(user and user.has_perm("core.see_capacity")),
        "reads_access_log": bool(user and user.has_perm("core.read_access_log")),
        "local_passwords": settings.LOCAL_PASSWORDS,
    }
