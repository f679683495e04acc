# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Writes about the rollout: the plan's milestones and the councils' invitations.

Every milestone change is a version in its history with who made it (RolloutMilestone.history);
every invitation date set or changed is an AreaEvent (INVITED) on the area.
"""

import calendar
import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.areas.services import invitation_apply
from lokalkontakt.rollout.models import RolloutMilestone

Status = RolloutMilestone.Status


def _today() -> datetime.date:
    return timezone.localdate()


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def month_end(day: datetime.date) -> datetime.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The first day of the month `months` after the month of `day`."""
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


# --- invitations ------------------------------------------------------------------------------


@transaction.atomic
def invitations_record(*, areas, invited_on: datetime.date | None, actor) -> list[LocalArea]:
    """Record "the invitation was sent on <date>" for several areas at once; returns the areas
    whose date changed (an area that already has this date is left as it is)."""
    areas = list(areas)  # read once: may be an iterator
    if not areas:
        raise ValidationError({"areas": _("Choose at least one local area.")})
    if invited_on is None:
        raise ValidationError({"invited_on": _("Give the date the invitation was sent.")})
    changed = []
    for area in LocalArea.objects.select_for_update().filter(
            pk__in=[a.pk for a in areas]).order_by("sort_name"):
        if invitation_apply(area=area, invited_on=invited_on, actor=actor):
            area._history_user = actor
            area.save(update_fields=["invited_on", "updated_at"])
            changed.append(area)
    return changed


# --- milestones -------------------------------------------------------------------------------


def _check_period(planned_from: datetime.date, planned_to: datetime.date) -> None:
    if planned_to < planned_from:
        raise ValidationError({"planned_to": _("The period cannot end before it starts.")})


def _done_on(status: str, done_on: datetime.date | None) -> datetime.date | None:
    """A done milestone has the day it was done (default today, never in the future); the others
    have none."""
    if status != Status.DONE:
        return None
    if done_on and done_on > _today():
        raise ValidationError({"done_on": _("The date cannot be in the future.")})
    return done_on or _today()


@transaction.atomic
def milestone_save(*, actor, milestone: RolloutMilestone | None = None, title: str,
                   planned_from: datetime.date, planned_to: datetime.date,
                   status: str = Status.PLANNED, done_on: datetime.date | None = None,
                   description: str = "") -> RolloutMilestone:
    """Add a step to the rollout plan (last among the steps of its month) or change one. The period
    runs from the first day of its first month to the last day of its last month."""
    planned_from, planned_to = month_start(planned_from), month_end(planned_to)
    _check_period(planned_from, planned_to)
    if status not in Status.values:
        raise ValidationError({"status": _("Choose one of the statuses.")})
    if milestone is None:
        milestone = RolloutMilestone(position=RolloutMilestone.objects.count())
    milestone.title, milestone.description = title.strip(), description.strip()
    milestone.planned_from, milestone.planned_to = planned_from, planned_to
    milestone.status, milestone.done_on = status, _done_on(status, done_on)
    milestone.full_clean()
    milestone._history_user = actor
    milestone.save()
    return milestone


@transaction.atomic
def milestone_set_status(*, milestone: RolloutMilestone, status: str, actor,
                         done_on: datetime.date | None = None) -> RolloutMilestone:
    """Move a step to planned, in progress or done (done today unless a day is given)."""
    if status not in Status.values:
        raise ValidationError({"status": _("Choose one of the statuses.")})
    milestone = RolloutMilestone.objects.select_for_update().get(pk=milestone.pk)
    milestone.status, milestone.done_on = status, _done_on(status, done_on)
    milestone._history_user = actor
    milestone.save(update_fields=["status", "done_on", "updated_at"])
    return milestone


@transaction.atomic
def milestone_delete(*, milestone: RolloutMilestone, actor) -> None:
    """Remove a step that was entered by mistake. A step that is done is part of the scheme's
    history and stays; its deletion is kept in the history with who deleted it."""
    milestone = RolloutMilestone.objects.select_for_update().get(pk=milestone.pk)
    if milestone.status == Status.DONE:
        raise ValidationError(_("A step that is done stays in the plan as history."))
    milestone._history_user = actor
    milestone.delete()


# The seed's plan (Hedensted 2019–20) as steps relative to the start month: (first month,
# last month, title). Titles are written in the installation's language.
STANDARD_PLAN = [
    (0, 0, gettext_noop("The committee considers the proposal")),
    (1, 1, gettext_noop("Meeting for all local councils: information about the offer")),
    (1, 1, gettext_noop("Contact the leaders of the core areas")),
    (2, 3, gettext_noop("The local councils answer whether they want a local contact")),
    (2, 3, gettext_noop("Overview of the need for local contacts")),
    (4, 4, gettext_noop("Contact the leaders to find the people")),
    (5, 6, gettext_noop("Every interested local area has a local contact")),
    (5, 6, gettext_noop("A forum for the local contacts is set up")),
]


@transaction.atomic
def standard_plan_insert(*, start: datetime.date, actor) -> list[RolloutMilestone]:
    """Fill an empty plan with the standard steps from the start month on (about seven months,
    as Hedensted planned it). A plan that has steps is left alone."""
    if RolloutMilestone.objects.select_for_update().exists():
        raise ValidationError(_("The plan already has steps; the standard plan is for an empty "
                                "plan."))
    start = month_start(start)
    milestones = []
    with translation.override(settings.LANGUAGE_CODE):
        for position, (first, last, title) in enumerate(STANDARD_PLAN):
            milestone = RolloutMilestone(
                title=_(title), planned_from=add_months(start, first),
                planned_to=month_end(add_months(start, last)), position=position)
            milestone.full_clean()
            milestone._history_user = actor
            milestone.save()
            milestones.append(milestone)
    return milestones
