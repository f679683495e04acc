# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Coverage: areas with and without a contact and with a handover due, today, at the period's
end and at the end of the period before; the councils' answers; handovers; month by month.

A primary assignment covers its area from `starts_on` until the day before `ends_on` (on a
handover's date the new contact holds the area). Whether a handover was due on a past day is read
from the assignment's history; an assignment without history before that day counts as it is now.

The counts of the areas and their assignments (month by month over every assignment, the
costliest part of the report) are kept in the cache under the areas' and assignments' version
(areas.selectors.map_version, one query) and the days they are counted on: counted again when an
area or an assignment changes, on a new day, or after KEEP_SECONDS.
"""

import datetime
import hashlib

from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from lokalkontakt.areas.models import Assignment, AssignmentRole, LocalArea, Participation
from lokalkontakt.areas.selectors import map_version
from lokalkontakt.areas.versions import kept_in
from lokalkontakt.handovers.models import Handover
from lokalkontakt.reports.scheme.common import day_end, in_days, last_day
from lokalkontakt.reports.structure import Chart, Column, Section, Table

MAX_MONTHS = 36
# On PostgreSQL two transactions may commit in the other order than they took their updated_at
# (areas.versions.data_version): what is kept is counted again at the next change or after this.
KEEP_SECONDS = 300


def held_on(day: datetime.date) -> Q:
    return Q(starts_on__lte=day) & (Q(ends_on__isnull=True) | Q(ends_on__gt=day))


def _due_on(day: datetime.date):
    history = (Assignment.history.model.objects
               .filter(id=OuterRef("pk"), history_date__lt=day_end(day))
               .order_by("-history_date", "-history_id").values("handover_due")[:1])
    return Coalesce(Subquery(history), F("handover_due"))


def month_ends(period) -> list[datetime.date]:
    """The last day of each month the period touches (the period's last day, or today, for its
    last month; no month still to come), at most MAX_MONTHS."""
    ends, day, last = [], period.start, last_day(period)
    while day <= last and len(ends) < MAX_MONTHS:
        nxt = datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)
        ends.append(min(nxt - datetime.timedelta(days=1), last))
        day = nxt
    return ends


def assignment_counts(period, days: list[datetime.date]) -> dict:
    """Covered areas on each day (c0, c1, …), handovers due on the first three days (h0…h2) and
    the areas whose contact changed in the period (one query)."""
    earlier = Assignment.objects.filter(area=OuterRef("area"), role=AssignmentRole.PRIMARY,
                                        starts_on__lt=OuterRef("starts_on"))
    queryset = Assignment.objects.filter(role=AssignmentRole.PRIMARY).alias(
        replaced=Exists(earlier), **{f"due{i}": _due_on(day) for i, day in enumerate(days[:3])})
    counts = {f"c{i}": Count("area", distinct=True, filter=held_on(day))
              for i, day in enumerate(days)}
    counts |= {f"h{i}": Count("area", distinct=True, filter=held_on(day) & Q(**{f"due{i}": True}))
               for i, day in enumerate(days[:3])}
    before = period.previous()
    counts["changed"] = Count("area", distinct=True, filter=in_days("starts_on", period) & Q(replaced=True))
    counts["changed_before"] = Count("area", distinct=True,
                                     filter=in_days("starts_on", before) & Q(replaced=True))
    return queryset.aggregate(**counts)


def answers_on(days: list[datetime.date]) -> dict:
    """The councils' answers given by each day (an answer without a date counts always);
    `total` the areas there are (one query)."""
    counts = {"total": Count("pk")}
    for i, day in enumerate(days):
        known = Q(participation_date__isnull=True) | Q(participation_date__lte=day)
        for answer in (Participation.INTERESTED, Participation.DECLINED):
            counts[f"{answer}{i}"] = Count("pk", filter=known & Q(participation=answer))
    return LocalArea.objects.aggregate(**counts)


def area_counts(period, days: list[datetime.date], months: list[datetime.date]) -> tuple[dict, dict]:
    """assignment_counts(period, days + months) and answers_on(days), kept by the version of the
    areas and the assignments (one query while they are unchanged)."""
    counted = (map_version(), period.start, period.end, days, months)
    key = "reports:coverage:" + hashlib.sha256(repr(counted).encode()).hexdigest()
    cache = kept_in(chosen=True)  # the period is anyone's choice on the public summary
    kept = cache.get(key)
    if kept is None:
        kept = (assignment_counts(period, days + months), answers_on(days))
        cache.set(key, kept, KEEP_SECONDS)
    return kept


def handover_counts(period) -> dict:
    before = period.previous()
    counts = {}
    for key, span in (("now", period), ("before", before)):
        for status in Handover.Status.values:
            counts[f"{status}_{key}"] = Count("pk", filter=in_days("switch_on", span) & Q(status=status))
    return Handover.objects.aggregate(**counts)


def coverage_section(period, *, public: bool = False) -> Section:
    before = period.previous()
    months = month_ends(period)
    days = [timezone.localdate(), last_day(period), last_day(before)]
    found, answers = area_counts(period, days, months)
    total = answers["total"]
    status_table = Table("coverage", _("Coverage"), [
        Column("what", _("Areas")), Column("today", _("Today"), "number"),
        Column("end", _("At the end of the period"), "number"),
        Column("before", _("At the end of the period before"), "number")], [
        [_("With a contact"), found["c0"], found["c1"], found["c2"]],
        [_("Without a contact"), total - found["c0"], total - found["c1"], total - found["c2"]],
        [_("Handover due"), found["h0"], found["h1"], found["h2"]]])
    return Section("coverage", _("Coverage"), [
        status_table, _answers_table(answers), _handover_table(period, found),
        _monthly_table(months, found, total)],
        figures=[(_("Areas with a contact at the end of the period"), found["c1"], found["c2"])])


def _answers_table(answers) -> Table:
    total = answers["total"]
    rows = []
    for answer in (Participation.INTERESTED, Participation.DECLINED):
        rows.append([str(answer.label), answers[f"{answer}0"], answers[f"{answer}1"], answers[f"{answer}2"]])
    unknown = str(Participation.UNKNOWN.label)
    rows.insert(0, [unknown] + [total - sum(row[i] for row in rows) for i in (1, 2, 3)])
    return Table("answers", _("The councils' answers"), [
        Column("answer", _("Answer")), Column("today", _("Today"), "number"),
        Column("end", _("At the end of the period"), "number"),
        Column("before", _("At the end of the period before"), "number")], rows,
        note=_("An answer counts from the day it was given."))


def _handover_table(period, found) -> Table:
    counts = handover_counts(period)
    rows = [[str(label), counts[f"{status}_now"], counts[f"{status}_before"]]
            for status, label in Handover.Status.choices]
    rows.append([_("Areas that changed contact"), found["changed"], found["changed_before"]])
    return Table("handovers", _("Handovers in the period"), [
        Column("what", _("Handovers")), Column("now", _("This period"), "number"),
        Column("before", _("The period before"), "number")], rows,
        note=_("Handovers by their handover date."))


def _monthly_table(months, found, total) -> Table:
    offset = 3
    rows = [[formats.date_format(day, "YEAR_MONTH_FORMAT"), found[f"c{offset + i}"],
             total - found[f"c{offset + i}"]] for i, day in enumerate(months)]
    return Table("coverage_by_month", _("Coverage month by month"), [
        Column("month", _("Month")), Column("covered", _("With a contact"), "number"),
        Column("uncovered", _("Without a contact"), "number")], rows,
        chart=Chart("line", "month", ("covered", "uncovered"), _("Areas with and without a contact")),
        note=_("At the end of each month."))
