# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coordinator's and data-protection officer's pages for a person's rights
(koordinering/personoplysninger/): what is held about them, its export as a ZIP and its erasure.
Everything these pages show or do to a person's data is written in the access log."""

from urllib.parse import urlencode

from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from lokalkontakt.core.accesslog.record import record_references
from lokalkontakt.core.models import AccessLogEntry
from lokalkontakt.core.permissions import access_log_reader_required
from lokalkontakt.core.subjectrights.export import person_export
from lokalkontakt.core.subjectrights.forms import EraseForm, PersonForm
from lokalkontakt.core.subjectrights.selectors import (
    FIND_LIMIT,
    LIST_LIMIT,
    SearchTooWide,
    erasure_plans,
    holdings,
    too_wide,
)
from lokalkontakt.core.subjectrights.services import person_erase

How = AccessLogEntry.How


def _search_page(request, form, *, status=200):
    found = holdings(form.cleaned_data["q"]) if form.is_bound and not form.errors else None
    if found:
        record_references(request, [(h.key, pk) for h in found for pk, *_rest in h.rows],
                          how=How.SEARCH)
    return render(request, "core/personal_data.html", {
        "form": form, "holdings": found, "list_limit": LIST_LIMIT, "find_limit": FIND_LIMIT,
        "too_wide": ", ".join(str(h.label) for h in too_wide(found or [])),
        "total": sum(h.count for h in found or [])},
        status=status)


def _too_wide_page(request, form):
    """The export or erasure of a search that finds more than one person can have: refused, with
    the search page saying why (nothing exported, nothing changed)."""
    messages.error(request, _("The search is too wide to be one person: narrow it (for example "
                              "the whole e-mail address) before you export or erase."))
    return _search_page(request, form, status=400)


@access_log_reader_required
@require_GET
def person_search(request):
    form = PersonForm(request.GET or None)
    return _search_page(request, form, status=400 if request.GET and not form.is_valid() else 200)


@access_log_reader_required
@require_GET
def person_export_zip(request):
    """Everything held about the person as a ZIP; each object exported is logged."""
    form = PersonForm(request.GET)
    if not form.is_valid():
        return _search_page(request, form, status=400)
    try:
        archive, references = person_export(form.cleaned_data["q"])
    except SearchTooWide:
        return _too_wide_page(request, form)
    record_references(request, references, how=How.EXPORT)
    stamp = timezone.localtime().strftime("%Y-%m-%d")
    response = FileResponse(archive, as_attachment=True, filename=f"personoplysninger-{stamp}.zip",
                            content_type="application/zip")
    response["Cache-Control"] = "private, no-store"
    return response


@access_log_reader_required
@require_http_methods(["GET", "POST"])
def person_erase_confirm(request):
    """GET: what erasure would erase and keep, and why, per object (nothing changes); POST:
    erase the objects ticked, then back to the search with what was done."""
    person = PersonForm(request.POST if request.method == "POST" else request.GET)
    if not person.is_valid():
        return _search_page(request, person, status=400)
    query = person.cleaned_data["q"]
    try:
        plans = erasure_plans(query)
    except SearchTooWide:
        return _too_wide_page(request, person)
    form = EraseForm(request.POST if request.method == "POST" else None,
                     initial={"q": query}, plans=plans)
    if request.method == "POST" and form.is_valid():
        outcomes = person_erase(request=request, query=query, chosen=form.chosen_references())
        _report(request, outcomes, plans)
        return redirect(f"{reverse('personaldata:search')}?{urlencode({'q': query})}")
    record_references(request, [(key, plan.object_id) for key, _label, erasures in plans
                                for plan in erasures], how=How.PAGE)
    return render(request, "core/personal_data_erase.html", {
        "form": form, "query": query, "plans": plans,
        "erasable": bool(form.fields["chosen"].choices)},
        status=400 if form.errors else 200)


def _report(request, outcomes, plans) -> None:
    """What was erased, and each object that was not and why (refused when the page was shown,
    or since: the app re-checks under a lock)."""
    erased = [outcome for _label, outcome in outcomes if outcome.erased]
    if erased:
        messages.success(request, ngettext(
            "The personal data in %(count)d object has been erased.",
            "The personal data in %(count)d objects have been erased.", len(erased))
            % {"count": len(erased)})
    refused = {(label, plan.title): plan for _key, label, erasures in plans for plan in erasures
               if plan.refused}
    refused.update({(label, outcome.title): outcome for label, outcome in outcomes
                    if outcome.refused})
    for (label, title), outcome in refused.items():
        messages.warning(request, _("%(what)s was not erased: %(why)s") % {
            "what": f"{label}: {title}", "why": outcome.refused})
