from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from lokalkontakt.people.models import CoreArea, Employee


@admin.register(CoreArea)
class CoreAreaAdmin(SimpleHistoryAdmin):
    list_display = ["name", "external_uuid"]
    search_fields = ["name"]


@admin.register(Employee)
class EmployeeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "title", "core_area", "email", "is_active"]
    list_filter = ["is_active", "core_area"]
    search_fields = ["name", "email", "title"]
    list_select_related = ["core_area"]
    raw_id_fields = ["user"]
