# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Inquiries: how many, by what, and how fast. Deadlines are the working-day deadlines the
inquiry got when received; it was acknowledged (answered) in time when the local date of
acknowledged_at (answered_at) is on or before the deadline. The shares count the inquiries
received in the period that were acknowledged (answered) or whose deadline has passed.
An inquiry closed with its outcome but without a reply of its own was answered (and
acknowledged) when it was closed: the outcome went to the submitter then.
Median days to answer: calendar days from received to answered, of those answered (the mean
of the two middle ones for an even number)."""

from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, OuterRef, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from lokalkontakt.inquiries.models import Inquiry
from lokalkontakt.reports.scheme import inquiry_counts
from lokalkontakt.reports.scheme.common import day_end, in_days, last_day, share
from lokalkontakt.reports.scheme.localday import DaysFrom, LocalDayOnOrBefore
from lokalkontakt.reports.structure import Column, Section, Table


def _speed_counts(span, key: str, today) -> dict:
    inside = in_days("received_on", span)
    acknowledged, answered = Q(acknowledged_moment__isnull=False), Q(answered_moment__isnull=False)
    return {
        f"{key}": Count("pk", filter=inside),
        f"untagged_{key}": Count("pk", filter=inside & Q(tagged=False)),
        f"ack_due_{key}": Count("pk", filter=inside & (acknowledged | Q(acknowledge_due__lt=today))),
        f"ack_ok_{key}": Count("pk", filter=inside & Q(acknowledged_in_time=True)),
        f"ans_due_{key}": Count("pk", filter=inside & (answered | Q(answer_due__lt=today))),
        f"ans_ok_{key}": Count("pk", filter=inside & Q(answered_in_time=True)),
        f"answered_{key}": Count("pk", filter=inside & answered),
    }


def _moments() -> dict:
    """When an inquiry was answered and acknowledged, counting its closing (with the outcome
    sent to the submitter) as both when nothing came before it."""
    return {"answered_moment": Coalesce("answered_at", "closed_at"),
            "acknowledged_moment": Coalesce("acknowledged_at", "answered_at", "closed_at")}


def totals(period) -> dict:
    """The counts behind the key figures, for the period and the one before (one query)."""
    today = timezone.localdate()
    tags = Inquiry.focus_areas.through.objects.filter(inquiry=OuterRef("pk"))
    queryset = inquiry_counts.received(period).alias(
        tagged=Exists(tags), **_moments()).alias(
        acknowledged_in_time=LocalDayOnOrBefore("acknowledged_moment", "acknowledge_due"),
        answered_in_time=LocalDayOnOrBefore("answered_moment", "answer_due"))
    return queryset.aggregate(**_speed_counts(period, "now", today),
                              **_speed_counts(period.previous(), "before", today))


def open_at(period) -> dict:
    """Open (not closed) and overdue (not answered after the answer deadline) at the end of the
    period and of the one before (one query)."""
    counts = {}
    for key, day in (("now", last_day(period)), ("before", last_day(period.previous()))):
        is_open = Q(received_on__lte=day) & (Q(closed_at__isnull=True) | Q(closed_at__gte=day_end(day)))
        unanswered = Q(answered_at__isnull=True) | Q(answered_at__gte=day_end(day))
        counts[f"open_{key}"] = Count("pk", filter=is_open)
        counts[f"overdue_{key}"] = Count("pk", filter=is_open & unanswered & Q(answer_due__lt=day))
    # Only inquiries not closed by the earlier day can count: with the index on closed_at
    # (inquiries' inquiry_open_at_idx) those still open and those closed since, not every one.
    not_closed = Q(closed_at__isnull=True) | Q(closed_at__gte=day_end(last_day(period.previous())))
    return Inquiry.objects.filter(not_closed, received_on__lte=period.end).aggregate(**counts)


def answer_days(period) -> dict:
    """How many answered inquiries took how many calendar days from received to answered, for
    the period ("now") and the one before ("before"): {key: {days: count}} (one query, grouped
    by the days, instead of ordering every answered inquiry)."""
    rows = (inquiry_counts.received(period).alias(**_moments())
            .filter(answered_moment__isnull=False)
            .annotate(now=ExpressionWrapper(Q(received_on__gte=period.start),
                                            output_field=BooleanField()),
                      days=DaysFrom("answered_moment", "received_on"))
            .values("now", "days").annotate(count=Count("pk")).order_by())
    found = {"now": {}, "before": {}}
    for row in rows:
        found["now" if row["now"] else "before"][row["days"]] = row["count"]
    return found


def median_days(counts: dict):
    """The median of {days: count}: the middle one in order, or the mean of the two middle ones
    for an even number; None if there are none."""
    answered = sum(counts.values())
    if not answered:
        return None
    wanted, values, seen = sorted({(answered - 1) // 2, answered // 2}), [], 0
    for days in sorted(counts):
        seen += counts[days]
        while wanted and wanted[0] < seen:
            values.append(days)
            wanted.pop(0)
    return values[0] if answered % 2 else sum(values) / 2


def _speed_table(found) -> Table:
    rows = [[label, share(found[f"{key}_ok_now"], found[f"{key}_due_now"]),
             share(found[f"{key}_ok_before"], found[f"{key}_due_before"])]
            for key, label in (("ack", _("Acknowledged in time")), ("ans", _("Answered in time")))]
    return Table("inquiries_in_time", _("Inquiries handled within the deadlines"), [
        Column("what", _("Deadline")), Column("now", _("This period"), "percent"),
        Column("before", _("The period before"), "percent")], rows,
        note=_("Of the inquiries received in the period that were acknowledged (answered) or whose "
               "deadline has passed."))


def inquiries_section(period, *, public: bool = False) -> Section:
    found = totals(period)
    still = open_at(period)
    days = answer_days(period)
    figures = [
        (_("Inquiries received"), found["now"], found["before"]),
        (_("Without a focus area"), _share(found["untagged_now"], found["now"]),
         _share(found["untagged_before"], found["before"]), "percent"),
        (_("Answered in time"), _share(found["ans_ok_now"], found["ans_due_now"]),
         _share(found["ans_ok_before"], found["ans_due_before"]), "percent"),
        (_("Median days to answer"), median_days(days["now"]), median_days(days["before"]),
         "days"),
        (_("Open at the end of the period"), still["open_now"], still["open_before"]),
        (_("Overdue at the end of the period"), still["overdue_now"], still["overdue_before"]),
    ]
    tables = [_speed_table(found), inquiry_counts.by_focus_area(period, found),
              inquiry_counts.by_submitter(period), inquiry_counts.by_channel(period)]
    if not public:
        tables.insert(1, inquiry_counts.by_area(period, found))
    return Section("inquiries", _("Inquiries"), tables, figures=figures,
                   intro=_("In time: acknowledged and answered by the deadlines in working days, "
                           "which leave out weekends and public holidays."))


def _share(part, whole):
    """A share (0–1) for the key figures, or None when there is nothing to share."""
    return None if not whole else part / whole
