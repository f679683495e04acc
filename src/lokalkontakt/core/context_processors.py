# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.conf import settings

from lokalkontakt.core.navigation import main_menu


def site(request):
    """Values every page needs: the municipality, the accessibility statement and the user's roles
    and the main menu for them."""
    user = getattr(request, "user", None)
    roles = {
        "is_staff_member": bool(user and user.has_perm("core.view_internal")),
        "is_coordinator": bool(user and user.has_perm("core.coordinate")),
        "sees_capacity": bool(user and user.has_perm("core.see_capacity")),
        "reads_access_log": bool(user and user.has_perm("core.read_access_log")),
    }
    return {
        "municipality_name": settings.MUNICIPALITY_NAME,
        "accessibility_statement_url": settings.ACCESSIBILITY_STATEMENT_URL,
        **roles,
        "main_menu": main_menu(request, roles) if user is not None else [],
        "local_passwords": settings.LOCAL_PASSWORDS,
    }
