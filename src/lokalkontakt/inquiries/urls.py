# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.urls import path

from lokalkontakt.inquiries.views import council, handling, inquiries, public, register, replies, waiting

app_name = "inquiries"
urlpatterns = [
    path("", inquiries.inquiry_list, name="list"),
    path("eksport/", inquiries.export, name="export"),
    path("venter/", waiting.waiting, name="waiting"),
    path("ny/", public.new, name="new"),
    path("ny/sendt/", public.submitted, name="submitted"),
    path("registrer/", register.register, name="register"),
    path("spor/<str:token>/", public.track, name="track"),
    path("spor/<str:token>/filer/<int:attachment_pk>/", public.track_file, name="track_file"),
    path("lokalraad/", council.council_list, name="council_list"),
    path("lokalraad/ny/", council.council_new, name="council_new"),
    path("lokalraad/<int:pk>/", council.council_detail, name="council_detail"),
    path("lokalraad/<int:pk>/filer/<int:attachment_pk>/", council.council_file,
         name="council_file"),
    path("<int:pk>/", inquiries.detail, name="detail"),
    path("<int:pk>/filer/<int:attachment_pk>/", inquiries.download, name="file"),
    path("<int:pk>/kvitter/", handling.acknowledge, name="acknowledge"),
    path("<int:pk>/svar/", replies.reply, name="reply"),
    path("<int:pk>/kommentar/", handling.comment, name="comment"),
    path("<int:pk>/afslut/", replies.close, name="close"),
    path("<int:pk>/videresend/", handling.forward, name="forward"),
    path("<int:pk>/videresend-kerneomraade/", handling.forward_core_area, name="forward_core_area"),
    path("<int:pk>/fokusomraader/", handling.tag, name="tag"),
]
