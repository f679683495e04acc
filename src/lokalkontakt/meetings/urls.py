# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.urls import path

from lokalkontakt.meetings.views import (
    actions,
    agenda,
    bulletins,
    calendar,
    local_meetings,
    meetings,
)

app_name = "meetings"
urlpatterns = [
    path("", meetings.meeting_list, name="list"),
    path("serie/ny/", meetings.series_new, name="series_new"),
    path("<int:pk>/", meetings.detail, name="detail"),
    path("<int:pk>/kalender.ics", meetings.meeting_ics, name="ics"),
    path("<int:pk>/ret/", meetings.edit, name="edit"),
    path("<int:pk>/aflys/", meetings.cancel, name="cancel"),
    path("<int:pk>/inviter-nye/", meetings.invite_new, name="invite_new"),
    path("<int:pk>/svar/", meetings.respond, name="respond"),
    path("<int:pk>/dagsorden/", agenda.arrange, name="arrange"),
    path("<int:pk>/dagsorden/send/", meetings.publish_agenda, name="publish_agenda"),
    path("<int:pk>/referat/send/", meetings.publish_minutes, name="publish_minutes"),
    path("<int:pk>/punkt/ny/", agenda.propose, name="propose"),
    path("<int:pk>/fremmoede/", agenda.attendance, name="attendance"),
    path("<int:pk>/opfoelgning/ny/", actions.action_new, name="action_new"),
    path("punkt/<int:pk>/ret/", agenda.item_edit, name="item_edit"),
    path("punkt/<int:pk>/referat/", agenda.minutes, name="minutes"),
    path("opfoelgning/", actions.action_list, name="actions"),
    path("opfoelgning/<int:pk>/", actions.action_detail, name="action"),
    path("orienteringer/", bulletins.bulletin_list, name="bulletins"),
    path("orienteringer/ny/", bulletins.bulletin_new, name="bulletin_new"),
    path("orienteringer/<int:pk>/", bulletins.bulletin_detail, name="bulletin"),
    path("lokale/ny/", local_meetings.local_new, name="local_new"),
    path("lokale/<int:pk>/ret/", local_meetings.local_edit, name="local_edit"),
    path("lokale/<int:pk>/slet/", local_meetings.local_delete, name="local_delete"),
    path("kalender/", calendar.calendar, name="calendar"),
    path("kalender/<int:feed_id>/<str:token>.ics", calendar.feed, name="feed"),
]
