from django.urls import path

from lokalkontakt.knowledge import views_search

app_name = "search"
urlpatterns = [
    path("", views_search.search, name="search"),
    path("hvem/", views_search.who_knows, name="who_knows"),
]
