# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Reads about core areas and employees."""

import datetime

from django.conf import settings
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from lokalkontakt.core.selectors import address_failures
from lokalkontakt.people.models import AccountEvent, CoreArea, Employee
from lokalkontakt.people.tokens import account_client_hash

ACTIVE_ASSIGNMENT = Q(assignments__ends_on__isnull=True)


def employees_list(*, include_inactive: bool = False):
    """Employees in Danish order with their core area and how many areas they cover now."""
    employees = Employee.objects.select_related("core_area", "user").annotate(
        area_count=Count("assignments", filter=ACTIVE_ASSIGNMENT)
    )
    if not include_inactive:
        employees = employees.filter(is_active=True)
    return employees.order_by("sort_name", "pk")


def employee_get(*, pk: int) -> Employee:
    return get_object_or_404(Employee.objects.select_related("core_area", "user"), pk=pk)


def core_areas_list():
    return CoreArea.objects.annotate(
        employee_count=Count("employees", filter=Q(employees__is_active=True), distinct=True)
    ).order_by("sort_name")


def core_area_get(*, pk: int) -> CoreArea:
    return get_object_or_404(CoreArea, pk=pk)


def account_events(*, employee: Employee, limit: int = 10):
    """The newest events of the employee's login, with who did them."""
    return (AccountEvent.objects.filter(employee=employee)
            .select_related("actor", "actor__employee").order_by("-created_at", "-pk")[:limit])


def password_links_blocked(*, client: str) -> bool:
    """Whether an address has tried too many bad set-password links, or failed too many logins,
    within django-axes' cool-off time: together they count against the login's per-address limit
    (LOGIN_ADDRESS_FAILURE_LIMIT)."""
    since = timezone.now() - datetime.timedelta(hours=settings.AXES_COOLOFF_TIME)
    refused = AccountEvent.objects.filter(kind=AccountEvent.Kind.LINK_REFUSED, created_at__gte=since,
                                          client_hash=account_client_hash(client)).count()
    return refused + address_failures(client) >= settings.LOGIN_ADDRESS_FAILURE_LIMIT
