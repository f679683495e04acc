"""Reads about consultations, with the visibility rules applied (404 for "missing" and "not yours"):

- a consultation (its status page, export and printable page): the requester and the coordinator;
- a task (one area's part): the coordinator, the requester, the task's contact, whoever covers the
  area now (contact or deputy) and the active members of the area's council;
- responding to a task: the same, except the requester (unless they are one of the others).
"""

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

from lokalkontakt.areas.models import Assignment
from lokalkontakt.consultations.models import (
    Consultation,
    ConsultationAttachment,
    ConsultationEvent,
    ConsultationTask,
)
from lokalkontakt.core.roles import council_area_of

Status = ConsultationTask.Status


def _employee(user):
    employee = getattr(user, "employee", None)
    return employee if employee is not None and employee.is_active else None


def consultations_visible_to(*, user):
    consultations = Consultation.objects.select_related("requested_by")
    if user.has_perm("core.coordinate"):
        return consultations
    employee = _employee(user)
    if employee is None:
        return consultations.none()
    return consultations.filter(requested_by=employee)


def _covers(employee):
    return Assignment.objects.filter(area=OuterRef("area"), employee=employee, ends_on__isnull=True)


def _respondable_filter(user) -> Q | None:
    """The tasks the user may answer as a Q; None for the coordinator, who may answer any."""
    if user.has_perm("core.coordinate"):
        return None
    conditions = Q(pk__in=[])
    if employee := _employee(user):
        conditions |= Q(handler=employee) | Q(Exists(_covers(employee)))
    if area := council_area_of(user):
        conditions |= Q(area=area)
    return conditions


def tasks_respondable_by(*, user):
    """Tasks the user may answer: coordinator all; contacts their areas'; council members their
    area's."""
    conditions = _respondable_filter(user)
    tasks = ConsultationTask.objects.all()
    return tasks if conditions is None else tasks.filter(conditions)


def tasks_visible_to(*, user):
    """Tasks the user may open: those they may answer and, for the requester, their
    consultation's."""
    conditions = _respondable_filter(user)
    if conditions is None:
        return ConsultationTask.objects.all()
    if employee := _employee(user):
        conditions |= Q(consultation__requested_by=employee)
    return ConsultationTask.objects.filter(conditions)


def _task_rows(tasks):
    return tasks.select_related("area", "handler", "responded_by__employee",
                                "responded_by__council_member")


def consultation_list(*, user, scope: str = "requested", status: str = "open"):
    """Consultations the user requested (scope "requested") or all they may see ("all": every
    one for the coordinator), newest first, with the number of tasks and of responses."""
    consultations = consultations_visible_to(user=user)
    if scope != "all":
        employee = _employee(user)
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
    employee = _employee(user)
    conditions = Q(pk__in=[])
    if employee:
        conditions |= Q(handler=employee) | Q(Exists(_covers(employee)))
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
    """A file the user may download: a response's file with its task; the consultation's own
    files for whoever may see the consultation or any of its tasks."""
    visible_tasks = tasks_visible_to(user=user)
    own = Q(task__isnull=True) & (
        Q(Exists(consultations_visible_to(user=user).filter(pk=OuterRef("consultation"))))
        | Q(Exists(visible_tasks.filter(consultation=OuterRef("consultation")))))
    response_file = Q(Exists(visible_tasks.filter(pk=OuterRef("task"))))
    return get_object_or_404(ConsultationAttachment.objects.filter(own | response_file), pk=pk)
