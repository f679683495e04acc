# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The guides: the page for citizens and councils (anyone), the page for staff, and the
coordinator's editing (with a preview that works without JavaScript), history and old versions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from lokalkontakt.core.forms import apply_service_errors
from lokalkontakt.core.http import public
from lokalkontakt.core.markdown import render_markdown
from lokalkontakt.core.permissions import coordinator_required, staff_required
from lokalkontakt.guides import selectors
from lokalkontakt.guides.forms import GuideForm
from lokalkontakt.guides.models import URL_NAMES, Guide
from lokalkontakt.guides.services import guide_save

# A guide's text is the page under its h1: its sections are h2, their parts h3.
GUIDE_HEADINGS = ("h2", "h3")


def _page(request, audience: str):
    guide = selectors.guide_for(audience=audience)
    return render(request, "guides/guide.html", {
        "guide": guide, "html": render_markdown(guide.body, headings=GUIDE_HEADINGS),
        "urls": URL_NAMES[audience],
        "for_staff": audience == Guide.Audience.STAFF})


@public
@require_GET
def public_guide(request):
    return _page(request, Guide.Audience.PUBLIC)


@staff_required
@require_GET
def staff_guide(request):
    return _page(request, Guide.Audience.STAFF)


@coordinator_required
@require_http_methods(["GET", "POST"])
def edit(request, audience):
    """The form; "Vis" (preview) posts it back and shows the text as it will read, unsaved."""
    guide = selectors.guide_for(audience=audience)
    form = GuideForm(request.POST or None, initial={"title": guide.title, "body": guide.body})
    preview = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if "preview" in request.POST:
            preview = render_markdown(data["body"], headings=GUIDE_HEADINGS)
        else:
            try:
                guide = guide_save(actor=request.user, audience=audience, **data)
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(request, _("The guide is saved."))
                return redirect(guide)
    return render(request, "guides/edit.html", {
        "guide": guide, "form": form, "preview": preview, "urls": URL_NAMES[audience]},
        status=400 if form.errors else 200)


@coordinator_required
@require_GET
def history(request, audience):
    guide = selectors.guide_for(audience=audience)
    return render(request, "guides/history.html", {
        "guide": guide, "history": selectors.guide_history(guide=guide),
        "rows": selectors.HISTORY_ROWS, "urls": URL_NAMES[audience]})


@coordinator_required
@require_GET
def version(request, audience, history_id):
    record = selectors.guide_version_get(audience=audience, history_id=history_id)
    return render(request, "guides/version.html", {
        "record": record, "html": render_markdown(record.body, headings=GUIDE_HEADINGS),
        "urls": URL_NAMES[audience]})
