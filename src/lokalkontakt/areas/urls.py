from django.urls import path

from lokalkontakt.areas import views

app_name = "areas"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("<slug:slug>/", views.detail, name="detail"),
]
