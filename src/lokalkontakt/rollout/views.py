# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The rollout ("Udrulning"): the plan and the need for contacts, and the areas' invitations and
answers. Staff read; only the coordinator changes anything."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lokalkontakt.areas.models import Coverage
from lokalkontakt.core.exports.respond import export_response, rows_capped
from lokalkontakt.core.forms import apply_service_errors, form_view
from lokalkontakt.core.links import url_of
from lokalkontakt.core.permissions import coordinator_required, staff_required
from lokalkontakt.core.text import short_date
from lokalkontakt.rollout import exports, kept, permissions, selectors, services, tables
from lokalkontakt.rollout.forms import (
    AnswerFilterForm,
    InvitationsForm,
    MilestoneForm,
    StandardPlanForm,
)
from lokalkontakt.rollout.models import RolloutMilestone

PAGE_SIZE = 50
NEED_LIST_LIMIT = 10  # the overview's first rows of each list; "Show all" leads to the rest
FILTERS = ("answer", "lacking")  # the areas page's filter parameters, kept when paging


def month_period(start: datetime.date, end: datetime.date) -> str:
    """A planned period by month in the reader's language: "november 2019",
    "marts – april 2020", "december 2019 – januar 2020"."""
    if (start.year, start.month) == (end.year, end.month):
        return formats.date_format(start, "YEAR_MONTH_FORMAT")
    if start.year == end.year:
        return f"{formats.date_format(start, 'F')} – {formats.date_format(end, 'YEAR_MONTH_FORMAT')}"
    return (f"{formats.date_format(start, 'YEAR_MONTH_FORMAT')} – "
            f"{formats.date_format(end, 'YEAR_MONTH_FORMAT')}")


def _plan(*, may_coordinate: bool):
    """The plan's steps with their periods and, for the coordinator, their buttons' links and
    labels, worked out once for the table (the template's msgids) rather than in every row."""
    plan = selectors.rollout_plan()
    status_url, edit_url = url_of("rollout:milestone_status"), url_of("rollout:milestone_edit")
    labels = {"start_label": _("Start <span class=\"sr-only\">“%(title)s”</span>"),
              "done_label": _("Mark done <span class=\"sr-only\">“%(title)s”</span>"),
              "open_label": _("Open again <span class=\"sr-only\">“%(title)s”</span>"),
              "edit_label": _("Edit <span class=\"sr-only\">“%(title)s”</span>")}
    for milestone in plan:
        milestone.period = month_period(milestone.planned_from, milestone.planned_to)
        if may_coordinate:
            milestone.status_url, milestone.edit_url = status_url(milestone.pk), edit_url(milestone.pk)
            title = {"title": escape(milestone.title)}
            for name, label in labels.items():
                setattr(milestone, name, mark_safe(label % title))  # noqa: S308 (escaped)
    return plan


def _need(*, may_coordinate: bool):
    """The need, its listed areas with their links, status and answer date worked out once."""
    need = selectors.rollout_need(limit=NEED_LIST_LIMIT, with_candidates=may_coordinate)
    area_url = url_of("areas:detail", "slug")
    suggestions_url = url_of("nominations:suggestions", "slug")
    suggestions = _("Suggestions <span class=\"sr-only\">for %(name)s</span>")
    for area in need.areas:
        area["url"], area["answered"] = area_url(area["slug"]), _date(area["participation_date"])
        area["coverage"] = Coverage.HANDOVER if area["handover_pending"] else Coverage.UNCOVERED
        if may_coordinate:
            area["suggestions_url"] = suggestions_url(area["slug"])
            area["suggestions_label"] = mark_safe(  # noqa: S308 (escaped)
                suggestions % {"name": escape(area["name"])})
    return need


def _overview(request, *, status=200):
    # Who is nominated is the coordinator's to know (as on the nominations' pages); other staff
    # see how many.
    # The need is kept while its data are unchanged (rollout.kept); the plan, with its forms,
    # is drawn for each request.
    may_coordinate = permissions.may_coordinate(request.user)
    need, need_html = kept.kept_need(may_coordinate=may_coordinate,
                                     draw=lambda: _need(may_coordinate=may_coordinate))
    return render(request, "rollout/overview.html", {
        "plan": _plan(may_coordinate=may_coordinate), "may_coordinate": may_coordinate,
        "need": need, "need_html": need_html}, status=status)


@staff_required
@require_GET
def overview(request):
    """The plan with its periods and statuses, and the need: interested areas without a contact
    against the nominated candidates."""
    return _overview(request)


def _answer_filter(params) -> tuple[AnswerFilterForm, str]:
    form = AnswerFilterForm(_only(params, "answer") or None)
    return form, form.cleaned_data["answer"] if form.is_valid() else ""


def _only(params, *names) -> QueryDict:
    kept = QueryDict(mutable=True)
    for name in names:
        if params.get(name):
            kept[name] = params[name]
    return kept


def _areas_page(request, *, params, invitations_form=None, status=200):
    """The table of areas. `params` carries the filter and the page: a GET's query, or the hidden
    fields of the invitations form (so that an error shows the same page)."""
    form = AnswerFilterForm(_only(params, *FILTERS) or None)
    answer, lacking = (form.cleaned_data["answer"], form.cleaned_data["lacking"]) \
        if form.is_valid() else ("", False)
    page = Paginator(selectors.rollout_area_rows(answer=answer, lacking=lacking),
                     PAGE_SIZE).get_page(params.get("side"))
    may_coordinate = permissions.may_coordinate(request.user)
    if may_coordinate and invitations_form is None:
        invitations_form = InvitationsForm()
    chosen = set()
    if invitations_form is not None and invitations_form.is_bound:
        chosen = {str(pk) for pk in invitations_form["areas"].value() or []}
    page.object_list = tables.area_rows(page.object_list.values(*tables.COLUMNS), chosen=chosen,
                                        may_coordinate=may_coordinate)
    return render(request, "rollout/areas.html", {
        "form": form, "page": page, "answer": answer, "lacking": lacking,
        "querystring": _only(params, *FILTERS).urlencode(), "may_coordinate": may_coordinate,
        "invitations_form": invitations_form}, status=status)


def _date(value) -> str:
    return short_date(value) if value else "–"


@staff_required
@require_GET
def areas(request):
    """Every area's invitation date, answer, answer date, note and coverage; filter by answer.
    The coordinator ticks areas and records the day their invitation was sent."""
    return _areas_page(request, params=request.GET)


@coordinator_required
@require_POST
def invitations(request):
    """Record the invitation date for the ticked areas; back to the same filter and page."""
    form = InvitationsForm(request.POST)
    if form.is_valid():
        try:
            changed = services.invitations_record(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, ngettext(
                "The invitation date is recorded for %(count)d area.",
                "The invitation date is recorded for %(count)d areas.", len(changed))
                % {"count": len(changed)})
            query = _only(request.POST, *FILTERS, "side").urlencode()
            return redirect(reverse("rollout:areas") + (f"?{query}" if query else ""))
    return _areas_page(request, params=request.POST, invitations_form=form, status=400)


@staff_required
@require_GET
def areas_export(request):
    """The table as a spreadsheet (all areas with the chosen answer; only those lacking a
    contact when the page was filtered so)."""
    form = AnswerFilterForm(_only(request.GET, "answer", "lacking") or None)
    answer, lacking = (form.cleaned_data["answer"], form.cleaned_data["lacking"]) \
        if form.is_valid() else ("", False)
    areas = selectors.rollout_areas(answer=answer, lacking=lacking)
    return export_response(request, name="rollout.areas",
                           params={"answer": answer, "lacking": lacking},
                           rows=rows_capped(areas),
                           write=lambda workbook: exports.write_areas(workbook, areas))


def _plan_form_view(request, *, form, context, save, success):
    return form_view(request, form=form, template="rollout/milestone_form.html",
                     context=context, save=save, success=success,
                     redirect_to=lambda _result: reverse("rollout:overview") + "#plan",
                     invalid_status=400)


@coordinator_required
@require_http_methods(["GET", "POST"])
def milestone_new(request):
    return _plan_form_view(
        request, form=MilestoneForm(request.POST or None), context={},
        save=lambda data: services.milestone_save(actor=request.user, **data),
        success=lambda milestone: _("The step “%(title)s” is added to the plan.")
        % {"title": milestone.title})


@coordinator_required
@require_http_methods(["GET", "POST"])
def milestone_edit(request, pk):
    milestone = permissions.access_milestone(user=request.user, pk=pk)
    form = MilestoneForm(request.POST or None, initial=MilestoneForm.initial_of(milestone))
    return _plan_form_view(
        request, form=form, context={"milestone": milestone},
        save=lambda data: services.milestone_save(actor=request.user, milestone=milestone, **data),
        success=lambda saved: _("The step “%(title)s” is saved.") % {"title": saved.title})


STATUS_MESSAGES = {
    RolloutMilestone.Status.PLANNED: gettext_noop("The step “%(title)s” is planned again."),
    RolloutMilestone.Status.IN_PROGRESS: gettext_noop("The step “%(title)s” is in progress."),
    RolloutMilestone.Status.DONE: gettext_noop("The step “%(title)s” is done."),
}


@coordinator_required
@require_POST
def milestone_status(request, pk):
    """The plan's buttons: start a step, mark it done (today), or open it again."""
    milestone = permissions.access_milestone(user=request.user, pk=pk)
    status = request.POST.get("status", "")
    if status not in RolloutMilestone.Status.values:
        messages.error(request, _("Choose one of the statuses."))
        return _overview(request, status=400)
    milestone = services.milestone_set_status(milestone=milestone, status=status,
                                              actor=request.user)
    messages.success(request, _(STATUS_MESSAGES[status]) % {"title": milestone.title})
    return redirect(reverse("rollout:overview") + "#plan")


@coordinator_required
@require_http_methods(["GET", "POST"])
def milestone_delete(request, pk):
    """Ask, then remove a step that is not done."""
    milestone = permissions.access_milestone(user=request.user, pk=pk)
    error = None
    if request.method == "POST":
        try:
            services.milestone_delete(milestone=milestone, actor=request.user)
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            messages.success(request, _("The step “%(title)s” is removed from the plan.")
                             % {"title": milestone.title})
            return redirect(reverse("rollout:overview") + "#plan")
    return render(request, "rollout/milestone_delete.html",
                  {"milestone": milestone, "error": error}, status=400 if error else 200)


@coordinator_required
@require_http_methods(["GET", "POST"])
def standard_plan(request):
    """Fill an empty plan with the standard steps from a chosen month."""
    return form_view(
        request, form=StandardPlanForm(request.POST or None),
        template="rollout/standard_plan.html", context={},
        save=lambda data: services.standard_plan_insert(actor=request.user, **data),
        success=lambda steps: ngettext("The standard plan's %(count)d step is added.",
                                       "The standard plan's %(count)d steps are added.",
                                       len(steps)) % {"count": len(steps)},
        redirect_to=lambda _steps: reverse("rollout:overview") + "#plan", invalid_status=400)

