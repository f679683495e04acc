# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coordinator's API key pages. A new key is shown in the answer to the form that made it
and nowhere else: not in a message, a redirect's address, the session or a log; the answer is not
cached."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from lokalkontakt.api.pages import selectors
from lokalkontakt.api.pages.forms import ApiKeyForm
from lokalkontakt.api.services import api_key_create, api_key_revoke
from lokalkontakt.core.forms import apply_service_errors
from lokalkontakt.core.permissions import coordinator_required

PAGE_SIZE = 50


def _docs_url() -> str | None:
    """The API's documentation page, where it is installed."""
    try:
        return reverse("api:docs")
    except NoReverseMatch:
        return None


@coordinator_required
@require_GET
def key_list(request):
    page = selectors.keys_page(request.GET.get("side"), per_page=PAGE_SIZE)
    return render(request, "api/keys.html", {"page": page, "docs_url": _docs_url(),
                                             "expiring_days": selectors.EXPIRING_DAYS})


@coordinator_required
@require_http_methods(["GET", "POST"])
@never_cache
def key_new(request):
    """The form; a valid POST makes the key and answers with the page that shows it, once."""
    form = ApiKeyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            api_key, key = api_key_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            response = render(request, "api/key_created.html", {"api_key": api_key, "key": key})
            response["Cache-Control"] = "no-store"
            return response
    return render(request, "api/key_form.html", {"form": form},
                  status=400 if form.errors else 200)


@coordinator_required
@require_http_methods(["GET", "POST"])
def key_revoke(request, pk):
    """GET asks to confirm; POST revokes the key for good (who and when are recorded)."""
    api_key = selectors.key_get(pk=pk)
    if request.method == "POST":
        api_key_revoke(api_key=api_key, actor=request.user)
        messages.success(request, _("The key for %(system)s is revoked. Calls with it are "
                                    "refused from now on.") % {"system": api_key.name})
        return redirect("api_keys:list")
    return render(request, "api/key_revoke.html", {"api_key": api_key,
                                                   "state": selectors.key_state(api_key)})
