from django.contrib import admin

from lokalkontakt.core.models import FocusArea


@admin.register(FocusArea)
class FocusAreaAdmin(admin.ModelAdmin):
    list_display = ["number", "name"]
    search_fields = ["name", "description"]
