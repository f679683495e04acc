"""Reads about core areas and employees."""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404

from lokalkontakt.people.models import CoreArea, Employee

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
