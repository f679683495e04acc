# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The inquiries' parts of shared pages (registered in apps.py)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lokalkontakt.core.registry import Panel, start_block
from lokalkontakt.inquiries.models import Inquiry
from lokalkontakt.inquiries.selectors import (
    deadline_state,
    inquiries_assigned,
    inquiries_for_council,
    inquiries_forwarded,
    inquiries_overdue,
    inquiries_visible_to,
    inquiries_waiting_for_coordinator,
    inquiry_workload,
)

COUNCIL_HOME_LIMIT = 10
BRIEFING_INQUIRIES = 25


def council_home(request, *, area) -> dict:
    """The latest inquiries about the council member's area that are shared with the council
    (one row more says "there are more")."""
    inquiries = list(inquiries_for_council(user=request.user)[:COUNCIL_HOME_LIMIT + 1])
    return {"inquiries": inquiries[:COUNCIL_HOME_LIMIT], "limit": COUNCIL_HOME_LIMIT,
            "more": len(inquiries) > COUNCIL_HOME_LIMIT}


council_home_panel = Panel(template="inquiries/_council_home.html", context=council_home)


def area_inquiries(request, *, area):
    """Staff reach the area's inquiries and register one about it from the area page (links
    only: no query)."""
    return {} if request.user.has_perm("core.view_internal") else None


def mine_workload(request, *, employee):
    return {"inquiries": inquiry_workload(user=request.user)}


def briefing_inquiries(user, *, area):
    """The briefing pack's open inquiries about the area that the reader may see, the soonest
    answer first; listed by reference and subject, without the submitter's name or address."""
    open_inquiries = (inquiries_visible_to(user=user).filter(area=area)
                      .exclude(status=Inquiry.Status.CLOSED))
    inquiries = list(open_inquiries.order_by("answer_due", "pk")[:BRIEFING_INQUIRIES])
    return {"inquiries": inquiries, "more_inquiries": open_inquiries.count() - len(inquiries)}


# --- the start pages (workspace): each a StartBlock, rows rendered by _start_row.html ----------


# What a start page's row shows of an inquiry (inquiries/_start_row.html and its includes).
START_ROW_FIELDS = ("subject", "status", "acknowledge_due", "answer_due", "area__name",
                    "assignee__name")


def _block(inquiries, **kwargs) -> dict:
    context = start_block(inquiries.only(*START_ROW_FIELDS), **kwargs)
    for inquiry in context["block"].rows:
        inquiry.deadline_state = deadline_state(inquiry)
    return context


def coordinator_waiting(request, *, employee):
    """Inquiries nobody else can answer: no handler, or one who left, has no e-mail or login."""
    return _block(inquiries_waiting_for_coordinator(), title=_("Inquiries waiting for you"),
                  url=reverse("inquiries:waiting"),
                  link_text=_("All inquiries waiting for the coordinator"))


def coordinator_overdue(request, *, employee):
    return _block(inquiries_overdue(), title=_("Overdue inquiries"),
                  url=reverse("inquiries:list") + "?scope=all&status=open&sort=due",
                  link_text=_("All open inquiries, the earliest deadline first"))


def colleague_assigned(request, *, employee):
    return _block(inquiries_assigned(employee=employee), title=_("Inquiries you handle"),
                  url=reverse("inquiries:list") + "?scope=mine&status=open",
                  link_text=_("All your open inquiries"))


def colleague_forwarded(request, *, employee):
    return _block(inquiries_forwarded(employee=employee),
                  title=_("Forwarded to you or your core area"),
                  url=reverse("inquiries:list") + "?scope=mine&status=open",
                  link_text=_("All your open inquiries"))
