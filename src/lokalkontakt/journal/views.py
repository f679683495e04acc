# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Journalisering: what still needs journalising, a case's package or a period's packages as a
ZIP, the record "journaliseret som <sagsnummer>", and the coordinator's KLE upload."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lokalkontakt.core.accesslog.record import How, record_references
from lokalkontakt.core.exports.models import PreparedExport
from lokalkontakt.core.forms import form_view
from lokalkontakt.core.permissions import coordinator_required, staff_required
from lokalkontakt.journal import downloads, kle, selectors, services, tables
from lokalkontakt.journal.forms import JournalFilterForm, JournaliseForm, KleUploadForm
from lokalkontakt.journal.models import KleLoad
from lokalkontakt.journal.packages import package_file
from lokalkontakt.journal.paging import page_of

PAGE_SIZE = 50
LABELS = {"inquiry": "inquiries.inquiry", "consultation": "consultations.consultation"}


def _url_maker(name: str):
    """pk -> the URL, reversed once: the list needs two for each of its 50 rows."""
    before, after = reverse(name, kwargs={"pk": 4242}).rsplit("4242", 1)
    return lambda pk: f"{before}{pk}{after}"


def _rows(cases):
    urls = {kind: (_url_maker(f"journal:{kind}_package"), _url_maker(f"journal:{kind}_journalise"))
            for kind in LABELS}
    return [{"case": case, "prefix": f"{case.kind}-{case.pk}",
             "package_url": urls[case.kind][0](case.pk),
             "journalise_url": urls[case.kind][1](case.pk),
             "anonymised_on": case.deletion_day if case.deletion_soon else None}
            for case in cases]


def _prepared(request) -> dict:
    prepared = downloads.downloads_of(request.user)
    now = timezone.now()
    return {"prepared": [{"download": download, "late": downloads.is_late(download, now=now)}
                         for download in prepared],
            "preparing": any(d.status == PreparedExport.Status.QUEUED for d in prepared),
            "keep_hours": downloads.keep_hours()}


@staff_required
@require_GET
def journal_list(request):
    """The cases, oldest first, 50 a page without counting them (journal.paging), and the
    user's prepared downloads; with htmx polling, the downloads alone."""
    if request.htmx and request.htmx.target == "prepared-downloads":
        return render(request, "journal/list.html#prepared", _prepared(request))
    form = JournalFilterForm(request.GET or None)
    filters = form.filters()
    page = page_of(selectors.case_rows(user=request.user, **filters), request.GET.get("side"),
                   per_page=PAGE_SIZE)
    params = request.GET.copy()
    params.pop("side", None)
    rows = _rows(selectors.cases_for_rows(page.object_list))
    tables.journal_rows(rows, get_token(request))
    return render(request, "journal/list.html", {
        "form": form, "page": page, "rows": rows,
        "querystring": params.urlencode(), "filters": filters, "max_cases": downloads.MAX_CASES,
        "is_coordinator": request.user.has_perm("core.coordinate"), **_prepared(request)})


def _download(request, cases, response):
    record_references(request, selectors.personal_references(cases), how=How.DOWNLOAD)
    response["Cache-Control"] = "private, no-store"
    return response


@staff_required
@require_GET
def package(request, kind: str, pk: int):
    """One case's package, built in the request (one PDF, about a second)."""
    case = selectors.case_for(kind, pk, user=request.user)
    return _download(request, [(case.kind, case.pk)], FileResponse(
        package_file([case]), as_attachment=True, filename=f"{case.reference}.zip",
        content_type="application/zip"))


@staff_required
@require_POST
def period_package(request):
    """Queue every waiting case of the filter as one ZIP for the worker (at most MAX_CASES);
    the list then shows it as queued, then ready."""
    form = JournalFilterForm(request.POST)
    back = f"{reverse('journal:list')}?{form.querystring()}"
    if not form.is_valid():
        messages.error(request, " ".join(form.non_field_errors()) or _("Check the filter."))
        return redirect(back)
    try:
        download = downloads.download_request(user=request.user, filters=form.filters())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if download.status == PreparedExport.Status.READY:  # the same, made a moment ago
            messages.success(request, _("The ZIP is ready under “Prepared downloads”."))
        else:
            messages.success(request, _("The ZIP is being prepared in the background. It is "
                                        "listed under “Prepared downloads” when it is ready."))
    return redirect(back)


@staff_required
@require_http_methods(["GET", "POST"])
def journalise(request, kind: str, pk: int):
    case = selectors.case_for(kind, pk, user=request.user)
    form = JournaliseForm(request.POST or None, prefix=f"{kind}-{pk}")
    return form_view(
        request, form=form, template="journal/journalise.html", context={"case": case},
        save=lambda data: services.journalise(case=case, case_number=data["case_number"],
                                              kle=data["kle"] or None, actor=request.user),
        success=lambda record: _("%(reference)s is recorded as journalised as %(number)s.") % {
            "reference": case.reference, "number": record.case_number},
        redirect_to=lambda record: reverse("journal:list"), invalid_status=400)


@coordinator_required
@require_http_methods(["GET", "POST"])
def kle_upload(request):
    form = KleUploadForm(request.POST or None, request.FILES or None)
    return form_view(
        request, form=form, template="journal/kle.html",
        context={"last": KleLoad.objects.select_related("loaded_by__employee").first()},
        save=lambda data: kle.kle_load(data=data["file"].read(), file_name=data["file"].name,
                                       actor=request.user),
        success=lambda load: _("The KLE list is loaded: %(added)d added, %(updated)d updated, "
                               "%(deactivated)d deactivated.") % {
            "added": load.added, "updated": load.updated, "deactivated": load.deactivated},
        redirect_to=lambda load: reverse("journal:kle"), invalid_status=400)
