# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Consultations: the requester's create form, lists and status page with exports; the task page
where an area's contact, the coordinator or a council member records the response."""

from collections import Counter

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lokalkontakt.consultations import exports, selectors, services
from lokalkontakt.consultations.forms import (
    ConsultationFilterForm,
    ConsultationForm,
    ResponseForm,
    TaskFilterForm,
)
from lokalkontakt.consultations.models import ConsultationTask
from lokalkontakt.core.accesslog import record
from lokalkontakt.core.accesslog.record import How
from lokalkontakt.core.files import attachment_response
from lokalkontakt.core.forms import apply_service_errors
from lokalkontakt.core.permissions import staff_or_council_required, staff_required
from lokalkontakt.core.recipients import reach_notice
from lokalkontakt.core.suggest.forms import kept_initial, offer_suggestions, wants_suggestions

PAGE_SIZE = 50
Status = ConsultationTask.Status


def _page(request, rows):
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("side"))
    params = request.GET.copy()
    params.pop("side", None)
    return page, params.urlencode()


@staff_required
@require_GET
def consultation_list(request):
    """Consultations I requested; all (every one for the coordinator)."""
    form = ConsultationFilterForm(request.GET or None)
    scope, status = "requested", "open"
    if form.is_valid():
        scope = form.cleaned_data["scope"] or scope
        status = form.cleaned_data["status"] or status
    page, querystring = _page(request, selectors.consultation_list(
        user=request.user, scope=scope, status=status))
    return render(request, "consultations/list.html",
                  {"form": form, "page": page, "querystring": querystring})


@staff_required
@require_GET
def task_list(request):
    """My consultation tasks: the areas I answer for, with deadlines."""
    form = TaskFilterForm(request.GET or None)
    status = (form.cleaned_data["status"] if form.is_valid() else "") or "open"
    page, querystring = _page(request, selectors.my_tasks(user=request.user, status=status))
    return render(request, "consultations/tasks.html",
                  {"form": form, "page": page, "querystring": querystring})


@staff_required
@require_http_methods(["GET", "POST"])
def create(request):
    form = ConsultationForm(request.POST or None, request.FILES or None)
    if wants_suggestions(request):  # show the form again with what was typed, not sent
        form = ConsultationForm(initial=kept_initial(form))
    elif request.method == "POST" and form.is_valid():
        try:
            consultation = services.consultation_create(actor=request.user,
                                                        **form.service_arguments())
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            notice = reach_notice(_("The consultation is sent to the local areas."),
                                  consultation.reach)
            messages.add_message(request, notice.level, notice)
            return redirect(consultation)
    offer_suggestions(form, form["title"].value() or "", form["description"].value() or "",
                      button=True)
    return render(request, "consultations/new.html", {"form": form},
                  status=400 if form.errors else 200)


@staff_required
@require_GET
def detail(request, pk):
    """The requester's status page: every area's status and response."""
    consultation = selectors.consultation_get(user=request.user, pk=pk)
    tasks = list(selectors.consultation_tasks(consultation=consultation))
    record(request, _responders(tasks))
    counts = Counter(task.status for task in tasks)
    return render(request, "consultations/detail.html", {
        "consultation": consultation, "tasks": tasks, "counts": {
            "waiting": counts[Status.WAITING], "responded": counts[Status.RESPONDED],
            "no_comments": counts[Status.NO_COMMENTS]},
        "events": selectors.consultation_events(consultation=consultation)})


@staff_required
@require_POST
def close(request, pk):
    consultation = selectors.consultation_get(user=request.user, pk=pk)
    try:
        services.consultation_close(consultation=consultation, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The consultation is closed."))
    return redirect(consultation)


@staff_required
@require_GET
def export_xlsx(request, pk):
    consultation = selectors.consultation_get(user=request.user, pk=pk)
    tasks = list(selectors.consultation_tasks(consultation=consultation))
    record(request, _responders(tasks), how=How.EXPORT)
    return exports.consultation_workbook_response(consultation, tasks)


@staff_required
@require_GET
def printable(request, pk):
    consultation = selectors.consultation_get(user=request.user, pk=pk)
    tasks = list(selectors.consultation_tasks(consultation=consultation))
    record(request, _responders(tasks))
    return render(request, "consultations/print.html", {
        "consultation": consultation,
        "tasks": tasks})


@staff_or_council_required
@require_http_methods(["GET", "POST"])
def task(request, pk):
    """One area's task: the consultation and, for those who answer for the area, the response
    form. A POST by anyone else answers 404."""
    if request.method == "POST":
        task = selectors.task_for_response(user=request.user, pk=pk)
        form = ResponseForm(request.POST, request.FILES, task=task)
        if form.is_valid():
            try:
                services.task_respond(task=task, actor=request.user, **form.service_arguments())
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(request, _("The response is saved."))
                return redirect(task)
    else:
        task = selectors.task_get(user=request.user, pk=pk)
        form = ResponseForm(task=task, initial=_initial(task))
    record(request, _responders([task]))
    return render(request, "consultations/task.html", {"task": task, "form": form},
                  status=400 if form.errors else 200)


def _initial(task) -> dict:
    if not task.has_response:
        return {}
    return {"kind": "no_comments" if task.status == task.Status.NO_COMMENTS else "response",
            "response": task.response, "heard": task.heard}


@staff_or_council_required
@require_GET
def attachment(request, pk):
    return attachment_response(selectors.attachment_get(user=request.user, pk=pk))


def _responders(tasks) -> list:
    """The council members who answered these tasks: their names are shown (access log)."""
    return [getattr(task.responded_by, "council_member", None) for task in tasks
            if task.responded_by is not None]
