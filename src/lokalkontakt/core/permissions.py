# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""View decorators over the role predicates in core.roles. Anonymous users never reach these
views (LoginRequiredMiddleware sends them to the login page); signed-in users without the
role get 403."""

from functools import wraps

from django.core.exceptions import PermissionDenied


def _require(*perms: str):
    """A view decorator letting through users who hold any of `perms`; others get 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not any(request.user.has_perm(perm) for perm in perms):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


staff_required = _require("core.view_internal")
coordinator_required = _require("core.coordinate")
council_required = _require("core.council")
# Staff and council members: pages where a council member acts for their own area (a
# consultation's task, files, notes shared with the council).
staff_or_council_required = _require("core.view_internal", "core.council")
# The access log: the coordinator and the data-protection officer.
access_log_reader_required = _require("core.read_access_log")
# The coordinator and the leaders of core areas (their staff's time, candidates, reports).
capacity_required = _require("core.see_capacity")
