# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The consultations' parts of shared pages (registered in apps.py)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lokalkontakt.consultations.models import Consultation, ConsultationTask
from lokalkontakt.consultations.selectors import (
    consultation_tasks_for_council,
    consultations_past_deadline,
    consultations_requested_open,
    task_workload,
    tasks_visible_to,
)
from lokalkontakt.core.registry import Panel, start_block

COUNCIL_HOME_LIMIT = 10


def council_home(request, *, area) -> dict:
    """The first consultation tasks of the council member's area, open consultations first (one
    row more says "there are more")."""
    tasks = list(consultation_tasks_for_council(user=request.user)[:COUNCIL_HOME_LIMIT + 1])
    return {"tasks": tasks[:COUNCIL_HOME_LIMIT], "limit": COUNCIL_HOME_LIMIT,
            "more": len(tasks) > COUNCIL_HOME_LIMIT}


council_home_panel = Panel(template="consultations/_council_home.html", context=council_home)


def mine_workload(request, *, employee):
    return {"tasks": task_workload(user=request.user)}


def briefing_consultations(user, *, area):
    """The area's tasks the reader may see that still wait for a response in open
    consultations, by deadline."""
    return {"tasks": list(tasks_visible_to(user=user)
                          .filter(area=area, status=ConsultationTask.Status.WAITING,
                                  consultation__status=Consultation.Status.OPEN)
                          .select_related("consultation__requested_by", "handler")
                          .order_by("consultation__deadline", "pk"))}


# --- the start pages (workspace): each a StartBlock, rows rendered by _start_row.html ----------


def _start_rows(consultations):
    """Only what a start page's row shows (consultations/_start_row.html): not who asked."""
    return consultations.select_related(None).only("title", "deadline")


def coordinator_past_deadline(request, *, employee):
    return start_block(_start_rows(consultations_past_deadline()),
                       title=_("Consultations past their deadline"),
                       url=reverse("consultations:list") + "?scope=all&status=open",
                       link_text=_("All open consultations"))


def colleague_requested(request, *, employee):
    return start_block(_start_rows(consultations_requested_open(employee=employee)),
                       title=_("Consultations you asked for"),
                       url=reverse("consultations:list") + "?scope=requested&status=open",
                       link_text=_("All your open consultations"))
