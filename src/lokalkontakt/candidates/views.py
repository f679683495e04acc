# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Candidates for the contact role: a core-area leader's staff ("Mine medarbejdere") with who is a
contact and the time it costs, nominating and withdrawing; the coordinator's nominations with the
decision, requests for candidates to the leaders, and suggestions for an area without a contact."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.candidates import selectors, services, tables
from lokalkontakt.candidates.forms import (
    CandidateRequestForm,
    DecisionForm,
    NominationForm,
    StaffFilterForm,
)
from lokalkontakt.candidates.permissions import nominations_visible_to
from lokalkontakt.candidates.suggestions.kept import kept_suggestions
from lokalkontakt.core.forms import apply_service_errors, form_view
from lokalkontakt.core.permissions import coordinator_required, staff_required
from lokalkontakt.core.recipients import reach_notice
from lokalkontakt.people.permissions import active_employee

PAGE_SIZE = 50
# The staff page shows the first nominations and how many there are; "Vis alle" pages them all.
NOMINATIONS_ON_STAFF_PAGE = 10


def _require_leader(request) -> None:
    """Core-area leaders and the coordinator (core.see_capacity); 403 for everyone else."""
    if not request.user.has_perm("core.see_capacity"):
        raise PermissionDenied


def _querystring(request) -> str:
    params = request.GET.copy()
    params.pop("side", None)
    return params.urlencode()


@staff_required
@require_GET
def staff(request):
    """My staff: who is a contact (areas, role, since), their time this year against the band,
    and the nominations of the core areas shown."""
    _require_leader(request)
    visible = selectors.core_areas_to_see(request.user)
    form = StaffFilterForm(request.GET or None, core_areas=visible[0])
    core_area = form.cleaned_data["core_area"] if form.is_valid() else None
    overview = selectors.staff_overview(user=request.user, today=timezone.localdate(),
                                        core_area=core_area, visible=visible)
    page = Paginator(overview.staff, PAGE_SIZE).get_page(request.GET.get("side"))
    page.object_list = selectors.staff_page(overview, page.object_list)
    tables.staff_rows(page.object_list, overview.band)
    nominations = nominations_visible_to(request.user).filter(core_area__in=overview.core_areas)
    return render(request, "candidates/candidates_staff.html", {
        "form": form, "overview": overview, "page": page, "querystring": _querystring(request),
        "show_filter": len(overview.may_see) > 1,
        "nominations": tables.nomination_rows(selectors.nominations_with_areas(
            selectors.nomination_values(nominations)[:NOMINATIONS_ON_STAFF_PAGE])),
        "nomination_count": nominations.count(),
        "requests": selectors.requests_to(employee=active_employee(request.user))})


@staff_required
@require_http_methods(["GET", "POST"])
def new(request):
    """Nominate one of the staff of a core area one leads, for named areas or none."""
    _require_leader(request)
    initial = {"employee": request.GET.get("medarbejder")}
    if slug := request.GET.get("omraade"):
        initial["areas"] = list(LocalArea.objects.filter(slug=slug).values_list("pk", flat=True))
    form = NominationForm(request.POST or None, user=request.user, initial=initial)
    return form_view(
        request, form=form, template="candidates/nomination_form.html", context={},
        save=lambda data: services.nomination_create(actor=request.user, **data),
        success=lambda nomination: reach_notice(_("%(name)s is nominated.") % {
            "name": nomination.employee.name}, nomination.reach),
        redirect_to=lambda nomination: "nominations:staff", invalid_status=400)


@staff_required
@require_POST
def withdraw(request, pk):
    nomination = get_object_or_404(nominations_visible_to(request.user), pk=pk)
    try:
        services.nomination_withdraw(actor=request.user, nomination=nomination)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The nomination of %(name)s is withdrawn.") % {
            "name": nomination.employee.name})
    return redirect("nominations:staff")


@staff_required
@require_GET
def nomination_list(request):
    """Every nomination the user may see, open ones first, 50 a page: the coordinator's all, a
    leader's those of the core areas they lead (the staff page shows the first of them)."""
    _require_leader(request)
    page = Paginator(selectors.nomination_values(nominations_visible_to(request.user)),
                     PAGE_SIZE).get_page(request.GET.get("side"))
    page.object_list = tables.nomination_rows(selectors.nominations_with_areas(page.object_list))
    return render(request, "candidates/nomination_list.html", {"page": page})


def _after_decision(nomination, form) -> str:
    area = form.cleaned_data.get("area")
    if form.accepted and area is not None:
        return (reverse("coordination:assign", kwargs={"slug": area.slug}) + "?"
                + urlencode({"medarbejder": nomination.employee_id}))
    return reverse("nominations:list")


def _initial_area(request, nomination):
    """The area asked for (?omraade=), else the first area without a contact the nomination
    names."""
    if slug := request.GET.get("omraade"):
        areas = LocalArea.objects.filter(slug=slug)
    else:
        areas = nomination.areas.filter(pk__in=selectors.areas_without_contact())
    return areas.order_by("sort_name").values_list("pk", flat=True).first()


@coordinator_required
@require_http_methods(["GET", "POST"])
def decide(request, pk):
    """Accept a nomination (and go on to assign the employee in an area) or mark it not chosen."""
    nomination = get_object_or_404(nominations_visible_to(request.user), pk=pk)
    initial = {"decision": request.GET.get("beslutning", DecisionForm.ACCEPT),
               "area": _initial_area(request, nomination)}
    form = DecisionForm(request.POST or None, nomination=nomination, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            decided = services.nomination_decide(
                actor=request.user, nomination=nomination, accept=form.accepted,
                note=form.cleaned_data["note"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            text = reach_notice((_("The nomination of %(name)s is accepted.") if form.accepted
                                 else _("%(name)s is marked not chosen."))
                                % {"name": nomination.employee.name}, decided.reach)
            messages.add_message(request, text.level, text)
            return redirect(_after_decision(nomination, form))
    return render(request, "candidates/nomination_decide.html",
                  {"nomination": nomination, "form": form}, status=400 if form.errors else 200)


@coordinator_required
@require_GET
def requests(request):
    """The requests for candidates sent to the leaders, with how many nominations each brought."""
    page = Paginator(selectors.candidate_requests(), PAGE_SIZE).get_page(request.GET.get("side"))
    return render(request, "candidates/candidates_requests.html", {"page": page})


def _sent(candidate_request) -> str:
    return reach_notice(_("The request for candidates is saved."), candidate_request.reach)


@coordinator_required
@require_http_methods(["GET", "POST"])
def request_new(request):
    """Ask the leaders for candidates: by default the areas without a contact whose council is
    interested or has not answered, and every leader; core areas without a leader are named."""
    initial = {"areas": list(selectors.request_default_areas().values_list("pk", flat=True)),
               "leaders": list(selectors.leaders().values_list("pk", flat=True))}
    form = CandidateRequestForm(request.POST or None, initial=initial)
    return form_view(
        request, form=form, template="candidates/candidates_request_form.html",
        context={"without_leaders": list(selectors.core_areas_without_leaders())},
        save=lambda data: services.candidate_request_send(actor=request.user, **data),
        success=_sent, redirect_to=lambda _request: "nominations:requests", invalid_status=400)


# The best this many are shown: with every current contact a candidate, a large municipality
# has a thousand of them; the database ranks them all and only these are loaded (issue 20).
SUGGESTIONS_SHOWN = 20


@coordinator_required
@require_GET
def suggestions(request, slug):
    """Who could take an area without a contact, best first, with the reasons (kept while
    their data are unchanged: suggestions.kept)."""
    area = get_object_or_404(LocalArea.objects.annotate(has_contact=selectors.has_primary()),
                             slug=slug)
    ranking = kept_suggestions(area=area, limit=SUGGESTIONS_SHOWN)
    tables.suggestion_rows(ranking.suggestions, area)
    return render(request, "candidates/candidates_suggestions.html", {
        "area": area, "suggestions": ranking.suggestions, "total": ranking.total})
