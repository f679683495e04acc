from django.urls import path

from lokalkontakt.areas import views_council as views

app_name = "council"
urlpatterns = [
    path("", views.home, name="home"),
    path("log-ind/", views.login_request, name="login"),
    path("log-ind/<str:token>/", views.confirm, name="confirm"),
]
