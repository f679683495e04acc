# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Every write about consultations. Each state change is a ConsultationEvent with its actor in the
same transaction; e-mail is queued (core.mail) and delivered by the worker after commit."""

from collections import defaultdict

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lokalkontakt.areas.models import Assignment, Council, LocalArea
from lokalkontakt.consultations.models import (
    Consultation,
    ConsultationAttachment,
    ConsultationEvent,
    ConsultationTask,
)
from lokalkontakt.core.changes import record_change
from lokalkontakt.core.files import atomic_with_files, attachments_store, checked_uploads
from lokalkontakt.core.mail import email_queue_template, site_url
from lokalkontakt.core.recipients import (
    COORDINATOR,
    Missed,
    Reach,
    no_email_reason,
    stand_in_preface,
)
from lokalkontakt.core.roles import coordinator_emails
from lokalkontakt.core.search.index import index_update
from lokalkontakt.core.suggest import focus_terms_learn

Kind = ConsultationEvent.Kind


def _actor(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


def event_add(consultation, kind, *, task=None, text="", actor=None) -> ConsultationEvent:
    """A step in the consultation's history, in the caller's transaction."""
    return ConsultationEvent.objects.create(consultation=consultation, task=task, kind=kind,
                                            text=text, actor=_actor(actor))


def _areas_with_contacts(areas) -> list[LocalArea]:
    active = Assignment.objects.filter(ends_on__isnull=True).select_related("employee")
    return list(LocalArea.objects.filter(pk__in=[area.pk for area in areas])
                .prefetch_related(Prefetch("assignments", queryset=active,
                                           to_attr="active_assignments"))
                .order_by("sort_name", "pk"))


def _handler(area: LocalArea):
    primary = area.primary_assignment
    return primary.employee if primary and primary.employee.is_active else None


def consultation_create(*, title: str, description: str, deadline, areas, actor,
                        focus_areas=(), attachments=()) -> Consultation:
    """Ask local areas for their input: one task per area, routed to the area's primary contact
    (none: the coordinator), who is e-mailed. The deadline must be after today; the actor must be
    an active employee (the requester). Attachments are checked before anything is stored, and
    their files are removed again if the transaction fails."""
    employee = getattr(actor, "employee", None)
    if employee is None or not employee.is_active:
        raise ValidationError(_("Only employees can send consultations."))
    with atomic_with_files() as stored:
        return _create(title=title, description=description, deadline=deadline, areas=areas,
                       requester=employee, actor=actor, focus_areas=focus_areas,
                       attachments=attachments, stored=stored)


def _create(*, title, description, deadline, areas, requester, actor, focus_areas, attachments,
            stored) -> Consultation:
    errors = {}
    if deadline is None or deadline <= timezone.localdate():
        errors["deadline"] = _("The deadline must be after today.")
    areas = _areas_with_contacts(areas)
    if not areas:
        errors["areas"] = _("Choose at least one local area, or all areas.")
    if errors:
        raise ValidationError(errors)
    files = checked_uploads(attachments, field="attachments")
    consultation = Consultation(title=title.strip(), description=description.strip(),
                                requested_by=requester, deadline=deadline)
    consultation.full_clean()
    consultation.save()
    consultation.focus_areas.set(list(focus_areas))
    focus_terms_learn(text=f"{consultation.title}\n{consultation.description}",
                      focus_area_ids=[f.pk for f in focus_areas])
    tasks = ConsultationTask.objects.bulk_create(
        ConsultationTask(consultation=consultation, area=area, handler=_handler(area))
        for area in areas)
    record_change(kind="consultation", object_id=consultation.pk,
                  reference=consultation.reference, action="created")
    event_add(consultation, Kind.CREATED, actor=actor,
              text=", ".join(area.name for area in areas))
    ConsultationEvent.objects.bulk_create(
        ConsultationEvent(consultation=consultation, task=task, kind=Kind.ROUTED, actor=_actor(actor),
                          text=task.handler.name if task.handler else _("the coordinator"))
        for task in tasks)
    attachments_store(ConsultationAttachment, files, stored=stored, consultation=consultation,
                      uploaded_by=_actor(actor))
    index_update(consultation)
    consultation.reach = Reach()
    _notify_handlers(consultation, tasks, consultation.reach)
    _notify_councils(consultation, tasks, consultation.reach)
    return consultation


def _notify_handlers(consultation: Consultation, tasks, reach: Reach) -> None:
    """One e-mail per recipient, listing every area they are asked to answer for: the area's
    contact; the coordinator when the area has none or the contact has no e-mail address (then
    its first paragraph names them, core.recipients). Recorded on `reach`."""
    by_recipients, missed = defaultdict(list), {}
    coordinator = None
    for task in tasks:
        reason = no_email_reason(task.handler) if task.handler else ""
        if task.handler and not reason:
            by_recipients[(task.handler.email,)].append(task)
            reach.sent.append(task.handler.name)
        else:
            coordinator = coordinator if coordinator is not None else tuple(coordinator_emails())
            by_recipients[coordinator].append(task)
            if reason:
                missed[task.handler.pk] = (task.handler, reason)
    missed = list(missed.values())
    instead = COORDINATOR if coordinator else ""
    reach.missed.extend(Missed(person.name, reason, instead) for person, reason in missed)
    for recipients, their_tasks in by_recipients.items():
        preface = None
        if missed and recipients == coordinator:
            preface = lambda: stand_in_preface(missed, instead)  # noqa: E731
        email_queue_template("consultations/email/new_task.txt", to=list(recipients), context={
            "consultation": consultation,
            "tasks": [(task, site_url(task.get_absolute_url())) for task in their_tasks]},
            preface=preface)


def _notify_councils(consultation: Consultation, tasks, reach: Reach) -> None:
    """One e-mail to each active member of an asked area's council (with or without a user
    account): the area is asked, its contact collects the response, and the council can also
    answer on its own page."""
    tasks_by_area = {task.area_id: task for task in tasks}
    # Through the councils' members relation (councils.CouncilMember), in the members' order.
    members = (Council.objects.filter(area__in=list(tasks_by_area), members__is_active=True)
               .order_by("area__sort_name", "members__name", "members__pk")
               .values_list("area_id", "members__email", "members__name"))
    for area_id, email, name in members:
        task = tasks_by_area[area_id]
        reach.sent.append(name)
        email_queue_template("consultations/email/council_asked.txt", to=[email], context={
            "consultation": consultation, "task": task,
            "url": site_url(task.get_absolute_url())})


def task_respond(*, task: ConsultationTask, actor, no_comments: bool = False, response: str = "",
                 heard: str = "", attachments=(), remove_attachments=()) -> ConsultationTask:
    """Record (or correct) an area's response: a text with who was heard and attachments, or
    "no comments". Refused when the consultation is closed; a recorded response can be changed
    until the deadline (a first response after the deadline is still accepted while open).
    Every call is an event (a correction's names the files added and removed); the requester is
    e-mailed and, when a council member answers, also the area's contact (none: the coordinator),
    so that a response the contact gave is not changed without their knowing. New files are
    removed again if the transaction fails."""
    with atomic_with_files() as stored:
        return _respond(task=task, actor=actor, no_comments=no_comments, response=response,
                        heard=heard, attachments=attachments,
                        remove_attachments=remove_attachments, stored=stored)


def _respond(*, task, actor, no_comments, response, heard, attachments, remove_attachments,
             stored) -> ConsultationTask:
    task = (ConsultationTask.objects.select_for_update(of=("self",))
            .select_related("consultation__requested_by", "area", "handler").get(pk=task.pk))
    consultation = task.consultation
    if not consultation.is_open:
        raise ValidationError(_("The consultation is closed."))
    correcting = task.has_response
    if correcting and consultation.is_past_deadline:
        raise ValidationError(_("The deadline has passed; the response can no longer be changed."))
    response, heard = response.strip(), heard.strip()
    if not no_comments and not response:
        raise ValidationError({"response": _("Write the response, or choose “No comments”.")})
    remove = [a for a in remove_attachments if a.task_id == task.pk]
    files = checked_uploads(attachments, field="attachments",
                            already=task.attachments.count() - len(remove))
    task.status = task.Status.NO_COMMENTS if no_comments else task.Status.RESPONDED
    task.response = "" if no_comments else response
    task.heard = heard
    task.responded_by, task.responded_at = _actor(actor), timezone.now()
    task.full_clean()
    task.save()
    kind = Kind.CORRECTED if correcting else (Kind.NO_COMMENTS if no_comments else Kind.RESPONDED)
    _remove_files(remove)
    attachments_store(ConsultationAttachment, files, stored=stored, consultation=consultation,
                      task=task, uploaded_by=_actor(actor))
    text = _event_text(task, added=stored, removed=remove) if correcting else _event_text(task)
    event_add(consultation, kind, task=task, actor=actor, text=text)
    # The API's `updated_since` finds a consultation when an area has answered it.
    Consultation.objects.filter(pk=consultation.pk).update(updated_at=timezone.now())
    record_change(kind="consultation", object_id=consultation.pk,
                  reference=consultation.reference, action="answered")
    _notify_response(task, actor=actor, corrected=correcting)
    return task


def _notify_response(task: ConsultationTask, *, actor, corrected: bool) -> None:
    """The requester hears of every response; the area's contact (none: the coordinator) of a
    council member's. A staff member changing the council's response needs no extra notice."""
    consultation = task.consultation
    context = {"consultation": consultation, "task": task, "corrected": corrected,
               "responder": display_name(actor)}
    email_queue_template("consultations/email/response.txt", to=_requester_emails(consultation),
                         context={**context, "url": site_url(consultation.get_absolute_url())})
    if _is_council_member(actor):
        email_queue_template("consultations/email/council_response.txt",
                             to=_contact_emails(task),
                             context={**context, "url": site_url(task.get_absolute_url())})


def _is_council_member(user) -> bool:
    return (getattr(user, "employee", None) is None
            and getattr(user, "council_member", None) is not None)


def _contact_emails(task: ConsultationTask) -> list[str]:
    """The task's contact; the coordinator when it has none (or they left, or have no address)."""
    handler = task.handler
    if handler and handler.is_active and handler.email:
        return [handler.email]
    return coordinator_emails()


def _event_text(task: ConsultationTask, *, added=(), removed=()) -> str:
    parts = [task.get_status_display() if task.status == task.Status.NO_COMMENTS else task.response]
    if task.heard:
        parts.append(_("Heard: %(heard)s") % {"heard": task.heard})
    if added:
        parts.append(_("Files added: %(names)s") % {"names": ", ".join(a.name for a in added)})
    if removed:
        parts.append(_("Files removed: %(names)s") % {"names": ", ".join(a.name for a in removed)})
    return "\n".join(parts)


def _remove_files(attachments) -> None:
    for attachment in attachments:
        stored = attachment.file
        attachment.delete()
        transaction.on_commit(lambda stored=stored: stored.storage.delete(stored.name))


def _requester_emails(consultation: Consultation) -> list[str]:
    employee = consultation.requested_by
    address = employee.email or (employee.user.email if employee.user_id else "")
    return [address] if address else coordinator_emails()


def display_name(user) -> str:
    """How a person is named in the consultation: employee name, council member name, username."""
    if user is None:
        return ""
    employee = getattr(user, "employee", None)
    if employee is not None:
        return employee.name
    member = getattr(user, "council_member", None)
    if member is not None:
        return _("%(name)s (local council)") % {"name": member.name}
    return user.get_username()


@transaction.atomic
def consultation_close(*, consultation: Consultation, actor) -> Consultation:
    """Close the consultation: no more responses or changes. The row is locked first, so of two
    simultaneous closes one is refused (and only one CLOSED event is written)."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if not consultation.is_open:
        raise ValidationError(_("The consultation is closed."))
    consultation.status, consultation.closed_at = Consultation.Status.CLOSED, timezone.now()
    consultation.save(update_fields=["status", "closed_at", "updated_at"])
    event_add(consultation, Kind.CLOSED, actor=actor)
    record_change(kind="consultation", object_id=consultation.pk,
                  reference=consultation.reference, action="closed")
    return consultation


@transaction.atomic
def consultation_record_journalised(*, consultation: Consultation, case_number: str, actor,
                                    actor_label: str = "") -> ConsultationEvent:
    """The step "Journaliseret som <case_number>", from journal.services.journalise in its
    transaction; in the site's language; an integration (no actor) named by `actor_label`."""
    with translation.override(settings.LANGUAGE_CODE):
        text = _("Journalised as %(case_number)s") % {"case_number": case_number}
        if _actor(actor) is None and actor_label:
            text += " " + _("(recorded by %(system)s)") % {"system": actor_label}
    return event_add(consultation, Kind.JOURNALISED, text=text, actor=actor)
