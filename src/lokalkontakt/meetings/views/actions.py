# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Action items: "Mine opfølgningspunkter" (the coordinator also sees everyone's), an item's page
with its history, recording one at a meeting, and moving one on."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from lokalkontakt.core.forms import form_view
from lokalkontakt.core.permissions import coordinator_required, staff_required
from lokalkontakt.core.recipients import reach_notice
from lokalkontakt.meetings import kept, permissions, selectors
from lokalkontakt.meetings.forms import ActionFilterForm, ActionForm, ActionUpdateForm
from lokalkontakt.meetings.services.actions import action_create, action_update
from lokalkontakt.meetings.views.meeting_page import action_rows
from lokalkontakt.people.permissions import active_employee

PAGE_SIZE = 50


@staff_required
@require_GET
def action_list(request):
    form = ActionFilterForm(request.GET or None)
    if not permissions.can_see_everyones_actions(request.user):
        del form.fields["scope"]
    scope, status = "mine", "open"
    if form.is_valid():
        scope = form.cleaned_data.get("scope") or scope
        status = form.cleaned_data["status"] or status
    everyone = scope == "all" and permissions.can_see_everyones_actions(request.user)
    employee = active_employee(request.user)
    if everyone or employee is not None:
        items = selectors.action_items(owner=None if everyone else employee, status=status)
    else:
        items = selectors.action_items(status=status).none()
    whose = "all" if everyone else getattr(employee, "pk", "none")
    page, table = kept.action_page(
        kept.Kept("actions", whose, status, chosen=True), items, request.GET.get("side"), PAGE_SIZE,
        lambda shown: action_rows(shown, with_meeting=True))
    params = request.GET.copy()
    params.pop("side", None)
    return render(request, "meetings/actions.html", {
        "form": form, "page": page, "table": table, "everyone": everyone,
        "querystring": params.urlencode()})


@staff_required
@require_http_methods(["GET", "POST"])
def action_detail(request, pk):
    """An action item with its history; its owner and the coordinator move it on here."""
    action = permissions.access_action(user=request.user, pk=pk,
                                       to_change=request.method == "POST")
    may_change = permissions.can_change_action(request.user, action)
    form = ActionUpdateForm(request.POST or None,
                            coordinator=permissions.can_reassign_action(request.user), initial={
        "status": action.status, "owner": action.owner_id, "due_on": action.due_on})
    return form_view(
        request, form=form, template="meetings/action.html",
        context={"action": action, "may_change": may_change,
                 "history": selectors.action_history(action=action)},
        save=lambda data: action_update(action=action, actor=request.user, **data),
        success=lambda saved: reach_notice(_("The action item is saved."), saved.reach),
        redirect_to=lambda saved: saved, invalid_status=400)


@coordinator_required
@require_http_methods(["GET", "POST"])
def action_new(request, pk):
    meeting = selectors.meeting_get(pk=pk)
    form = ActionForm(request.POST or None, meeting=meeting,
                      initial={"agenda_item": request.GET.get("punkt")})
    return form_view(
        request, form=form, template="meetings/action_form.html", context={"meeting": meeting},
        save=lambda data: action_create(meeting=meeting, actor=request.user, **data),
        success=lambda action: reach_notice(_("The action item is saved."), action.reach),
        redirect_to=lambda _action: meeting, invalid_status=400)
