from django.urls import path

from lokalkontakt.search import views

app_name = "search"
urlpatterns = [
    path("", views.search, name="search"),
    path("hvem/", views.who_knows, name="who_knows"),
]
