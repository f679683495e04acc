# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A period's packages as one ZIP, prepared by the worker as the prepared export
"journal.period" (core.exports, registered in apps.py): asking for it (a service that fixes the
cases), writing it (the export's writer, run by the worker), who may still download it (only the
asker, while every case in it is still theirs to see), and the asker's list of them. Keeping,
expiry (settings.EXPORT_DOWNLOAD_HOURS), the access log at download and a lost worker are
core.exports' part."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lokalkontakt.core.accesslog.record import How
from lokalkontakt.core.exports import services as exports
from lokalkontakt.core.exports.models import PreparedExport
from lokalkontakt.core.exports.registry import Export, Written
from lokalkontakt.journal import selectors
from lokalkontakt.journal.packages import write_cases
from lokalkontakt.journal.permissions import visible_consultations, visible_inquiries

NAME = "journal.period"
# A period's download renders a PDF per case (about a second each): at most this many at once.
MAX_CASES = 50
# How long a prepared ZIP is kept and when one is late: core.exports' rules.
keep_hours = exports.keep_hours
is_late = exports.is_late


def download_request(*, user, filters: dict) -> PreparedExport:
    """Queue a ZIP of every case of `filters` (kind, since, until) that `user` may see and that
    is not yet journalised, at most MAX_CASES, oldest first; the worker builds it (core.exports)
    once this commits. The cases are fixed now. Raises ValidationError when none is waiting,
    more than MAX_CASES are, or another of the user's is being prepared: nothing is queued
    then."""
    rows = selectors.case_rows(user=user, kind=filters.get("kind"), since=filters.get("since"),
                               until=filters.get("until"), status="pending")[:MAX_CASES + 1]
    if not rows:
        raise ValidationError(_("Nothing to download: every case in the period is journalised."))
    if len(rows) > MAX_CASES:
        raise ValidationError(ngettext(
            "More than %(max)d case is waiting in the period; a download holds at most %(max)d. "
            "Choose a shorter period.",
            "More than %(max)d cases are waiting in the period; a download holds at most "
            "%(max)d. Choose a shorter period.", MAX_CASES) % {"max": MAX_CASES})
    params = exports.jsonable({name: filters.get(name) for name in ("kind", "since", "until")})
    params["cases"] = [[kind, pk] for kind, pk, *_rest in rows]
    return exports.export_request(user=user, name=NAME, params=params, rows=len(rows))


def downloads_of(user, *, limit: int = 10) -> list[PreparedExport]:
    """The user's prepared ZIPs, newest first (only theirs: they hold personal data)."""
    return exports.exports_of(user, name=NAME, limit=limit)


def write_zip(handle, *, user, params: dict) -> Written:
    """The registered writer (run by the worker): the asked-for cases that `user` may still see
    (one reassigned meanwhile is left out) into the ZIP `handle`; the people the packages name
    (logged at each download) and the cases written (checked again at each download)."""
    cases = []
    for kind, pk in params.get("cases", []):
        try:
            cases.append(selectors.case_for(kind, pk, user=user))
        except Http404:
            continue
    write_cases(handle, cases)
    written = [[case.kind, case.pk] for case in cases]
    return Written(selectors.personal_references(written), written)


def still_visible(user, shown) -> bool:
    """Whether every case in the ZIP is still one `user` may see (a case reassigned meanwhile is
    not theirs any more)."""
    for kind, visible in (("inquiry", visible_inquiries), ("consultation", visible_consultations)):
        ids = {pk for case_kind, pk in shown or [] if case_kind == kind}
        if ids and visible(user).filter(pk__in=ids).count() != len(ids):
            return False
    return True


def filename(params: dict) -> str:
    """Named for when it is made: journalisering-2026-03-02-1405.zip."""
    return f"journalisering-{timezone.localtime():%Y-%m-%d-%H%M}.zip"


PERIOD_EXPORT = Export(
    write=write_zip, filename=filename, still_visible=still_visible, how=How.DOWNLOAD,
    allowed=lambda user: user.has_perm("core.view_internal"), content_type="application/zip",
    one_at_a_time=True)
