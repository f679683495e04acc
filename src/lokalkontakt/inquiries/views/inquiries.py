# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The staff's list of inquiries and the inquiry page; file downloads behind the same visibility
rules."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from lokalkontakt.core.accesslog import record
from lokalkontakt.core.accesslog.record import How, record_references
from lokalkontakt.core.exports.respond import export_response, rows_capped
from lokalkontakt.core.files import attachment_response
from lokalkontakt.core.permissions import staff_required
from lokalkontakt.core.suggest.forms import offer_suggestions
from lokalkontakt.inquiries import selectors, tables
from lokalkontakt.inquiries.emails import submitter_address
from lokalkontakt.inquiries.forms import (
    CloseForm,
    CoreAreaForwardForm,
    FocusAreasForm,
    ForwardForm,
    ListFilterForm,
    MessageWithFilesForm,
    ReplyForm,
)


@staff_required
@require_GET
def inquiry_list(request):
    form = ListFilterForm(request.GET or None)
    filters = form.filters()
    inquiries = selectors.inquiry_list(user=request.user, **filters)
    paginator = Paginator(inquiries, 50)
    paginator.count = selectors.inquiry_count(user=request.user, **filters)
    page = paginator.get_page(request.GET.get("side"))
    tables.list_rows(page.object_list)
    params = request.GET.copy()
    params.pop("side", None)
    return render(request, "inquiries/list.html", {
        "form": form, "page": page, "querystring": params.urlencode(),
        **_in_my_areas(request, filters, empty=not page.paginator.count)})


@staff_required
@require_GET
def export(request):
    """The list as filtered, as a spreadsheet (without the submitters' personal data); a large
    one is prepared by the worker (core.exports)."""
    filters = ListFilterForm(request.GET or None).filters()
    return export_response(request, name="inquiries.list", params=filters, rows=rows_capped(
        selectors.inquiry_list(user=request.user, **filters)))


def _in_my_areas(request, filters: dict, *, empty: bool) -> dict:
    """When "Mine" is empty: how many the same filters find in the user's areas, and the link
    to them (a deputy contact's inquiries are there, not under "Mine"). Only employees cover
    areas."""
    mine = filters.get("scope", "mine") == "mine"
    if not (empty and mine and hasattr(request.user, "employee")):
        return {}
    count = selectors.inquiry_count(user=request.user, **{**filters, "scope": "areas"})
    params = request.GET.copy()
    params.pop("side", None)
    params["scope"] = "areas"
    return {"areas_count": count, "areas_querystring": params.urlencode()}


def detail_page(request, inquiry, *, status=200, extra=None, **bound_forms):
    """The inquiry page; an action whose input was refused passes its bound form (status 400),
    a preview its bound form and the preview in `extra` (views.replies)."""
    inquiry.deadline_state = selectors.deadline_state(inquiry)
    forms = {
        "reply_form": ReplyForm(prefix="reply"),
        "comment_form": MessageWithFilesForm(prefix="comment"), "close_form": CloseForm(),
        "forward_form": ForwardForm(prefix="forward"),
        "core_area_form": CoreAreaForwardForm(prefix="corearea"),
        "focus_form": FocusAreasForm(initial={"focus_areas": list(inquiry.focus_areas.all())}),
        **bound_forms}
    invalid = next(iter(bound_forms.values()), None)
    offer_suggestions(forms["focus_form"], inquiry.subject, inquiry.text)
    record(request, [inquiry])  # the submitter's name and contact details
    return render(request, "inquiries/detail.html",
                  {"inquiry": inquiry, "invalid_form": invalid, **forms, **(extra or {}),
                   "submitter_address": submitter_address(inquiry)}, status=status)


@staff_required
@require_GET
def detail(request, pk):
    return detail_page(request, selectors.inquiry_get(user=request.user, pk=pk))


@staff_required
@require_GET
def download(request, pk, attachment_pk):
    """A file of an inquiry the user may see."""
    attachment = selectors.attachment_get(user=request.user, pk=pk, attachment_pk=attachment_pk)
    record_references(request, [("inquiries.inquiry", pk)], how=How.DOWNLOAD)
    return attachment_response(attachment)
