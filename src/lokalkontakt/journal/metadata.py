# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""metadata.json of a case's package (format "lokalkontakt-journal/1", docs/journalisering.md).

Dates are ISO 8601 (a day as YYYY-MM-DD, a time with its UTC offset); missing values are null.
An anonymised inquiry has no submitter (null) and says so in `personal_data_deleted`."""

from django.conf import settings
from django.utils import timezone

from lokalkontakt.core.mail import site_url
from lokalkontakt.journal.content import Content, person
from lokalkontakt.journal.selectors import Kind

FORMAT = "lokalkontakt-journal/1"


def _day(value):
    return value.isoformat() if value else None


def _time(value):
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def _employee(employee):
    if employee is None:
        return None
    return {"name": employee.name, "email": employee.email or None,
            "title": employee.title or None}


def _inquiry(inquiry) -> dict:
    submitter = None
    if inquiry.anonymised_at is None:
        submitter = {"name": inquiry.submitter_name, "email": inquiry.submitter_email or None,
                     "phone": inquiry.submitter_phone or None, "kind": inquiry.submitter_kind,
                     "kind_label": inquiry.get_submitter_kind_display()}
    return {
        "title": inquiry.subject, "status": inquiry.status,
        "channel": inquiry.channel, "channel_label": inquiry.get_channel_display(),
        "dates": {"received": _day(inquiry.received_on), "registered": _time(inquiry.created_at),
                  "acknowledged": _time(inquiry.acknowledged_at),
                  "answered": _time(inquiry.answered_at), "closed": _time(inquiry.closed_at),
                  "acknowledge_deadline": _day(inquiry.acknowledge_due),
                  "deadline": _day(inquiry.answer_due)},
        "parties": {"submitter": submitter, "handled_by": _employee(inquiry.assignee)},
        "personal_data_deleted": inquiry.anonymised_at is not None,
        "anonymised_at": _time(inquiry.anonymised_at),
    }


def _consultation(content: Content) -> dict:
    consultation = content.case.obj
    answers = [{"area": task.area.name, "status": task.status,
                "status_label": task.get_status_display(),
                "responded_at": _time(task.responded_at),
                "responded_by": person(task.responded_by) or None,
                "contact": _employee(task.handler)} for task in content.tasks]
    answered = [task.responded_at for task in content.tasks if task.responded_at]
    return {
        "title": consultation.title, "status": consultation.status, "channel": None,
        "channel_label": None,
        "dates": {"received": _day(timezone.localtime(consultation.created_at).date()),
                  "registered": _time(consultation.created_at), "acknowledged": None,
                  "answered": _time(max(answered)) if answered else None,
                  "closed": _time(consultation.closed_at), "acknowledge_deadline": None,
                  "deadline": _day(consultation.deadline)},
        "parties": {"submitter": None, "handled_by": _employee(consultation.requested_by)},
        "answers": answers, "personal_data_deleted": False, "anonymised_at": None,
    }


def _journalisation(case) -> tuple[dict | None, dict | None]:
    record = case.journalisation
    if record is None:
        return None, None
    kle = {"number": record.kle.number, "title": record.kle.title} if record.kle else None
    return kle, {"case_number": record.case_number, "journalised_at": _time(record.journalised_at),
                 "journalised_by": record.recorded_by or None}


def build_metadata(content: Content, files: list[dict], *, generated_at) -> dict:
    """The metadata of a case's package; `files` are the package's files (path, name, size,
    sha256, content type, what they belong to), the PDF first."""
    case = content.case
    kle, journalisation = _journalisation(case)
    specific = _inquiry(case.obj) if case.kind == Kind.INQUIRY else _consultation(content)
    return {
        "format": FORMAT, "kind": case.kind, "kind_label": case.kind_label,
        "reference": case.reference, "url": site_url(case.obj.get_absolute_url()),
        "municipality": settings.MUNICIPALITY_NAME, **specific,
        "areas": [{"name": area.name, "slug": area.slug} for area in content.areas],
        "focus_areas": [{"number": focus.number, "name": focus.name}
                        for focus in content.focus_areas],
        "kle": kle, "journalisation": journalisation, "files": files,
        "generated_at": _time(generated_at),
    }
