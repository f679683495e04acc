from django.urls import path

from lokalkontakt.inquiries import views

app_name = "inquiries"
urlpatterns = [
    path("", views.inquiry_list, name="list"),
    path("ny/", views.new, name="new"),
    path("spor/<str:token>/", views.track, name="track"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/kvitter/", views.acknowledge, name="acknowledge"),
    path("<int:pk>/svar/", views.reply, name="reply"),
    path("<int:pk>/kommentar/", views.comment, name="comment"),
    path("<int:pk>/afslut/", views.close, name="close"),
    path("<int:pk>/videresend/", views.forward, name="forward"),
    path("<int:pk>/fokusomraader/", views.tag, name="tag"),
]
