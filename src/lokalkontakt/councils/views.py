# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Council members: the staff's members page (invite, re-send, deactivate), the one-time-link
login (request a link, confirm it) and the council's home page."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from lokalkontakt.core.accesslog import record
from lokalkontakt.core.auth import BACKEND as PASSWORD_BACKEND
from lokalkontakt.core.forms import apply_service_errors
from lokalkontakt.core.http import client_address, public
from lokalkontakt.core.permissions import council_required, staff_required
from lokalkontakt.core.registry import council_panels
from lokalkontakt.councils import selectors
from lokalkontakt.councils import services as council
from lokalkontakt.councils.forms import CouncilLoginRequestForm, CouncilMemberForm
from lokalkontakt.councils.permissions import access_managed_area, access_member


@staff_required
def members(request, slug):
    """The council's members with their status; a form to invite a new member."""
    area = access_managed_area(user=request.user, slug=slug)
    has_council = getattr(area, "council", None) is not None
    form = CouncilMemberForm(request.POST or None, has_council=has_council)
    if request.method == "POST" and form.is_valid():
        try:
            member = council.council_member_invite(area=area, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("%(name)s is invited. The e-mail with a login link is on "
                                        "its way to %(email)s.") % {"name": member.name,
                                                                    "email": member.email})
            return redirect("council:members", slug=area.slug)
    members = list(selectors.council_members(area=area))
    record(request, members)  # their names and e-mail addresses
    return render(request, "councils/members.html", {
        "area": area, "form": form, "members": members},
        status=400 if form.errors else 200)


def _member_action(request, slug, pk, action, success):
    area = access_managed_area(user=request.user, slug=slug)
    member = access_member(area=area, pk=pk)
    try:
        action(member=member, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success % {"name": member.name})
    return redirect("council:members", slug=area.slug)


@staff_required
@require_POST
def member_reinvite(request, slug, pk):
    return _member_action(request, slug, pk, council.council_member_reinvite,
                          _("A new invitation is on its way to %(name)s."))


@staff_required
@require_POST
def member_deactivate(request, slug, pk):
    return _member_action(request, slug, pk, council.council_member_deactivate,
                          _("%(name)s no longer has access."))


@public
def login_request(request):
    """A council member asks for a login link. The answer is the same whether or not the address
    belongs to a member, so the page tells nobody who is one."""
    form = CouncilLoginRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        council.council_login_link_request(email=form.cleaned_data["email"],
                                           client=client_address(request))
        return render(request, "councils/login_sent.html", {
            "email": form.cleaned_data["email"]})
    return render(request, "councils/login.html", {"form": form},
                  status=400 if form.errors else 200)


@public
@never_cache
def confirm(request, token):
    """The link from the e-mail. GET only shows a button (so mail scanners that fetch links do not
    use it up); POST uses the link, logs the member in and opens the council's page."""
    if request.method == "POST":
        user = council.council_login_use(token=token)
        if user is not None:
            login(request, user, backend=PASSWORD_BACKEND)
            return redirect("council:home")
        found = None
    else:
        found = council.council_login_token_get(token=token)
    template = "councils/confirm.html" if found else "councils/link_invalid.html"
    # The site-wide Referrer-Policy (same-origin) keeps the token from other sites; "no-referrer"
    # would make Chromium send "Origin: null" with the POST, which Django's CSRF check refuses.
    return render(request, template, {"login_token": found}, status=200 if found else 400)


@login_required(login_url="council:login")
@council_required
@require_GET
def home(request):
    """The council member's page: their area, its contact and deputy, the council's details, and
    what the other apps show the council about the area (core.registry.council_panels: the
    latest inquiries and consultation tasks)."""
    member = request.user.council_member
    area = selectors.council_area(area_id=member.council.area_id)
    panels = [{"template": panel.template, "context": context} for panel in council_panels
              if (context := panel.context(request, area=area)) is not None]
    return render(request, "councils/home.html", {"area": area, "member": member, "panels": panels})
