"""Who may reach the consultation views at all; which objects they see is decided by the
selectors (404 for what is not theirs)."""

from functools import wraps

from django.core.exceptions import PermissionDenied


def staff_or_council_required(view):
    """Staff (core.view_internal) and council members (core.council): the task page and file
    downloads, where a council member answers for their own area. Others get 403."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        user = request.user
        if not (user.has_perm("core.view_internal") or user.has_perm("core.council")):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped
