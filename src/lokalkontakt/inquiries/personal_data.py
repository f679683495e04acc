# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The personal data an inquiry holds: its submitter's name, e-mail and phone, and the files
they sent (registered in core.registry.personal_data for the access log and the data subject's
rights).

Erasure (art. 17): an inquiry is a case document the municipality must keep and journalise
(offentlighedsloven § 15, arkivloven), so its subject, text, outcome and timeline stay; what is
erased is who sent it: the name, contact details and the submitter's files, as after the
retention period (services.anonymise). An open inquiry is refused: the details are needed to
answer it (art. 17(1)(a) does not apply while the purpose lasts)."""

from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from lokalkontakt.core.registry import Erasure, ExportFile, ExportSection, PersonalData
from lokalkontakt.inquiries.models import Inquiry, InquiryAttachment
from lokalkontakt.inquiries.selectors import SUBMITTER_FILES
from lokalkontakt.inquiries.services.anonymise import inquiry_anonymise


def describe(ids) -> dict[int, tuple[str, str]]:
    rows = Inquiry.objects.filter(pk__in=ids).values_list(
        "pk", "submitter_name", "submitter_email", "submitter_phone")
    return {pk: (", ".join(part for part in (name, email, phone) if part),
                 reverse("inquiries:detail", kwargs={"pk": pk}))
            for pk, name, email, phone in rows}


def find(query: str):
    return Inquiry.objects.filter(
        Q(submitter_name__icontains=query) | Q(submitter_email__icontains=query)
        | Q(submitter_phone=query)).values("pk")


def _label(name: str) -> str:
    return str(capfirst(Inquiry._meta.get_field(name).verbose_name))


def _when(moment) -> str:
    return date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT") if moment else ""


def _with_files(ids):
    files = InquiryAttachment.objects.filter(SUBMITTER_FILES)
    return Inquiry.objects.filter(pk__in=ids).select_related("area").prefetch_related(
        "events", Prefetch("attachments", queryset=files, to_attr="submitter_files"))


def export(ids) -> list[ExportSection]:
    """Each inquiry with what its submitter wrote and was told: the public steps of its timeline
    with their text; internal steps are counted, not quoted (they are the administration's
    working notes; the data-protection officer decides whether any must be disclosed)."""
    sections = []
    for inquiry in _with_files(ids):
        fields = [(_("Reference"), inquiry.reference)]
        fields += [(_label(name), str(value)) for name, value in [
            ("subject", inquiry.subject), ("created_at", _when(inquiry.created_at)),
            ("channel", inquiry.get_channel_display()),
            ("received_on", date_format(inquiry.received_on, "SHORT_DATE_FORMAT")),
            ("status", inquiry.get_status_display()), ("area", inquiry.area or ""),
            ("submitter_kind", inquiry.get_submitter_kind_display()),
            ("submitter_name", inquiry.submitter_name), ("submitter_email", inquiry.submitter_email),
            ("submitter_phone", inquiry.submitter_phone), ("text", inquiry.text),
            ("outcome", inquiry.outcome)]]
        internal = 0
        for event in inquiry.events.all():
            if not event.public:
                internal += 1
                continue
            fields.append((f"{event.get_kind_display()} ({_when(event.at)})", event.text))
        if internal:
            fields.append((_("Internal steps"), ngettext(
                "%(count)d internal step of the handling (not included).",
                "%(count)d internal steps of the handling (not included).", internal)
                % {"count": internal}))
        files = [ExportFile(name=a.name, size=a.size, open=a.file.open) for a in inquiry.submitter_files]
        sections.append(ExportSection(title=str(inquiry), fields=fields, files=files))
    return sections


KEPT = gettext_lazy("The subject, text, outcome and timeline: the inquiry is a case document the "
                    "municipality must keep (offentlighedsloven § 15, arkivloven).")


def _plan(inquiry: Inquiry) -> Erasure:
    title = str(inquiry)
    if inquiry.is_open:
        return Erasure(object_id=inquiry.pk, title=title, kept=[str(KEPT)], refused=_(
            "The inquiry is still being handled: the name and contact details are needed to "
            "answer it. It can be erased when it has been closed."))
    files = len(inquiry.submitter_files)
    if inquiry.anonymised_at and not files:
        return Erasure(object_id=inquiry.pk, title=title, kept=[str(KEPT)])
    erased = [_("The submitter's name, e-mail address and phone number"),
              _("The text of the e-mails sent about the inquiry, and the submitter's address in them")]
    if files:
        erased.append(ngettext("%(count)d file the submitter sent", "%(count)d files the submitter sent",
                               files) % {"count": files})
    return Erasure(object_id=inquiry.pk, title=title, erased=erased, kept=[str(KEPT)])


def erasure(ids) -> list[Erasure]:
    return [_plan(inquiry) for inquiry in _with_files(ids)]


def erase(ids, *, actor, query: str = "") -> list[Erasure]:
    """Erase what each inquiry's plan allows, re-read under a row lock (inside the caller's
    transaction): an inquiry reopened since the plan was shown is refused."""
    outcomes, now = [], timezone.now()
    for pk in sorted(ids):
        inquiry = _with_files([pk]).select_for_update(of=("self",)).first()
        if inquiry is None:
            continue
        plan = _plan(inquiry)
        if plan.erased:
            inquiry_anonymise(inquiry, now=now, actor=actor, on_request=True)
        outcomes.append(plan)
    return outcomes


INQUIRIES = PersonalData(label=gettext_lazy("Inquiry"), describe=describe, find=find,
                         export=export, erasure=erasure, erase=erase)
