# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A local council's members follow their area's inquiries: the public side only, never the
submitter's contact details or files, internal steps or internal files."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from lokalkontakt.core.accesslog import record
from lokalkontakt.core.files import attachment_response
from lokalkontakt.core.permissions import council_required
from lokalkontakt.inquiries import selectors


@council_required
@require_GET
def council_list(request):
    inquiries = selectors.inquiries_for_council(user=request.user)
    page = Paginator(inquiries, 50).get_page(request.GET.get("side"))
    return render(request, "inquiries/council_list.html", {"page": page, "querystring": ""})


@council_required
@require_GET
def council_detail(request, pk):
    inquiry = selectors.council_inquiry_get(user=request.user, pk=pk)
    record(request, [inquiry])  # the submitter's message (never their name or address)
    return render(request, "inquiries/council_detail.html", {
        "inquiry": inquiry, "events": selectors.council_events(inquiry)})


@council_required
@require_GET
def council_file(request, pk, attachment_pk):
    """A file staff attached to a public reply on one of the council's area's inquiries."""
    inquiry = selectors.council_inquiry_get(user=request.user, pk=pk)
    return attachment_response(selectors.council_attachment_get(inquiry=inquiry,
                                                                attachment_pk=attachment_pk))
