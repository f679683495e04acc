# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The organisation for other systems: employees, core areas and who covers which area when.
Scope organisation:read. Employees' names and contact details are personal data: every call that
returns them (the employees, the core areas' leaders) is written to the access log."""

from django.db.models import Prefetch, Q
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins

from lokalkontakt.api.scopes import Scope
from lokalkontakt.api.serializers.detail import BAD_FILTER, KEY_ERRORS, NOT_FOUND
from lokalkontakt.api.serializers.organisation import (
    AssignmentFilterSerializer,
    AssignmentSerializer,
    CoreAreaSerializer,
    EmployeeFilterSerializer,
    EmployeeSerializer,
)
from lokalkontakt.api.views.base import KeyedViewSet
from lokalkontakt.api.views.filters import filtered, filters
from lokalkontakt.areas.models import Assignment
from lokalkontakt.people.models import CoreArea, Employee

TAGS = ["Organisation"]


class _ReadOnly(mixins.ListModelMixin, mixins.RetrieveModelMixin, KeyedViewSet):
    required_scopes = {"GET": Scope.ORGANISATION_READ}
    lookup_value_regex = r"\d+"

    def people_in(self, objects) -> list:
        """The employees whose data `objects` show (logged)."""
        raise NotImplementedError

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        self.log_read(self.people_in(page))
        return page

    def get_object(self):
        obj = super().get_object()
        self.log_read(self.people_in([obj]))
        return obj


@extend_schema_view(
    list=extend_schema(summary="Employees", tags=TAGS, parameters=[EmployeeFilterSerializer],
                       responses={200: EmployeeSerializer(many=True), **BAD_FILTER, **KEY_ERRORS,
                                  **NOT_FOUND}),
    retrieve=extend_schema(summary="One employee", tags=TAGS,
                           responses={200: EmployeeSerializer, **KEY_ERRORS, **NOT_FOUND}),
)
class EmployeeViewSet(_ReadOnly):
    """Every employee, former ones too (`active` false), in Danish alphabetical order."""

    serializer_class = EmployeeSerializer

    def get_queryset(self):
        employees = Employee.objects.select_related("core_area").order_by("sort_name", "pk")
        if self.action != "list":
            return employees
        given = filters(self.request, EmployeeFilterSerializer)
        return filtered(employees, given, {"active": "is_active", "core_area": "core_area_id"})

    def people_in(self, objects):
        return list(objects)


@extend_schema_view(
    list=extend_schema(summary="Core areas", tags=TAGS,
                       responses={200: CoreAreaSerializer(many=True), **KEY_ERRORS,
                                  **NOT_FOUND}),
    retrieve=extend_schema(summary="One core area", tags=TAGS,
                           responses={200: CoreAreaSerializer, **KEY_ERRORS, **NOT_FOUND}),
)
class CoreAreaViewSet(_ReadOnly):
    """The core areas (kerneområder) with their leaders, in Danish alphabetical order."""

    serializer_class = CoreAreaSerializer

    def get_queryset(self):
        leaders = Employee.objects.order_by("sort_name", "pk")
        return CoreArea.objects.prefetch_related(Prefetch("leaders", leaders)).order_by(
            "sort_name", "pk")

    def people_in(self, objects):
        return [leader for core_area in objects for leader in core_area.leaders.all()]


@extend_schema_view(
    list=extend_schema(summary="Assignments: who covers which area, and when", tags=TAGS,
                       parameters=[AssignmentFilterSerializer],
                       responses={200: AssignmentSerializer(many=True), **BAD_FILTER,
                                  **KEY_ERRORS, **NOT_FOUND}),
)
class AssignmentViewSet(mixins.ListModelMixin, KeyedViewSet):
    """Every assignment, ended ones too, newest first: `on=2021-03-15&area=glud` answers who
    covered Glud that day. Employees are named by id only (GET /employees/{id}/ for the name)."""

    serializer_class = AssignmentSerializer
    required_scopes = {"GET": Scope.ORGANISATION_READ}

    def get_queryset(self):
        assignments = Assignment.objects.select_related("area").order_by("-starts_on", "-pk")
        given = filters(self.request, AssignmentFilterSerializer)
        assignments = filtered(assignments, given, {
            "area": "area__slug", "employee": "employee_id", "role": "role",
            "active": "ends_on__isnull"})
        if "on" in given:
            day = given["on"]
            assignments = assignments.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day),
                                             starts_on__lte=day)
        return assignments
