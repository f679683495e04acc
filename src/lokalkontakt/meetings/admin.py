# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from lokalkontakt.meetings.models import ActionItem, AgendaItem, Bulletin, LocalMeeting, Meeting


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["title", "starts_at", "status"]
    list_filter = ["status"]
    date_hierarchy = "starts_at"


@admin.register(AgendaItem)
class AgendaItemAdmin(SimpleHistoryAdmin):
    list_display = ["title", "meeting", "status", "position"]
    list_filter = ["status"]
    raw_id_fields = ["meeting", "note"]


@admin.register(ActionItem)
class ActionItemAdmin(SimpleHistoryAdmin):
    list_display = ["title", "owner", "due_on", "status"]
    list_filter = ["status"]
    raw_id_fields = ["meeting", "agenda_item"]


@admin.register(Bulletin)
class BulletinAdmin(admin.ModelAdmin):
    list_display = ["title", "sent_at"]
    readonly_fields = ["recipients"]


@admin.register(LocalMeeting)
class LocalMeetingAdmin(SimpleHistoryAdmin):
    list_display = ["area", "kind", "held_on", "recorded_by"]
    list_filter = ["kind"]
