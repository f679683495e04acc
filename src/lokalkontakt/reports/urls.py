# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.urls import path

from lokalkontakt.reports.focus import views as focus_views
from lokalkontakt.reports.scheme import views as scheme
from lokalkontakt.reports.subscriptions import views as subscription_views

app_name = "reports"

urlpatterns = [
    path("", scheme.scheme, name="scheme"),
    path("offentlig/", scheme.public_summary, name="public"),
    path("fokusomraader/", focus_views.focus_list, name="focus_list"),
    path("fokusomraader/<slug:focus_area>/", focus_views.focus_detail, name="focus"),
    # Scheduled reports
    path("abonnementer/", subscription_views.subscriptions, name="subscriptions"),
    path("abonnementer/ny/", subscription_views.subscription_new, name="subscription_new"),
    path("abonnementer/<int:pk>/ret/", subscription_views.subscription_edit, name="subscription_edit"),
    path("abonnementer/<int:pk>/aktiv/", subscription_views.subscription_active,
         name="subscription_active"),
]
