"""View decorators over the role predicates in core.roles. Anonymous users never reach these
views (LoginRequiredMiddleware sends them to the login page); signed-in users without the
role get 403."""

from functools import wraps

from django.core.exceptions import PermissionDenied


def _require(perm: str):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.has_perm(perm):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


staff_required = _require("core.view_internal")
coordinator_required = _require("core.coordinate")
council_required = _require("core.council")
