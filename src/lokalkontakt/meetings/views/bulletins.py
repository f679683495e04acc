# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Bulletins from the coordinator: the list, one bulletin, sending one."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from lokalkontakt.core.forms import form_view
from lokalkontakt.core.markdown import render_markdown
from lokalkontakt.core.permissions import coordinator_required, staff_required
from lokalkontakt.core.recipients import no_email_warnings, reach_notice
from lokalkontakt.meetings import selectors
from lokalkontakt.meetings.forms import BulletinForm
from lokalkontakt.meetings.models import Bulletin
from lokalkontakt.meetings.services.bulletins import bulletin_recipients, bulletin_send

PAGE_SIZE = 25



@staff_required
@require_GET
def bulletin_list(request):
    page = Paginator(selectors.bulletin_list(user=request.user), PAGE_SIZE).get_page(
        request.GET.get("side"))
    return render(request, "meetings/bulletins.html", {"page": page, "querystring": ""})


@staff_required
@require_GET
def bulletin_detail(request, pk):
    bulletin = selectors.bulletin_get(user=request.user, pk=pk)
    return render(request, "meetings/bulletin.html",
                  {"bulletin": bulletin, "html": render_markdown(bulletin.text)})


@coordinator_required
@require_http_methods(["GET", "POST"])
def bulletin_new(request):
    """The form shows how many each audience reaches and, before sending, who of them has no
    e-mail address: the contacts, and the other staff for a bulletin to all staff (a query per
    audience for the count and one for those without an address)."""
    audiences = {audience: bulletin_recipients(audience=audience)
                 for audience in Bulletin.Audience.values}
    form = BulletinForm(request.POST or None,
                        counts={audience: people.count() for audience, people in audiences.items()})
    contacts_without = audiences[Bulletin.Audience.CONTACTS].filter(email="")
    # For all staff, only those the contacts' warning does not already name.
    others_without = audiences[Bulletin.Audience.STAFF].filter(email="").exclude(
        pk__in=contacts_without.values("pk"))
    return form_view(
        request, form=form, template="meetings/bulletin_form.html",
        context={"no_email_warnings": no_email_warnings(contacts_without),
                 "staff_no_email_warnings": no_email_warnings(others_without)},
        save=lambda data: bulletin_send(actor=request.user, **data),
        success=lambda bulletin: reach_notice(_sent_text(bulletin), bulletin.reach),
        redirect_to=lambda bulletin: bulletin, invalid_status=400)


def _sent_text(bulletin) -> str:
    count = len(bulletin.reach.sent) + len(bulletin.reach.missed)
    if bulletin.audience == Bulletin.Audience.STAFF:
        return ngettext("The bulletin is sent to %(count)d employee.",
                        "The bulletin is sent to %(count)d employees.", count) % {"count": count}
    return ngettext("The bulletin is on the front page of %(count)d contact.",
                    "The bulletin is on the front page of %(count)d contacts.",
                    count) % {"count": count}
