# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.urls import path

from lokalkontakt.reports.subscriptions import views as subscription_views

app_name = "reports"

urlpatterns = []

# Scheduled reports
urlpatterns += [
    path("abonnementer/", subscription_views.subscriptions, name="subscriptions"),
    path("abonnementer/ny/", subscription_views.subscription_new, name="subscription_new"),
    path("abonnementer/<int:pk>/ret/", subscription_views.subscription_edit, name="subscription_edit"),
    path("abonnementer/<int:pk>/aktiv/", subscription_views.subscription_active, name="subscription_active"),
]
