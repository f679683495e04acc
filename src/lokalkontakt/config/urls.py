# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from lokalkontakt.areas import urls as areas_urls
from lokalkontakt.core import views as core_views
from lokalkontakt.core.http import public
from lokalkontakt.core.oidc import views as oidc_views
from lokalkontakt.people import urls as people_urls
from lokalkontakt.workspace import urls as workspace_urls
from lokalkontakt.workspace import views as workspace_views

urlpatterns = [
    path("", workspace_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("privatliv/", core_views.privacy, name="privacy"),
    path("i18n/setsprog/", public(set_language), name="set_language"),
    path("log-ind/", public(core_views.LoginView.as_view()), name="login"),
    path("log-ud/", oidc_views.LogoutView.as_view(), name="logout"),
    # Signing in through the municipality's identity provider (404 unless configured).
    path("oidc/", include("lokalkontakt.core.oidc.urls")),
    path("konto/adgangskode/", core_views.PasswordChangeView.as_view(), name="password_change"),
    path("konto/", include((people_urls.account_urlpatterns, "account"))),
    path("overblik/", workspace_views.start, name="start"),
    path("mine-omraader/", workspace_views.mine, name="mine"),
    # The council's pages: its home and login under lokalraad/, its members under the area
    # (omraader/<slug>/lokalraad/).
    path("", include("lokalkontakt.councils.urls")),
    # the briefing pack (workspace) sits under the area's address, in areas' namespace
    path("omraader/", include((workspace_urls.area_urlpatterns + areas_urls.urlpatterns, "areas"))),
    path("koordinering/e-mails/", include("lokalkontakt.core.urls")),
    path("koordinering/adgangslog/", include("lokalkontakt.core.accesslog.urls")),
    path("eksport/", include("lokalkontakt.core.exports.urls")),
    path("koordinering/api-noegler/", include("lokalkontakt.api.pages.urls")),
    path("koordinering/personoplysninger/", include("lokalkontakt.core.subjectrights.urls")),
    path("koordinering/", include("lokalkontakt.areas.urls.coordination")),
    path("medarbejdere/", include("lokalkontakt.people.urls")),
    path("henvendelser/", include("lokalkontakt.inquiries.urls")),
    path("hoeringer/", include("lokalkontakt.consultations.urls")),
    path("viden/", include("lokalkontakt.knowledge.urls")),
    path("moeder/", include("lokalkontakt.meetings.urls")),
    path("tid/", include("lokalkontakt.timesheets.urls")),
    path("projekter/", include("lokalkontakt.projects.urls")),
    path("kandidater/", include("lokalkontakt.candidates.urls")),
    path("introduktion/", include("lokalkontakt.onboarding.urls")),
    path("udrulning/", include("lokalkontakt.rollout.urls")),
    # the guides to the scheme: saadan-bruger-du-lokalkontakten/ and vejledning/lokalkontakten/
    path("", include("lokalkontakt.guides.urls")),
    path("overdragelser/", include("lokalkontakt.handovers.urls")),
    path("soeg/", include("lokalkontakt.search.urls")),
    path("rapporter/", include("lokalkontakt.reports.urls")),
    path("journalisering/", include("lokalkontakt.journal.urls")),
    path("api/v1/", include("lokalkontakt.api.urls")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Under /api/ a path no route matches answers JSON, as the API does (api.views.errors).
handler404 = "lokalkontakt.api.views.errors.not_found"
handler500 = "lokalkontakt.api.views.errors.server_error"
