from django.contrib import admin

from lokalkontakt.projects.models import Project


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "lead"]
    filter_horizontal = ["areas"]
