from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.db import connection
from django.http import Http404, JsonResponse
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from lokalkontakt.core.http import public


@public
@never_cache
@require_GET
def healthz(request):
    """Liveness and readiness: answers 200 only when the database answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any database failure means "not ready"
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})




class PasswordChangeView(auth_views.PasswordChangeView):
    """A local account changes its own password (the old one, then the new one twice, checked by
    AUTH_PASSWORD_VALIDATORS). Other sessions of the user end; this one goes on. Council members
    and accounts without a password (one-time links, single sign-on) have none to change: 404."""

    template_name = "registration/password_change.html"
    success_url = reverse_lazy("home")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.has_usable_password():
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your password has been changed."))
        return response
