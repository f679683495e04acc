# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The personal data an area's history holds: the names of council members in the events about
them (invited, deactivated, first login …), registered in core.registry.personal_data for the
access log."""

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lokalkontakt.areas.models import AreaEvent
from lokalkontakt.core.registry import ExportSection, PersonalData

Kind = AreaEvent.Kind
MEMBER_KINDS = (Kind.MEMBER_INVITED, Kind.MEMBER_REINVITED, Kind.MEMBER_DEACTIVATED,
                Kind.MEMBER_REACTIVATED, Kind.MEMBER_FIRST_LOGIN)


def naming_a_person(events) -> list[AreaEvent]:
    """Those of `events` that name a council member."""
    return [event for event in events if event.kind in MEMBER_KINDS and event.data.get("member")]


def describe(ids) -> dict[int, tuple[str, str]]:
    rows = AreaEvent.objects.filter(pk__in=ids).values_list("pk", "data", "area__slug")
    return {pk: (str((data or {}).get("member", "")),
                 reverse("areas:detail", kwargs={"slug": slug})) for pk, data, slug in rows}


def export(ids) -> list[ExportSection]:
    """Each history entry naming the person: what happened, in which area, when. (Erasing a
    former member's name from the history is part of erasing the membership, councils.)"""
    events = AreaEvent.objects.filter(pk__in=ids).select_related("area").order_by("at", "pk")
    return [ExportSection(
        title=f"{event.area.name}: {event.get_kind_display()}",
        fields=[(_("Local area"), event.area.name), (_("What"), str(event.get_kind_display())),
                (_("Name"), str(event.data.get("member", ""))),
                (_("When"), date_format(timezone.localtime(event.at), "SHORT_DATETIME_FORMAT"))])
        for event in events]


def find(query: str):
    return AreaEvent.objects.filter(kind__in=MEMBER_KINDS, data__member__icontains=query).values("pk")


AREA_EVENTS = PersonalData(label=gettext_lazy("Area history"), describe=describe, find=find,
                           export=export)
