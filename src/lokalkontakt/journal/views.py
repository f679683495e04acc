# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Journalisering: what still needs journalising, a case's package or a period's packages as a
ZIP, the record "journaliseret som <sagsnummer>", and the coordinator's KLE upload."""

import datetime

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from lokalkontakt.core.accesslog.record import How, record_personal
from lokalkontakt.core.forms import form_view
from lokalkontakt.core.permissions import coordinator_required, staff_required
from lokalkontakt.journal import kle, selectors, services
from lokalkontakt.journal.forms import JournalFilterForm, JournaliseForm, KleUploadForm
from lokalkontakt.journal.models import KleLoad
from lokalkontakt.journal.packages import package_file

PAGE_SIZE = 50
# A period's download renders a PDF per case (about a second each): at most this many at once.
MAX_CASES = 50
# An inquiry whose personal data is deleted within this many days is marked in the list.
WARN_DAYS = 30
LABELS = {"inquiry": "inquiries.inquiry", "consultation": "consultations.consultation"}


def _anonymised_on(case) -> datetime.date | None:
    """The day a closed inquiry's personal data will be deleted (inquiries.jobs)."""
    inquiry = case.obj
    if case.kind != "inquiry" or inquiry.anonymised_at or not inquiry.closed_at:
        return None
    return timezone.localdate(inquiry.closed_at) + datetime.timedelta(
        days=settings.INQUIRY_RETENTION_DAYS)


def _rows(cases):
    warn_from = timezone.localdate() + datetime.timedelta(days=WARN_DAYS)
    rows = []
    for case in cases:
        day = _anonymised_on(case)
        rows.append({"case": case, "form": JournaliseForm(prefix=f"{case.kind}-{case.pk}"),
                     "anonymised_on": day if day and day <= warn_from else None})
    return rows


@staff_required
@require_GET
def journal_list(request):
    form = JournalFilterForm(request.GET or None)
    filters = form.filters()
    page = Paginator(selectors.case_rows(user=request.user, **filters), PAGE_SIZE).get_page(
        request.GET.get("side"))
    params = request.GET.copy()
    params.pop("side", None)
    return render(request, "journal/list.html", {
        "form": form, "page": page, "rows": _rows(selectors.cases_for_rows(page.object_list)),
        "querystring": params.urlencode(), "filters": filters, "max_cases": MAX_CASES,
        "period_query": params.urlencode(), "is_coordinator": request.user.has_perm(
            "core.coordinate")})


def _download(request, cases, filename: str):
    record_personal(request, [(LABELS[case.kind], case.pk) for case in cases],
                    how=How.DOWNLOAD)
    response = FileResponse(package_file(cases), as_attachment=True, filename=filename,
                            content_type="application/zip")
    response["Cache-Control"] = "private, no-store"
    return response


@staff_required
@require_GET
def package(request, kind: str, pk: int):
    case = selectors.case_for(kind, pk, user=request.user)
    return _download(request, [case], f"{case.reference}.zip")


@staff_required
@require_GET
def period_package(request):
    """Every case of the filter not yet journalised, as one ZIP (at most MAX_CASES)."""
    form = JournalFilterForm(request.GET or None)
    filters = {**form.filters(), "status": "pending"}
    rows = selectors.case_rows(user=request.user, **filters)
    count = rows.count()
    if count == 0 or count > MAX_CASES:
        messages.error(request, _("Nothing to download: every case in the period is journalised.")
                       if count == 0 else ngettext(
            "%(count)d case is waiting in the period; a download holds at most %(max)d. Choose a "
            "shorter period.", "%(count)d cases are waiting in the period; a download holds at "
            "most %(max)d. Choose a shorter period.", count) % {"count": count, "max": MAX_CASES})
        return redirect(f"{reverse('journal:list')}?{request.GET.urlencode()}")
    cases = selectors.cases_for_rows(rows)
    return _download(request, cases, f"journalisering-{timezone.localdate():%Y-%m-%d}.zip")


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
