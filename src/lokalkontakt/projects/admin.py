# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from lokalkontakt.projects.models import Milestone, Project


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


@admin.register(Project)
class ProjectAdmin(SimpleHistoryAdmin):
    inlines = [MilestoneInline]
    list_display = ["title", "status", "lead"]
    filter_horizontal = ["areas"]
