from django.urls import path

from lokalkontakt.areas import views, views_council

app_name = "areas"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/lokalraad/", views_council.members, name="council_members"),
    path("<slug:slug>/lokalraad/<int:pk>/inviter-igen/", views_council.member_reinvite,
         name="council_member_reinvite"),
    path("<slug:slug>/lokalraad/<int:pk>/deaktiver/", views_council.member_deactivate,
         name="council_member_deactivate"),
]
