# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.urls import path

from lokalkontakt.councils import views

app_name = "council"
urlpatterns = [
    path("lokalraad/", views.home, name="home"),
    path("lokalraad/log-ind/", views.login_request, name="login"),
    path("lokalraad/log-ind/<str:token>/", views.confirm, name="confirm"),
    path("omraader/<slug:slug>/lokalraad/", views.members, name="members"),
    path("omraader/<slug:slug>/lokalraad/<int:pk>/inviter-igen/", views.member_reinvite,
         name="member_reinvite"),
    path("omraader/<slug:slug>/lokalraad/<int:pk>/deaktiver/", views.member_deactivate,
         name="member_deactivate"),
]
