# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coordinator's list of the inquiries nobody else can answer (the full list behind the start
page's "Inquiries waiting for you")."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from lokalkontakt.core.permissions import coordinator_required
from lokalkontakt.inquiries import selectors, tables

PAGE_SIZE = 50


@coordinator_required
@require_GET
def waiting(request):
    """No handler, or a handler who has left, has no e-mail address or cannot sign in: the
    soonest answer date first, 50 a page."""
    inquiries = selectors.inquiries_waiting_for_coordinator()
    # The page's keys first, ordered from an index alone, then those 50 rows (issue 20: sorting
    # every waiting row whole took 20-30 ms at 100,000 inquiries).
    page = Paginator(inquiries.values_list("pk", flat=True), PAGE_SIZE).get_page(
        request.GET.get("side"))
    rows = {inquiry.pk: inquiry for inquiry in inquiries.filter(pk__in=list(page.object_list))}
    page.object_list = [rows[pk] for pk in page.object_list if pk in rows]
    tables.waiting_rows(page.object_list)
    return render(request, "inquiries/waiting.html", {"page": page, "querystring": ""})
