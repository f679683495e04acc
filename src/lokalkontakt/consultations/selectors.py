# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Reads about consultations, with the visibility rules of consultations.permissions applied:
what a user may not see answers 404, as a missing one does."""

from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    Min,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from lokalkontakt.consultations.models import (
    Consultation,
    ConsultationAttachment,
    ConsultationEvent,
    ConsultationTask,
)
from lokalkontakt.consultations.permissions import (
    active_employee_of,
    attachments_visible_to,
    consultations_visible_to,
    covered_by,
    tasks_respondable_by,
    tasks_visible_to,
)
from lokalkontakt.core.roles import council_area_of

Status = ConsultationTask.Status


def _task_rows(tasks):
    return tasks.select_related("area", "handler", "responded_by__employee",
                                "responded_by__council_member")


def consultation_list(*, user, scope: str = "requested", status: str = "open"):
    """Consultations the user requested (scope "requested") or all they may see ("all": every
    one for the coordinator), newest first, with the number of tasks and of responses."""
    consultations = consultations_visible_to(user=user)
    if scope != "all":
        employee = active_employee_of(user)
        consultations = (consultations.filter(requested_by=employee) if employee
                         else consultations.none())
    if status in Consultation.Status.values:
        consultations = consultations.filter(status=status)
    return consultations.annotate(
        task_count=Count("tasks"),
        waiting_count=Count("tasks", filter=Q(tasks__status=Status.WAITING)),
    ).order_by("-created_at", "-pk")


def my_tasks(*, user, status: str = "open"):
    """The tasks a contact answers: of areas they handle or cover now, and for the coordinator
    also those of areas without a contact. "open": of open consultations, waiting ones first."""
    employee = active_employee_of(user)
    conditions = Q(pk__in=[])
    if employee:
        conditions |= Q(handler=employee) | covered_by(employee)
    if user.has_perm("core.coordinate"):
        conditions |= Q(handler__isnull=True)
    tasks = _task_rows(ConsultationTask.objects.filter(conditions)).select_related("consultation")
    if status == "open":
        tasks = tasks.filter(consultation__status=Consultation.Status.OPEN)
    return tasks.annotate(waiting_first=_waiting_first()).order_by(
        "waiting_first", "consultation__deadline", "area__sort_name", "pk")


def task_workload(*, user) -> dict:
    """For "Mine områder": the user's tasks still waiting for a response in open consultations,
    and the nearest deadline among them."""
    waiting = ConsultationTask.objects.filter(
        pk__in=my_tasks(user=user).filter(status=Status.WAITING).values("pk"))
    return waiting.aggregate(waiting=Count("pk"), next_deadline=Min("consultation__deadline"))


def _waiting_first():
    return Case(When(status=Status.WAITING, then=Value(0)), default=Value(1),
                output_field=IntegerField())


def consultation_tasks_for_council(*, user):
    """The consultation tasks of the user's council's area (none for anyone else): those of open
    consultations first, waiting before answered, then by deadline."""
    area = council_area_of(user)
    if area is None:
        return ConsultationTask.objects.none()
    open_first = Case(When(consultation__status=Consultation.Status.OPEN, then=Value(0)),
                      default=Value(1), output_field=IntegerField())
    return (ConsultationTask.objects.filter(area=area)
            .select_related("consultation", "area", "responded_by__employee",
                            "responded_by__council_member")
            .annotate(open_first=open_first, waiting_first=_waiting_first())
            .order_by("open_first", "waiting_first", "consultation__deadline", "-pk"))


def _own_attachments():
    return Prefetch("attachments", to_attr="own_attachments",
                    queryset=ConsultationAttachment.objects.filter(task__isnull=True))


def consultation_get(*, user, pk: int) -> Consultation:
    """One consultation for its status page; 404 when missing and when not the user's."""
    return get_object_or_404(consultations_visible_to(user=user)
                             .prefetch_related("focus_areas", _own_attachments()), pk=pk)


def consultation_tasks(*, consultation: Consultation):
    """Every area's task of a consultation, in the areas' order, with responder and files."""
    return (_task_rows(consultation.tasks.all()).prefetch_related("attachments")
            .order_by("area__sort_name", "pk"))


def consultation_events(*, consultation: Consultation):
    return (ConsultationEvent.objects.filter(consultation=consultation, task__isnull=True)
            .select_related("actor__employee", "actor__council_member"))


def _count_of_tasks(tasks):
    """The number of `tasks` of the outer task's consultation, as a subquery."""
    counts = (tasks.filter(consultation=OuterRef("consultation")).order_by()
              .values("consultation").annotate(count=Count("pk")).values("count"))
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)


def task_get(*, user, pk: int) -> ConsultationTask:
    """One task with its consultation, files and history; 404 when missing and when not visible.
    `task.may_respond` says whether the user may record the response; `task.areas_asked` and
    `task.areas_responded` count the consultation's tasks (how far the consultation is, without
    the other areas' responses)."""
    tasks = _task_rows(tasks_visible_to(user=user)).select_related(
        "consultation__requested_by").annotate(
        may_respond=Exists(tasks_respondable_by(user=user).filter(pk=OuterRef("pk"))),
        areas_asked=_count_of_tasks(ConsultationTask.objects.all()),
        areas_responded=_count_of_tasks(ConsultationTask.objects.exclude(status=Status.WAITING)))
    return get_object_or_404(tasks.prefetch_related(
        "attachments", "consultation__focus_areas",
        Prefetch("consultation__attachments", to_attr="own_attachments",
                 queryset=ConsultationAttachment.objects.filter(task__isnull=True)),
        Prefetch("events", queryset=ConsultationEvent.objects.select_related(
            "actor__employee", "actor__council_member"))), pk=pk)


def task_for_response(*, user, pk: int) -> ConsultationTask:
    """A task the user may answer; 404 otherwise (also for the requester who only reads it)."""
    task = task_get(user=user, pk=pk)
    if not task.may_respond:
        raise Http404
    return task


def attachment_get(*, user, pk: int) -> ConsultationAttachment:
    """A file the user may download (consultations.permissions); 404 otherwise."""
    return get_object_or_404(attachments_visible_to(user=user), pk=pk)


# --- the start pages (workspace) ----------------------------------------------------------------


def consultations_past_deadline():
    """Open consultations whose deadline has passed (the coordinator closes them or chases the
    areas still waiting), the oldest deadline first, with `task_count` and `waiting_count`."""
    return (Consultation.objects.filter(status=Consultation.Status.OPEN,
                                        deadline__lt=timezone.localdate())
            .select_related("requested_by")
            .annotate(task_count=Count("tasks"),
                      waiting_count=Count("tasks", filter=Q(tasks__status=Status.WAITING)))
            .order_by("deadline", "pk"))


def consultations_requested_open(*, employee):
    """The open consultations the employee asked for, the nearest deadline first, with
    `task_count` and `waiting_count`."""
    return (Consultation.objects.filter(requested_by=employee, status=Consultation.Status.OPEN)
            .select_related("requested_by")
            .annotate(task_count=Count("tasks"),
                      waiting_count=Count("tasks", filter=Q(tasks__status=Status.WAITING)))
            .order_by("deadline", "pk"))


def tagged_texts():
    """Each tagged consultation's title and description with its focus areas' ids, for the
    suggestions (core.registry.tagged_texts)."""
    consultations = Consultation.objects.filter(focus_areas__isnull=False).distinct().only(
        "title", "description").prefetch_related("focus_areas").order_by("pk")
    for consultation in consultations.iterator(chunk_size=2000):
        yield (f"{consultation.title}\n{consultation.description}",
               [f.pk for f in consultation.focus_areas.all()])
