# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.urls import path

from lokalkontakt.people import views

app_name = "people"
urlpatterns = [
    path("", views.employee_list, name="employee_list"),
    path("forslag/", views.suggestions, name="suggestions"),
    path("ny/", views.employee_edit, name="employee_create"),
    path("<int:pk>/", views.employee_detail, name="employee_detail"),
    path("<int:pk>/rediger/", views.employee_edit, name="employee_edit"),
    path("<int:pk>/login/opret/", views.employee_login_create, name="employee_login_create"),
    path("<int:pk>/login/send/", views.employee_login_send, name="employee_login_send"),
    path("kerneomraader/", views.core_area_list, name="core_area_list"),
    path("kerneomraader/ny/", views.core_area_edit, name="core_area_create"),
    path("kerneomraader/<int:pk>/rediger/", views.core_area_edit, name="core_area_edit"),
]

# Mounted under konto/ in the namespace "account" (config/urls.py): anyone may open them.
account_urlpatterns = [
    path("glemt-adgangskode/", views.password_reset, name="password_reset"),
    path("ny-adgangskode/<str:token>/", views.password_set, name="password_set"),
]
