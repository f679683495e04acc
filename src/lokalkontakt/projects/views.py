# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Development projects: the list and a project's page for staff; the coordinator starts them,
the coordinator and the lead keep them up to date with their milestones."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lokalkontakt.core.forms import form_view
from lokalkontakt.core.permissions import coordinator_required, staff_required
from lokalkontakt.projects import permissions, selectors, services
from lokalkontakt.projects.forms import MilestoneForm, ProjectFilterForm, ProjectForm


@staff_required
@require_GET
def project_list(request):
    form = ProjectFilterForm(request.GET or None)
    status = form.cleaned_data["status"] if form.is_valid() else ""
    return render(request, "projects/list.html",
                  {"form": form, "projects": selectors.project_list(status=status)})


@staff_required
@require_GET
def detail(request, pk):
    project = selectors.project_get(pk=pk)
    may_edit = permissions.can_edit_project(request.user, project)
    return render(request, "projects/detail.html", {
        "project": project, "may_edit": may_edit, "history": selectors.project_history(
            project=project)[:20],
        "milestone_form": MilestoneForm() if may_edit else None})


@coordinator_required
@require_http_methods(["GET", "POST"])
def create(request):
    return form_view(
        request, form=ProjectForm(request.POST or None), template="projects/form.html",
        context={}, save=lambda data: services.project_save(actor=request.user, **data),
        success=lambda project: _("The project is saved."), redirect_to=lambda project: project,
        invalid_status=400)


@staff_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    project = permissions.access_project_to_edit(user=request.user, pk=pk)
    return form_view(
        request, form=ProjectForm(request.POST or None, initial=ProjectForm.initial_of(project)),
        template="projects/form.html", context={"project": project},
        save=lambda data: services.project_save(actor=request.user, project=project, **data),
        success=lambda _project: _("The project is saved."), redirect_to=lambda saved: saved,
        invalid_status=400)


@staff_required
@require_POST
def milestone_new(request, pk):
    project = permissions.access_project_to_edit(user=request.user, pk=pk)
    form = MilestoneForm(request.POST)
    if not form.is_valid():
        return render(request, "projects/detail.html", {
            "project": project, "may_edit": True, "milestone_form": form,
            "history": selectors.project_history(project=project)[:20]}, status=400)
    services.milestone_add(project=project, actor=request.user, **form.cleaned_data)
    messages.success(request, _("The milestone is added."))
    return redirect(project)


@staff_required
@require_POST
def milestone_done(request, pk):
    """Mark a milestone done today, or (done=0) not done."""
    milestone = permissions.access_milestone_to_change(user=request.user, pk=pk)
    done = request.POST.get("done") != "0"
    services.milestone_set_done(milestone=milestone, actor=request.user,
                                done_on=timezone.localdate() if done else None)
    messages.success(request, _("The milestone is marked done.") if done
                     else _("The milestone is open again."))
    return redirect(milestone.project)
