# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The one search (/soeg/) for everyone, with what each user may find (core.search), and "who
knows something about ..." for staff."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET

from lokalkontakt.core.accesslog.record import How, record_personal
from lokalkontakt.core.http import public
from lokalkontakt.core.permissions import staff_required
from lokalkontakt.core.search.query import search as search_query
from lokalkontakt.core.search.query import who_knows as who_knows_query
from lokalkontakt.search.forms import SearchForm, WhoKnowsForm
from lokalkontakt.search.permissions import may_ask_who_knows


def _page_number(request) -> int:
    try:
        return int(request.GET.get("side", 1))
    except ValueError:
        return 1


@public
@require_GET
def search(request):
    form = SearchForm(request.GET or None, user=request.user)
    results = None
    if form.is_valid() and form.cleaned_data["q"].strip():
        results = search_query(user=request.user, page=_page_number(request),
                               **form.search_arguments())
        # Hits of kinds that hold a person's data (an inquiry's text is the citizen's message).
        record_personal(request, [hit.reference for hit in results.hits], how=How.SEARCH)
    params = request.GET.copy()
    params.pop("side", None)
    return render(request, "search/search.html",
                  {"form": form, "results": results, "querystring": params.urlencode(),
                   "may_ask_who_knows": may_ask_who_knows(request.user)},
                  status=400 if form.errors else 200)


# Why someone is named, by (role, kind); the counts are of matching things the user may find.
REASONS = {
    ("author", "note"): lambda n: ngettext("wrote %(count)d matching note",
                                           "wrote %(count)d matching notes", n),
    ("handler", "inquiry"): lambda n: ngettext("handles %(count)d matching inquiry",
                                               "handles %(count)d matching inquiries", n),
    ("requester", "consultation"): lambda n: ngettext(
        "asked for %(count)d matching consultation", "asked for %(count)d matching consultations", n),
}


def _reasons(expert) -> list[str]:
    reasons = [REASONS[(role, kind)](count) % {"count": count}
               for role, kind, count in expert.reasons if (role, kind) in REASONS and role != "contact"]
    if expert.covers:
        reasons.append(_("is the contact for %(areas)s") % {"areas": ", ".join(sorted(expert.covers))})
    return reasons


@staff_required
@require_GET
def who_knows(request):
    form = WhoKnowsForm(request.GET or None)
    experts = None
    if form.is_valid():
        experts = [(expert, _reasons(expert))
                   for expert in who_knows_query(user=request.user, query=form.cleaned_data["q"])]
    return render(request, "search/who_knows.html",
                  {"form": form, "experts": experts, "title": _("Who knows something about …")},
                  status=400 if form.errors else 200)
