# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Reads about inquiries, with the visibility rule of inquiries.permissions applied: an inquiry a
user may not see answers 404, as a missing one does."""

from django.db.models import Case, CharField, Count, Prefetch, Q, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from lokalkontakt.core.tokens import token_hash
from lokalkontakt.inquiries.models import Inquiry, InquiryAttachment, InquiryEvent
from lokalkontakt.inquiries.permissions import (
    PUBLIC_FILES,
    STAFF_PUBLIC_FILES,
    covered_by,
    handled_by,
    inquiries_shared_with_council,
    inquiries_visible_to,
)

# Whitelisted orderings of the staff list (the `sort` parameter); the first is the default.
SORTS = {
    "due": ["answer_due", "pk"],
    "newest": ["-created_at", "-pk"],
    "oldest": ["created_at", "pk"],
    "area": ["area__sort_name", "answer_due", "pk"],
    "subject": ["subject", "pk"],
}
# The submitter's own files: the submission's and their follow-ups'. Deleted after retention.
SUBMITTER_FILES = Q(event__isnull=True) | Q(event__kind=InquiryEvent.Kind.FOLLOW_UP)


# The statuses of an open inquiry: what "open" counts as a list of values, which SQLite finds in
# the status index (NOT closed scans it: 13 ms at 100,000 inquiries against 0.3 ms).
OPEN_STATUSES = [Inquiry.Status.RECEIVED, Inquiry.Status.ACKNOWLEDGED, Inquiry.Status.ANSWERED]


def inquiry_list(*, user, scope: str = "mine", status: str = "open", area=None,
                 focus_area=None, assignee=None, channel: str = "", sort: str = "due",
                 counting: bool = False):
    """The inquiries a user may see, by scope (mine / areas / all), status, area, focus area,
    handler and channel, in one of the SORTS (default: the answer date, oldest first). With
    `counting`, the same inquiries unordered and "open" as a list of statuses, for a count
    (inquiry_count); the ordered list keeps NOT closed, which its partial index matches."""
    inquiries = inquiries_visible_to(user=user)
    employee = getattr(user, "employee", None)
    if scope == "mine":
        inquiries = inquiries.filter(handled_by(employee)) if employee else inquiries.none()
    elif scope == "areas" and employee:
        inquiries = inquiries.filter(covered_by(employee))
    if status == "open" and counting:
        inquiries = inquiries.filter(status__in=OPEN_STATUSES)
    elif status == "open":
        inquiries = inquiries.exclude(status=Inquiry.Status.CLOSED)
    elif status in Inquiry.Status.values:
        inquiries = inquiries.filter(status=status)
    if area is not None:
        inquiries = inquiries.filter(area=area)
    if focus_area is not None:
        inquiries = inquiries.filter(focus_areas=focus_area)
    if assignee is not None:
        inquiries = inquiries.filter(assignee=assignee)
    if channel:
        inquiries = inquiries.filter(channel=channel)
    if counting:
        return inquiries.order_by()
    return inquiries.order_by(*SORTS.get(sort, SORTS["due"]))


def inquiry_count(*, user, **filters) -> int:
    """How many inquiries inquiry_list(user=user, **filters) finds, by the cheaper query."""
    return inquiry_list(user=user, **filters, counting=True).count()


def inquiry_workload(*, user) -> dict:
    """For "Mine områder": how many open inquiries the user handles (or were forwarded to them
    or their core area), and how many of those are past their current deadline."""
    today = timezone.localdate()
    overdue = (Q(status=Inquiry.Status.RECEIVED, acknowledge_due__lt=today)
               | Q(status=Inquiry.Status.ACKNOWLEDGED, answer_due__lt=today))
    return inquiry_list(user=user, scope="mine").order_by().aggregate(
        open=Count("pk"), overdue=Count("pk", filter=overdue))


def _with_files(events):
    return events.select_related("actor__employee").prefetch_related("attachments")


def _submission_files():
    return Prefetch("attachments", to_attr="submission_files",
                    queryset=InquiryAttachment.objects.filter(event__isnull=True))


def inquiry_get(*, user, pk: int) -> Inquiry:
    """One inquiry with its timeline and files; 404 both when missing and when not visible."""
    return get_object_or_404(
        inquiries_visible_to(user=user).prefetch_related(
            Prefetch("events", queryset=_with_files(InquiryEvent.objects.all())),
            _submission_files(), "participants", "core_areas", "focus_areas"), pk=pk)


def attachment_get(*, user, pk: int, attachment_pk: int) -> InquiryAttachment:
    """A file of an inquiry the user may see (public or internal); 404 otherwise."""
    return get_object_or_404(InquiryAttachment, pk=attachment_pk, inquiry_id=pk,
                             inquiry__in=inquiries_visible_to(user=user).values("pk"))


def inquiry_by_token(*, token: str) -> Inquiry:
    """The inquiry behind a tracking link; 404 for any wrong token, telling nothing more."""
    inquiry = (Inquiry.objects.select_related("area", "assignee")
               .filter(token_hash=token_hash(token)).first())
    if inquiry is None:
        raise Http404
    return inquiry


def submitted_inquiry(*, pk: int | None) -> Inquiry | None:
    """The inquiry the visitor has just sent (its pk from their session), for the receipt page."""
    if pk is None:
        return None
    return Inquiry.objects.select_related("area", "assignee").filter(pk=pk).first()


def public_events(inquiry: Inquiry):
    """The steps the submitter sees, with their files (the council's: council_events)."""
    return _with_files(inquiry.events.filter(public=True))


def submission_files(inquiry: Inquiry):
    """The files the submitter sent with the inquiry itself."""
    return inquiry.attachments.filter(event__isnull=True)


def public_attachment_get(*, inquiry: Inquiry, attachment_pk: int) -> InquiryAttachment:
    """A file of the submission or of a public step of this inquiry; 404 for anything else."""
    return get_object_or_404(inquiry.attachments.filter(PUBLIC_FILES), pk=attachment_pk)


def inquiries_for_council(*, user):
    """The inquiries shared with the user's council (inquiries.permissions), newest first.
    Callers show only the public side (see council_inquiry_get)."""
    return inquiries_shared_with_council(user=user).order_by("-created_at", "-pk")


def council_inquiry_get(*, user, pk: int) -> Inquiry:
    """One of the council's area's shared inquiries; 404 for any other, not shared ones
    included (the same answer as for a missing one)."""
    return get_object_or_404(inquiries_for_council(user=user), pk=pk)


def council_events(inquiry: Inquiry):
    """The public steps, each with `council_files`: only the files staff attached to it (see
    STAFF_PUBLIC_FILES); the submitter's files are never shown to the council."""
    files = InquiryAttachment.objects.filter(STAFF_PUBLIC_FILES)
    return (inquiry.events.filter(public=True).select_related("actor__employee")
            .prefetch_related(Prefetch("attachments", queryset=files, to_attr="council_files")))


def council_attachment_get(*, inquiry: Inquiry, attachment_pk: int) -> InquiryAttachment:
    """A file staff attached to a public step of this inquiry; 404 for any other, including
    the submitter's own files."""
    return get_object_or_404(inquiry.attachments.filter(STAFF_PUBLIC_FILES), pk=attachment_pk)


def deadline_state(inquiry: Inquiry) -> str:
    """overdue / due (today) / ok / done, for list markers."""
    if not inquiry.is_open or inquiry.status == Inquiry.Status.ANSWERED:
        return "done"
    today = timezone.localdate()
    due = inquiry.acknowledge_due if inquiry.status == Inquiry.Status.RECEIVED else inquiry.answer_due
    if due < today:
        return "overdue"
    return "due" if due == today else "ok"


# --- the start pages (workspace) ----------------------------------------------------------------

# Why an open inquiry waits for the coordinator (`waiting_reason`), in the order checked.
NO_HANDLER, HANDLER_LEFT, HANDLER_NO_EMAIL, HANDLER_NO_LOGIN = (
    "no_handler", "handler_left", "handler_no_email", "handler_no_login")
UNHANDLED = [Inquiry.Status.RECEIVED, Inquiry.Status.ACKNOWLEDGED]


def _overdue() -> Q:
    today = timezone.localdate()
    return (Q(status=Inquiry.Status.RECEIVED, acknowledge_due__lt=today)
            | Q(status=Inquiry.Status.ACKNOWLEDGED, answer_due__lt=today))


def inquiries_waiting_for_coordinator():
    """Not answered yet and nobody else can take them: no handler (no contact, or routed to the
    coordinator), or a handler who has left, has no e-mail address (was never told) or has no
    active login (cannot open it). Each with `waiting_reason`; the soonest answer date first."""
    reason = Case(
        When(assignee__isnull=True, then=Value(NO_HANDLER)),
        When(assignee__is_active=False, then=Value(HANDLER_LEFT)),
        When(assignee__email="", then=Value(HANDLER_NO_EMAIL)),
        default=Value(HANDLER_NO_LOGIN), output_field=CharField())
    cannot_handle = (Q(assignee__isnull=True) | Q(assignee__is_active=False)
                     | Q(assignee__email="") | Q(assignee__user__isnull=True)
                     | Q(assignee__user__is_active=False))
    return (Inquiry.objects.filter(cannot_handle, status__in=UNHANDLED)
            .select_related("area", "assignee").annotate(waiting_reason=reason)
            .order_by("answer_due", "pk"))


def inquiries_overdue():
    """Open inquiries past their current deadline (acknowledging, then answering), whoever
    handles them, the longest overdue first."""
    return (Inquiry.objects.filter(_overdue()).select_related("area", "assignee")
            .order_by("answer_due", "pk"))


def inquiries_assigned(*, employee):
    """The open inquiries the employee handles, the soonest answer date first."""
    return (Inquiry.objects.filter(assignee=employee).exclude(status=Inquiry.Status.CLOSED)
            .select_related("area", "assignee").order_by("answer_due", "pk"))


def inquiries_forwarded(*, employee):
    """The open inquiries forwarded to the employee or to their core area that they do not
    handle themselves, the soonest answer date first."""
    return (Inquiry.objects.filter(handled_by(employee)).exclude(assignee=employee)
            .exclude(status=Inquiry.Status.CLOSED)
            .select_related("area", "assignee").order_by("answer_due", "pk"))


def tagged_texts():
    """Each tagged inquiry's subject and text with its focus areas' ids, for the suggestions
    (core.registry.tagged_texts); the submitter's details are not part of it."""
    inquiries = Inquiry.objects.filter(focus_areas__isnull=False).distinct().only(
        "subject", "text").prefetch_related("focus_areas").order_by("pk")
    for inquiry in inquiries.iterator(chunk_size=2000):
        yield f"{inquiry.subject}\n{inquiry.text}", [f.pk for f in inquiry.focus_areas.all()]
