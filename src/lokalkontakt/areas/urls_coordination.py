from django.urls import path, re_path

from lokalkontakt.areas import views_coordination as views

app_name = "coordination"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("import/", views.import_upload, name="import"),
    re_path(r"^import/skabelon\.(?P<fmt>csv|xlsx)$", views.import_template, name="import_template"),
    path("omraader/ny/", views.create, name="area_create"),
    path("omraader/<slug:slug>/rediger/", views.edit, name="area_edit"),
    path("omraader/<slug:slug>/tildel/", views.assign, name="assign"),
    path("omraader/<slug:slug>/svar/", views.participation, name="participation"),
    path("tildelinger/<int:pk>/afslut/", views.end_assignment, name="end_assignment"),
    path("tildelinger/<int:pk>/overdragelse/", views.handover, name="handover"),
]
