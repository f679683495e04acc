# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""What a case's package holds, read once: the case with its timeline, answers, files, areas and
parties. The PDF (document.py) and metadata.json (metadata.py) are both written from it."""

import posixpath
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from lokalkontakt.journal.selectors import Case, Kind


@dataclass
class File:
    """An attachment and its place in the package (`bilag/<name>`, unique in the case)."""

    attachment: object
    path: str
    context: str  # what it belongs to: the submission, a step, an area's answer


@dataclass
class Content:
    case: Case
    events: list = field(default_factory=list)
    tasks: list = field(default_factory=list)
    files: list[File] = field(default_factory=list)
    areas: list = field(default_factory=list)
    focus_areas: list = field(default_factory=list)


def person(user) -> str:
    """A user's name as the case shows it: the employee's or council member's name."""
    if user is None:
        return ""
    for related in ("employee", "council_member"):
        holder = getattr(user, related, None)
        if holder is not None and getattr(holder, "name", ""):
            return holder.name
    return user.get_full_name() or user.get_username()


def _unique_path(name: str, taken: set[str]) -> str:
    stem, ext = posixpath.splitext(name.replace("/", "_").replace("\\", "_") or "bilag")
    candidate, number = f"{stem}{ext}", 2
    while candidate.lower() in taken:
        candidate, number = f"{stem} ({number}){ext}", number + 1
    taken.add(candidate.lower())
    return f"bilag/{candidate}"


def _files(attachments) -> list[File]:
    taken: set[str] = set()
    return [File(attachment, _unique_path(attachment.name, taken), context)
            for attachment, context in attachments]


def _inquiry(case: Case) -> Content:
    inquiry = case.obj
    events = list(inquiry.events.select_related("actor__employee", "actor__council_member"))
    by_event = {event.pk: event for event in events}
    attachments = []
    for attachment in inquiry.attachments.order_by("created_at", "pk"):
        event = by_event.get(attachment.event_id)
        attachments.append((attachment, event.get_kind_display() if event else _("The submission")))
    return Content(case=case, events=events, files=_files(attachments),
                   areas=[inquiry.area] if inquiry.area_id else [],
                   focus_areas=list(inquiry.focus_areas.all()))


def _consultation(case: Case) -> Content:
    consultation = case.obj
    tasks = list(consultation.tasks.select_related(
        "area", "handler", "responded_by__employee", "responded_by__council_member")
        .order_by("area__sort_name", "pk"))
    areas = {task.pk: task.area for task in tasks}
    attachments = [(attachment, areas[attachment.task_id].name if attachment.task_id else "")
                   for attachment in consultation.attachments.order_by("created_at", "pk")]
    events = list(consultation.events.select_related(
        "task__area", "actor__employee", "actor__council_member"))
    return Content(case=case, events=events, tasks=tasks, files=_files(attachments),
                   areas=[task.area for task in tasks],
                   focus_areas=list(consultation.focus_areas.all()))


def read_content(case: Case) -> Content:
    """Everything of `case` that goes into its package (a handful of queries)."""
    return _inquiry(case) if case.kind == Kind.INQUIRY else _consultation(case)
