# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coordinator's import of the areas' outlines from a GeoJSON file: upload, preview the
matches (the file is kept meanwhile, core.files_kept), then save or choose another name
property. A file that cannot be read changes nothing and says why."""

from django.contrib import messages
from django.core.files.base import ContentFile
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lokalkontakt.areas import boundaries, selectors
from lokalkontakt.areas.forms import BoundaryPreviewForm, BoundaryUploadForm
from lokalkontakt.areas.services.boundaries import boundaries_save
from lokalkontakt.core.files_kept import files_discard, files_keep, files_kept, files_open
from lokalkontakt.core.permissions import coordinator_required

PREVIEW_LIMIT = 100  # names shown per list of the preview; the counts are complete


@coordinator_required
def boundaries_import(request):
    if request.method != "POST":
        return _page(request, {"upload_form": BoundaryUploadForm()})
    if "kept" in request.POST:
        kept = files_kept([request.POST["kept"]], user=request.user)
        if not kept:
            return _page(request, {"upload_form": BoundaryUploadForm(), "errors": [_(
                "The uploaded file is no longer kept; choose it again.")]}, status=400)
        with files_open(kept, user=request.user)[0] as file:
            content, name = file.read(), kept[0].name
    else:
        form = BoundaryUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return _page(request, {"upload_form": form}, status=400)
        upload = form.cleaned_data["file"]
        content, name, kept = upload.read(), upload.name, None
    try:
        features = boundaries.read(content)
    except boundaries.BoundariesRejected as rejected:
        if kept:
            files_discard(kept, user=request.user)
        return _page(request, {"upload_form": BoundaryUploadForm(), "errors": rejected.errors},
                     status=400)
    preview = boundaries.preview(features, areas=list(selectors.areas_for_boundaries()),
                                 key=request.POST.get("name_property", ""))
    if request.POST.get("action") == "confirm" and kept:
        changed = boundaries_save(
            outlines={m.area.pk: m.geometry for m in preview.matches}, actor=request.user,
            source=name)
        files_discard(kept, user=request.user)
        messages.success(request, _("Outlines saved: %(changed)d areas changed, %(matched)d "
                                    "matched in the file.") % {"changed": len(changed),
                                                               "matched": len(preview.matches)})
        return redirect("coordination:overview")
    if kept is None:
        kept = files_keep([ContentFile(content, name=name)], user=request.user)
    form = BoundaryPreviewForm(initial={"kept": kept[0].token, "name_property": preview.key},
                               keys=preview.keys)
    return _page(request, {"preview": preview, "preview_form": form, "file_name": name,
                           "limit": PREVIEW_LIMIT, "upload_form": BoundaryUploadForm()})


def _page(request, context: dict, status: int = 200):
    return render(request, "areas/boundaries_import.html", context, status=status)
