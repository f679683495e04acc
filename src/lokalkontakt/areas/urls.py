from django.urls import path

from lokalkontakt.areas import views, views_briefing

app_name = "areas"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/introduktionspakke/", views_briefing.briefing, name="briefing"),
    path("<slug:slug>/introduktionspakke.pdf", views_briefing.briefing_pdf, name="briefing_pdf"),
]
