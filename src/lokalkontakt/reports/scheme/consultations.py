# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Consultations sent in the period (by when they were created): how many, to how many areas,
and the share of the areas' tasks answered by the deadline, of those answered or past it."""

from django.db.models import Count, F, Q
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from lokalkontakt.consultations.models import Consultation, ConsultationTask
from lokalkontakt.reports.scheme.common import in_time, share
from lokalkontakt.reports.structure import Column, Section, Table


def consultation_counts(period) -> dict:
    """Consultations, areas asked, tasks due and tasks answered in time, for the period and the
    one before (two queries)."""
    today = timezone.localdate()
    counts, tasks = {}, {}
    for key, span in (("now", period), ("before", period.previous())):
        sent = in_time("created_at", span)
        counts[key] = Count("pk", filter=sent)
        inside = in_time("consultation__created_at", span)
        answered = ~Q(status=ConsultationTask.Status.WAITING)
        tasks[f"areas_{key}"] = Count("area", distinct=True, filter=inside)
        tasks[f"due_{key}"] = Count("pk", filter=inside & (answered | Q(consultation__deadline__lt=today)))
        tasks[f"ok_{key}"] = Count("pk", filter=inside & answered
                                   & Q(responded_on__lte=F("consultation__deadline")))
    found = Consultation.objects.aggregate(**counts)
    found |= ConsultationTask.objects.alias(responded_on=TruncDate("responded_at")).aggregate(**tasks)
    return found


def consultations_section(period, *, public: bool = False) -> Section:
    found = consultation_counts(period)
    rows = [
        [_("Consultations sent"), found["now"], found["before"]],
        [_("Local areas asked"), found["areas_now"], found["areas_before"]],
    ]
    in_time_table = Table("consultations_in_time", _("Answered by the deadline"), [
        Column("what", _("Consultations")), Column("now", _("This period"), "percent"),
        Column("before", _("The period before"), "percent")],
        [[_("Areas' answers by the deadline"), share(found["ok_now"], found["due_now"]),
          share(found["ok_before"], found["due_before"])]],
        note=_("Of the areas' answers given, or due by today."))
    counts = Table("consultations", _("Consultations"), [
        Column("what", _("Consultations")), Column("now", _("This period"), "number"),
        Column("before", _("The period before"), "number")], rows)
    return Section("consultations", _("Consultations"), [counts, in_time_table],
                   figures=[(_("Consultations sent"), found["now"], found["before"])])
