# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from rest_framework import serializers

from lokalkontakt.areas.models import Assignment, AssignmentRole
from lokalkontakt.people.models import CoreArea, Employee

# The largest id a database holds (a bigger one is refused, not sent to the database).
MAX_ID = 2**63 - 1


class EmployeeRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Employee
        fields = ["id", "name"]


class CoreAreaRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = CoreArea
        fields = ["id", "name"]


class EmployeeSerializer(serializers.ModelSerializer):
    """A member of staff with their work contact details. `external_uuid` is the person's UUID
    in OS2mo or FK Organisation when synchronised."""

    core_area = CoreAreaRefSerializer(read_only=True, allow_null=True)
    active = serializers.BooleanField(source="is_active", read_only=True)

    class Meta:
        model = Employee
        fields = ["id", "name", "email", "phone", "title", "core_area", "active", "external_uuid"]


class CoreAreaSerializer(serializers.ModelSerializer):
    """A division of the administration (kerneområde) and its leaders. `email` is its shared
    mailbox; `external_uuid` the unit's UUID in OS2mo or FK Organisation when synchronised."""

    leaders = EmployeeRefSerializer(many=True, read_only=True)

    class Meta:
        model = CoreArea
        fields = ["id", "name", "description", "email", "leaders", "external_uuid"]


class AssignmentSerializer(serializers.ModelSerializer):
    """An employee's tie to a local area, as contact (`primary`) or deputy, from `starts_on` to
    `ends_on` (both included; null while it lasts). Assignments end, they are never deleted."""

    area = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    employee = serializers.PrimaryKeyRelatedField(read_only=True)
    active = serializers.BooleanField(source="is_active", read_only=True)

    class Meta:
        model = Assignment
        fields = ["id", "area", "employee", "role", "starts_on", "ends_on", "active",
                  "handover_due"]


class EmployeeFilterSerializer(serializers.Serializer):
    active = serializers.BooleanField(required=False, allow_null=True, default=None,
                                      help_text="true: only active employees; false: only former.")
    core_area = serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID,
                                         help_text="Only the staff of this core area (its id).")


class AssignmentFilterSerializer(serializers.Serializer):
    area = serializers.SlugField(required=False, help_text="A local area's slug.")
    employee = serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID,
                                        help_text="An employee's id.")
    role = serializers.ChoiceField(choices=AssignmentRole.choices, required=False)
    active = serializers.BooleanField(required=False, allow_null=True, default=None,
                                      help_text="true: only assignments that have not ended; "
                                                "false: only ended ones.")
    on = serializers.DateField(required=False,
                               help_text="Only the assignments that ran on this day: who covered "
                                         "the area then.")
