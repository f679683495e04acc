# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Employees and core areas: colleagues read, the coordinator manages, and creates logins.
Anyone: "Forgot password?" and the page a set-password link opens."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_POST

from lokalkontakt.core.forms import form_view
from lokalkontakt.core.http import client_address, public
from lokalkontakt.core.permissions import coordinator_required, staff_required
from lokalkontakt.people import selectors, services
from lokalkontakt.people.forms import CoreAreaForm, EmployeeForm, PasswordResetRequestForm
from lokalkontakt.people.picking import employee_label, employee_suggestions
from lokalkontakt.people.services import accounts
from lokalkontakt.people.tokens import LinkState


@staff_required
@require_GET
def employee_list(request):
    include_inactive = request.GET.get("alle") == "1" and request.user.has_perm("core.coordinate")
    return render(request, "people/employee_list.html", {
        "employees": selectors.employees_list(include_inactive=include_inactive),
        "include_inactive": include_inactive,
    })


@staff_required
@require_GET
def suggestions(request):
    """At most ten active employees for the text in the parameter `felt` names (the field's own
    name, as htmx sends the input's value), in Danish order, as <option>s of a <datalist>: the
    name and core area, as the staff list shows them."""
    text = request.GET.get(request.GET.get("felt", "q"), "")
    return render(request, "people/_employee_suggestions.html", {
        "employees": [(employee, employee_label(employee))
                      for employee in employee_suggestions(text)]})


@staff_required
@require_GET
def employee_detail(request, pk):
    employee = selectors.employee_get(pk=pk)
    assignments = employee.assignments.select_related("area").order_by("-starts_on", "-pk")
    account = None
    if request.user.has_perm("core.coordinate"):
        account = {"events": selectors.account_events(employee=employee),
                   "local_passwords": settings.LOCAL_PASSWORDS}
    return render(request, "people/employee_detail.html",
                  {"employee": employee, "assignments": assignments, "account": account})


def _local_passwords_only():
    if not settings.LOCAL_PASSWORDS:
        raise Http404


def _login_action(request, pk, action, success):
    _local_passwords_only()
    employee = selectors.employee_get(pk=pk)
    try:
        action(employee=employee, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success % {"name": employee.name, "email": employee.email})
    return redirect(employee)


@coordinator_required
@require_POST
def employee_login_create(request, pk):
    return _login_action(request, pk, accounts.employee_login_create, _(
        "A login is created for %(name)s. The e-mail to set the password is on its way to "
        "%(email)s."))


@coordinator_required
@require_POST
def employee_login_send(request, pk):
    return _login_action(request, pk, accounts.employee_login_send, _(
        "A new e-mail to set the password is on its way to %(name)s at %(email)s."))


@coordinator_required
def employee_edit(request, pk=None):
    employee = selectors.employee_get(pk=pk) if pk else None
    initial = {}
    if employee:
        initial = {"name": employee.name, "title": employee.title, "core_area": employee.core_area,
                   "email": employee.email, "phone": employee.phone,
                   "is_active": employee.is_active,
                   "username": employee.user.username if employee.user else ""}
    form = EmployeeForm(request.POST or None, initial=initial)
    return form_view(
        request, form=form, template="people/employee_form.html", context={"employee": employee},
        save=lambda data: services.employee_save(employee=employee, actor=request.user, **data),
        success=lambda obj: " ".join([_("%(name)s is saved.") % {"name": obj},
                                      *obj.deactivation_notes]),
        redirect_to=lambda obj: obj.get_absolute_url(),
    )


@staff_required
@require_GET
def core_area_list(request):
    return render(request, "people/core_area_list.html",
                  {"core_areas": selectors.core_areas_list()})


@coordinator_required
def core_area_edit(request, pk=None):
    core_area = selectors.core_area_get(pk=pk) if pk else None
    initial = {}
    if core_area:
        initial = {"name": core_area.name, "description": core_area.description,
                   "email": core_area.email, "external_uuid": core_area.external_uuid,
                   "leaders": list(core_area.leaders.values_list("pk", flat=True))}
    form = CoreAreaForm(request.POST or None, initial=initial)
    return form_view(
        request, form=form, template="people/core_area_form.html", context={"core_area": core_area},
        save=lambda data: services.core_area_save(core_area=core_area, **data),
        success=lambda obj: _("%(name)s is saved.") % {"name": obj},
        redirect_to=lambda obj: "people:core_area_list",
    )


@public
def password_reset(request):
    """"Forgot password?": the answer is the same whether or not the address has a login."""
    _local_passwords_only()
    form = PasswordResetRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        accounts.password_reset_request(email=form.cleaned_data["email"],
                                        client=client_address(request))
        return render(request, "people/password_reset_sent.html",
                      {"email": form.cleaned_data["email"]})
    return render(request, "people/password_reset.html", {"form": form},
                  status=400 if form.errors else 200)


@public
@never_cache
@sensitive_post_parameters()
def password_set(request, token):
    """The link from a set-up or reset e-mail: choose a password (AUTH_PASSWORD_VALIDATORS), then
    log in. Refused links count against the address, as failed logins do."""
    _local_passwords_only()
    address = client_address(request)
    if selectors.password_links_blocked(client=address):
        return render(request, "registration/locked_out.html", {"links": True}, status=429)
    user, state = accounts.password_link_check(token=token, client=address)
    if user is None:
        return render(request, "people/password_link_invalid.html",
                      {"expired": state is LinkState.EXPIRED}, status=400)
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        accounts.password_set(user=user, password=form.cleaned_data["new_password1"])
        messages.success(request, _("Your password is set. Log in with your username %(username)s "
                                    "and the new password.") % {"username": user.get_username()})
        return redirect("login")
    return render(request, "people/password_set.html", {"form": form, "username": user.get_username()},
                  status=400 if form.errors else 200)
