from django.urls import path

from lokalkontakt.people import views

app_name = "people"
urlpatterns = [
    path("", views.employee_list, name="employee_list"),
    path("ny/", views.employee_edit, name="employee_create"),
    path("<int:pk>/", views.employee_detail, name="employee_detail"),
    path("<int:pk>/rediger/", views.employee_edit, name="employee_edit"),
    path("kerneomraader/", views.core_area_list, name="core_area_list"),
    path("kerneomraader/ny/", views.core_area_edit, name="core_area_create"),
    path("kerneomraader/<int:pk>/rediger/", views.core_area_edit, name="core_area_edit"),
]
