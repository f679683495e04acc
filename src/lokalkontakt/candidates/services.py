# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Writes about candidates for the contact role (issue 7, item 2): the coordinator asks the
core-area leaders for candidates, a leader nominates one of their own staff, withdraws the
nomination, and the coordinator accepts it or not. Every nomination is versioned with who changed
it; e-mails are queued, never sent inside the request.

Accepting a nomination is the coordinator's decision on the accept form (the leader is told at
once); the assignment itself is then made on the area's assign form, which the accept form leads
to with the employee chosen. An assignment made without accepting leaves the nomination open."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lokalkontakt.candidates.models import CandidateRequest, Nomination
from lokalkontakt.candidates.permissions import leads
from lokalkontakt.candidates.selectors import latest_request_to
from lokalkontakt.core.mail import email_queue_template, site_url
from lokalkontakt.core.recipients import NO_ADDRESS, NOBODY, Missed, Reach, email_people
from lokalkontakt.core.roles import coordinator_emails, person_name
from lokalkontakt.people.models import CoreArea, Employee
from lokalkontakt.people.permissions import active_employee

OPEN = Nomination.Status.PROPOSED


def _check_nominee(actor, employee: Employee) -> None:
    if not employee.is_active:
        raise ValidationError({"employee": _("%(name)s is no longer active.") % {"name": employee}})
    if not actor.has_perm("core.coordinate") and not leads(actor, employee.core_area_id):
        raise ValidationError({"employee": _(
            "You may nominate only the staff of the core areas you lead.")})
    if employee.core_area_id is None:
        raise ValidationError({"employee": _("%(name)s belongs to no core area.") % {
            "name": employee}})
    if Nomination.objects.filter(employee=employee, status=OPEN).exists():
        raise ValidationError({"employee": _("%(name)s is already nominated.") % {
            "name": employee}})


@transaction.atomic
def nomination_create(*, actor, employee: Employee, areas=(), note: str = "") -> Nomination:
    """A core-area leader nominates one of the active staff of a core area they lead (the
    coordinator may record a nomination for any core area), for named areas or none in
    particular. An employee has at most one open nomination. The nomination answers the newest
    request for candidates sent to the nominating leader; the coordinator is told by e-mail."""
    if not actor.has_perm("core.see_capacity"):
        raise PermissionDenied(_("Only core-area leaders and the coordinator may nominate."))
    employee = (Employee.objects.select_for_update(of=("self",)).select_related("core_area")
                .get(pk=employee.pk))
    _check_nominee(actor, employee)
    nomination = Nomination(employee=employee, core_area=employee.core_area, note=note.strip(),
                            nominated_by=actor,
                            request=latest_request_to(active_employee(actor)))
    nomination.full_clean()
    nomination._history_user = actor
    nomination.save()
    areas = sorted(areas, key=lambda area: area.sort_name)  # read once: may be an iterator
    nomination.areas.set(areas)
    to = coordinator_emails()
    email_queue_template("candidates/email/nomination_new.txt", to=to, context={
        "nomination": nomination, "areas": areas, "by": person_name(actor),
        "url": site_url(reverse("nominations:list"))})
    coordinator = _("the coordinator")
    nomination.reach = (Reach(sent=[coordinator]) if to else
                        Reach(missed=[Missed(coordinator, NO_ADDRESS, NOBODY)]))
    return nomination


def _locked_open(nomination: Nomination) -> Nomination:
    nomination = (Nomination.objects.select_for_update(of=("self",))
                  .select_related("employee", "core_area").get(pk=nomination.pk))
    if nomination.status != OPEN:
        raise ValidationError(_("The nomination has already been decided."))
    return nomination


@transaction.atomic
def nomination_withdraw(*, actor, nomination: Nomination) -> Nomination:
    """Whoever made an open nomination, or a leader of its core area, withdraws it."""
    nomination = _locked_open(nomination)
    if nomination.nominated_by_id != actor.pk and not leads(actor, nomination.core_area_id):
        raise PermissionDenied(_("Only the one who nominated, or a leader of the core area, may "
                                 "withdraw the nomination."))
    nomination.status, nomination.decided_at = Nomination.Status.WITHDRAWN, timezone.now()
    nomination._history_user = actor
    nomination.save(update_fields=["status", "decided_at", "updated_at"])
    return nomination


def _decision_recipients(nomination: Nomination, actor) -> list:
    """The leader who nominated (their employee record); when the coordinator recorded it, or
    the nominator has no employee record, the core area's active leaders."""
    nominator = nomination.nominated_by
    if nominator is not None and nominator.pk != actor.pk:
        employee = getattr(nominator, "employee", None)
        if employee is not None:
            return [employee]
    return list(nomination.core_area.leaders.filter(is_active=True).order_by("sort_name"))


@transaction.atomic
def nomination_decide(*, actor, nomination: Nomination, accept: bool,
                      note: str = "") -> Nomination:
    """The coordinator accepts an open nomination or marks it not chosen, with a note; the leader
    who nominated is told by e-mail."""
    if not actor.has_perm("core.coordinate"):
        raise PermissionDenied(_("Only the coordinator decides on nominations."))
    nomination = _locked_open(nomination)
    if accept and not nomination.employee.is_active:
        raise ValidationError({"decision": _("%(name)s is no longer active.") % {
            "name": nomination.employee}})
    nomination.status = Nomination.Status.ACCEPTED if accept else Nomination.Status.DECLINED
    nomination.decided_at, nomination.decision_note = timezone.now(), note.strip()
    nomination.full_clean()
    nomination._history_user = actor
    nomination.save(update_fields=["status", "decided_at", "decision_note", "updated_at"])
    # The coordinator decided: nobody else gets the copies for leaders without an address.
    nomination.reach = Reach()
    email_people("candidates/email/nomination_decided.txt",
                 people=_decision_recipients(nomination, actor), reach=nomination.reach,
                 fallback=False, context={"nomination": nomination, "by": person_name(actor),
                                          "url": site_url(reverse("nominations:staff"))})
    return nomination


def _check_leaders(leaders: list) -> None:
    if not leaders:
        raise ValidationError({"leaders": _("Choose the leaders to ask.")})
    leading = set(CoreArea.leaders.through.objects.filter(
        employee__in=leaders, employee__is_active=True).values_list("employee_id", flat=True))
    for leader in leaders:
        if leader.pk not in leading:
            raise ValidationError({"leaders": _("%(name)s leads no core area.") % {
                "name": leader}})


@transaction.atomic
def candidate_request_send(*, actor, areas, leaders, message: str = "",
                           reply_by=None) -> CandidateRequest:
    """The coordinator asks core-area leaders for candidates for areas without a contact: the
    request is stored and each leader with an e-mail address gets one, with the areas and the link
    to nominate."""
    if not actor.has_perm("core.coordinate"):
        raise PermissionDenied(_("Only the coordinator asks the leaders for candidates."))
    areas = sorted(areas, key=lambda area: area.sort_name)
    leaders = sorted(leaders, key=lambda leader: leader.sort_name)
    if not areas:
        raise ValidationError({"areas": _("Choose the local areas that need a contact.")})
    _check_leaders(leaders)
    if reply_by is not None and reply_by < timezone.localdate():
        raise ValidationError({"reply_by": _("The answer date cannot be in the past.")})
    request = CandidateRequest(message=message.strip(), reply_by=reply_by, sent_by=actor)
    request.full_clean()
    request.save()
    request.areas.set(areas)
    request.leaders.set(leaders)
    request.reach = Reach()
    for leader in leaders:  # one each: the e-mail is addressed to the leader
        email_people("candidates/email/candidate_request.txt", people=[leader],
                     reach=request.reach, fallback=False, context={
                         "request": request, "leader": leader, "areas": areas,
                         "by": person_name(actor), "url": site_url(reverse("nominations:new"))})
    return request
