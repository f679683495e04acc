"""Reads about inquiries, with the visibility rule applied: the coordinator sees every inquiry;
an employee sees those they handle and those of the areas they cover now; nobody else any."""

from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from lokalkontakt.areas.models import Assignment
from lokalkontakt.inquiries.models import Inquiry
from lokalkontakt.inquiries.services import token_hash


def inquiries_visible_to(*, user):
    inquiries = Inquiry.objects.select_related("area", "assignee")
    if user.has_perm("core.coordinate"):
        return inquiries
    employee = getattr(user, "employee", None)
    if employee is None or not employee.is_active:
        return inquiries.none()
    covers = Assignment.objects.filter(area=OuterRef("area"), employee=employee,
                                       ends_on__isnull=True)
    forwarded = Inquiry.participants.through.objects.filter(inquiry=OuterRef("pk"),
                                                            employee=employee)
    return inquiries.filter(Q(assignee=employee) | Exists(covers) | Exists(forwarded))


def inquiry_list(*, user, scope: str = "mine", status: str = "open"):
    """The inquiries a user may see, by scope (mine / areas / all) and status, oldest due first."""
    inquiries = inquiries_visible_to(user=user)
    employee = getattr(user, "employee", None)
    if scope == "mine":
        forwarded = Inquiry.participants.through.objects.filter(inquiry=OuterRef("pk"),
                                                                employee=employee)
        inquiries = (inquiries.filter(Q(assignee=employee) | Exists(forwarded)) if employee
                     else inquiries.none())
    elif scope == "areas" and employee:
        covers = Assignment.objects.filter(area=OuterRef("area"), employee=employee,
                                           ends_on__isnull=True)
        inquiries = inquiries.filter(Exists(covers))
    if status == "open":
        inquiries = inquiries.exclude(status=Inquiry.Status.CLOSED)
    elif status in Inquiry.Status.values:
        inquiries = inquiries.filter(status=status)
    return inquiries.order_by("answer_due", "pk")


def inquiry_get(*, user, pk: int) -> Inquiry:
    """One inquiry with its timeline; 404 both when missing and when not visible."""
    return get_object_or_404(
        inquiries_visible_to(user=user).prefetch_related(
            "events__actor__employee", "participants", "focus_areas"), pk=pk)


def inquiry_by_token(*, token: str) -> Inquiry:
    """The inquiry behind a tracking link; 404 for any wrong token, telling nothing more."""
    inquiry = (Inquiry.objects.select_related("area", "assignee")
               .filter(token_hash=token_hash(token)).first())
    if inquiry is None:
        raise Http404
    return inquiry


def deadline_state(inquiry: Inquiry) -> str:
    """overdue / due (today) / ok / done, for list markers."""
    if not inquiry.is_open or inquiry.status == Inquiry.Status.ANSWERED:
        return "done"
    today = timezone.localdate()
    due = inquiry.acknowledge_due if inquiry.status == Inquiry.Status.RECEIVED else inquiry.answer_due
    if due < today:
        return "overdue"
    return "due" if due == today else "ok"
