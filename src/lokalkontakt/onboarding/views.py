# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Onboarding: the coordinator keeps the checklist template and follows new contacts' progress;
a new contact ticks off their checklist on "Mine områder"."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lokalkontakt.core.forms import form_view
from lokalkontakt.core.permissions import coordinator_required, staff_required
from lokalkontakt.onboarding import selectors, services
from lokalkontakt.onboarding.forms import OnboardingStepForm


@coordinator_required
@require_GET
def progress(request):
    """The new contacts whose checklists are not complete, with how far they are."""
    return render(request, "onboarding/onboarding_progress.html",
                  {"assignments": selectors.onboarding_progress()})


@coordinator_required
@require_GET
def steps(request):
    return render(request, "onboarding/onboarding_steps.html", {"steps": selectors.onboarding_steps()})


@coordinator_required
@require_http_methods(["GET", "POST"])
def step_new(request):
    return form_view(
        request, form=OnboardingStepForm(request.POST or None),
        template="onboarding/onboarding_step_form.html", context={},
        save=lambda data: services.onboarding_step_save(actor=request.user, **data),
        success=lambda step: _("The step is saved."), redirect_to=lambda step: "onboarding:steps",
        invalid_status=400)


@coordinator_required
@require_http_methods(["GET", "POST"])
def step_edit(request, pk):
    step = selectors.onboarding_step_get(pk=pk)
    return form_view(
        request, form=OnboardingStepForm(request.POST or None,
                                         initial=OnboardingStepForm.initial_of(step)),
        template="onboarding/onboarding_step_form.html", context={"step": step},
        save=lambda data: services.onboarding_step_save(actor=request.user, step=step, **data),
        success=lambda saved: _("The step is saved."), redirect_to=lambda saved: "onboarding:steps",
        invalid_status=400)


@staff_required
@require_POST
def task_done(request, pk):
    """Tick a step of one's own checklist done, or (done=0) not done; back to where the form was
    (the `next` field, on this site only), by default "Mine områder"."""
    task = selectors.onboarding_task_get(user=request.user, pk=pk)
    done = request.POST.get("done") != "0"
    services.onboarding_task_set_done(task=task, actor=request.user, done=done)
    messages.success(request, (_("“%(title)s” is done.") if done
                               else _("“%(title)s” is open again.")) % {"title": task.title})
    return redirect(_next_url(request) or "mine")


def _next_url(request) -> str:
    url = request.POST.get("next", "")
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()},
                                               require_https=request.is_secure()):
        return url
    return ""
