from django.urls import path

from lokalkontakt.timesheets import views as views_time

app_name = "time"
urlpatterns = [
    path("", views_time.mine, name="mine"),
    path("ny/", views_time.register, name="new"),
    path("<int:pk>/ret/", views_time.edit, name="edit"),
    path("<int:pk>/slet/", views_time.delete, name="delete"),
    path("overblik/", views_time.overview, name="overview"),
    path("overblik/eksport/", views_time.export, name="export"),
]
