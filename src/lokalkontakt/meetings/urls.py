from django.urls import path

from lokalkontakt.meetings import views, views_actions, views_agenda, views_bulletins

app_name = "meetings"
urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("serie/ny/", views.series_new, name="series_new"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/kalender.ics", views.meeting_ics, name="ics"),
    path("<int:pk>/ret/", views.edit, name="edit"),
    path("<int:pk>/aflys/", views.cancel, name="cancel"),
    path("<int:pk>/inviter-nye/", views.invite_new, name="invite_new"),
    path("<int:pk>/svar/", views.respond, name="respond"),
    path("<int:pk>/dagsorden/", views_agenda.arrange, name="arrange"),
    path("<int:pk>/dagsorden/send/", views.publish_agenda, name="publish_agenda"),
    path("<int:pk>/referat/send/", views.publish_minutes, name="publish_minutes"),
    path("<int:pk>/punkt/ny/", views_agenda.propose, name="propose"),
    path("<int:pk>/fremmoede/", views_agenda.attendance, name="attendance"),
    path("<int:pk>/opfoelgning/ny/", views_actions.action_new, name="action_new"),
    path("punkt/<int:pk>/ret/", views_agenda.item_edit, name="item_edit"),
    path("punkt/<int:pk>/referat/", views_agenda.minutes, name="minutes"),
    path("opfoelgning/", views_actions.action_list, name="actions"),
    path("opfoelgning/<int:pk>/", views_actions.action_detail, name="action"),
    path("orienteringer/", views_bulletins.bulletin_list, name="bulletins"),
    path("orienteringer/ny/", views_bulletins.bulletin_new, name="bulletin_new"),
    path("orienteringer/<int:pk>/", views_bulletins.bulletin_detail, name="bulletin"),
    path("lokale/ny/", views_bulletins.local_new, name="local_new"),
    path("lokale/<int:pk>/ret/", views_bulletins.local_edit, name="local_edit"),
    path("lokale/<int:pk>/slet/", views_bulletins.local_delete, name="local_delete"),
    path("kalender/", views_bulletins.calendar, name="calendar"),
    path("kalender/<int:feed_id>/<str:token>.ics", views_bulletins.feed, name="feed"),
]
