from django.urls import path

from lokalkontakt.inquiries import views, views_council

app_name = "inquiries"
urlpatterns = [
    path("", views.inquiry_list, name="list"),
    path("ny/", views.new, name="new"),
    path("ny/sendt/", views.submitted, name="submitted"),
    path("spor/<str:token>/", views.track, name="track"),
    path("spor/<str:token>/filer/<int:attachment_pk>/", views.track_file, name="track_file"),
    path("lokalraad/", views_council.council_list, name="council_list"),
    path("lokalraad/<int:pk>/", views_council.council_detail, name="council_detail"),
    path("lokalraad/<int:pk>/filer/<int:attachment_pk>/", views_council.council_file,
         name="council_file"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/filer/<int:attachment_pk>/", views.download, name="file"),
    path("<int:pk>/kvitter/", views.acknowledge, name="acknowledge"),
    path("<int:pk>/svar/", views.reply, name="reply"),
    path("<int:pk>/kommentar/", views.comment, name="comment"),
    path("<int:pk>/afslut/", views.close, name="close"),
    path("<int:pk>/videresend/", views.forward, name="forward"),
    path("<int:pk>/videresend-kerneomraade/", views.forward_core_area, name="forward_core_area"),
    path("<int:pk>/fokusomraader/", views.tag, name="tag"),
]
