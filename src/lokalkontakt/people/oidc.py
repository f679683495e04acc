# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who someone signed in by the municipality's identity provider is: the employee their identity
claim names (OIDC_EMPLOYEE_CLAIM: the e-mail address, case-insensitively, or the employee's
external UUID). Someone the provider knows but Lokalkontakt does not (no active employee matches)
is refused, and the callback tells them so politely.

On the first sign-in a user is created for the employee (without a password) and linked to them;
an employee who already has a user signs in as that user. On every sign-in the coordinator group
follows the group claim when OIDC_COORDINATOR_GROUPS is set: added when a listed group is among
the user's groups, removed when none is. Likewise, when OIDC_LEADER_GROUPS is set, a user in a
listed group leads their own core area (Employee.core_area) and no other; a user in none leads
no core area. Unset, CoreArea.leaders is managed in Lokalkontakt alone.
"""

import logging
import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from lokalkontakt.core.oidc.discovery import oidc_enabled, oidc_setting
from lokalkontakt.core.oidc.views import REFUSED
from lokalkontakt.core.roles import COORDINATOR_GROUP
from lokalkontakt.people.models import Employee

logger = logging.getLogger(__name__)


def employee_for(claims: dict) -> Employee | None:
    """The one active employee the identity claim names, or None (no claim, no match, several)."""
    name = settings.OIDC_EMPLOYEE_CLAIM
    value = claims.get(name)
    if not isinstance(value, str) or not value.strip():
        return None
    employees = Employee.objects.filter(is_active=True).select_related("user")
    if name == "email":
        employees = employees.filter(email__iexact=value.strip())
    else:
        try:
            employees = employees.filter(external_uuid=uuid.UUID(value.strip()))
        except ValueError:
            return None
    found = list(employees[:2])
    return found[0] if len(found) == 1 else None


def group_names(claims: dict) -> set[str]:
    groups = claims.get(settings.OIDC_GROUPS_CLAIM) or []
    return {groups} if isinstance(groups, str) else {str(group) for group in groups}


def free_username(base: str) -> str:
    """`base`, or `base-2`, `base-3` … where it is taken (never someone else's account)."""
    users, candidate, number = get_user_model().objects, base[:140], 1
    while users.filter(username__iexact=candidate).exists():
        number += 1
        candidate = f"{base[:140]}-{number}"
    return candidate


@transaction.atomic
def employee_sign_in(*, employee: Employee, claims: dict):
    """The employee's user, created and linked on their first sign-in through the provider (with
    no usable password), with the coordinator group set from the group claim when
    OIDC_COORDINATOR_GROUPS is set and the core-area leadership from it when
    OIDC_LEADER_GROUPS is. Returns the user."""
    # Locked, so that two first sign-ins at once make one user; `of` leaves the user row out.
    employee = Employee.objects.select_for_update(of=("self",)).select_related("user").get(pk=employee.pk)
    user = employee.user
    if user is None:
        base = (employee.email or claims.get("email") or f"oidc-{claims.get('sub', '')}").lower()
        user = get_user_model().objects.create_user(free_username(base), email=employee.email)
        employee.user = user
        employee.save(update_fields=["user", "updated_at"])
        logger.info("User %s created for employee %s at their first sign-in", user.pk, employee.pk)
    if settings.OIDC_COORDINATOR_GROUPS:
        coordinator = bool(group_names(claims) & set(settings.OIDC_COORDINATOR_GROUPS))
        group, _ = Group.objects.get_or_create(name=COORDINATOR_GROUP)
        if coordinator:
            user.groups.add(group)
        else:
            user.groups.remove(group)
    if settings.OIDC_LEADER_GROUPS:
        set_leadership(employee, leader=bool(group_names(claims) & set(settings.OIDC_LEADER_GROUPS)))
    return user


def set_leadership(employee: Employee, *, leader: bool) -> None:
    """The employee leads their own core area when `leader`, else none."""
    led = {area.pk for area in employee.led_core_areas.all()}
    wanted = {employee.core_area_id} if leader and employee.core_area_id else set()
    if led != wanted:
        employee.led_core_areas.set(wanted)
        logger.info("Employee %s now leads core areas %s (group claim at sign-in)", employee.pk,
                    sorted(wanted))


class EmployeeOIDCBackend(OIDCAuthenticationBackend):
    """mozilla-django-oidc's backend with the endpoints from discovery and users from employees.
    Does nothing while OIDC is not configured, or for a request that is not the provider's
    callback (password logins ask every backend)."""

    get_settings = staticmethod(oidc_setting)

    def __init__(self, *args, **kwargs):  # the endpoints are looked up when someone signs in
        self.UserModel = get_user_model()

    def authenticate(self, request, **kwargs):
        if request is None or not oidc_enabled() or "code" not in request.GET:
            return None
        super().__init__()
        return super().authenticate(request, **kwargs)

    def verify_claims(self, claims):
        return bool(claims.get(settings.OIDC_EMPLOYEE_CLAIM))

    def get_or_create_user(self, access_token, id_token, payload):
        # The ID token's claims with the userinfo endpoint's: Entra ID, for one, puts the groups
        # in the ID token only.
        claims = {**payload, **self.get_userinfo(access_token, id_token, payload)}
        employee = employee_for(claims) if self.verify_claims(claims) else None
        if employee is None or (employee.user is not None and not employee.user.is_active):
            setattr(self.request, REFUSED, True)
            logger.info("Sign-in refused: the identity matches no active employee")
            return None
        return employee_sign_in(employee=employee, claims=claims)

    def get_user(self, user_id):
        user = super().get_user(user_id)
        return user if user is not None and user.is_active else None
