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
from lokalkontakt.core.roles import council_area_of
from lokalkontakt.inquiries import selectors
from lokalkontakt.inquiries.forms import CouncilInquiryForm
from lokalkontakt.inquiries.models import Inquiry
from lokalkontakt.inquiries.views.public import submit


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


@council_required
def council_new(request):
    """A council member writes to their area's contact as the local council, with their name and
    address filled in from the membership; the receipt page follows, as on the public form."""
    member, area = request.user.council_member, council_area_of(request.user)
    council = member.council
    # Members have no phone of their own on record; the chair's is the council's.
    phone = council.chair_phone if member.email and member.email == council.chair_email else ""
    form = CouncilInquiryForm(request.POST or None, request.FILES or None, initial={
        "submitter_name": member.name, "submitter_email": member.email, "submitter_phone": phone})
    council_kind = Inquiry.SubmitterKind.COUNCIL
    if request.method == "POST" and form.is_valid() and (
            response := submit(request, form, area=area, submitter_kind=council_kind)):
        return response
    return render(request, "inquiries/council_new.html", {"form": form, "area": area},
                  status=400 if form.errors else 200)
