"""The personal data an area's history holds: the names of council members in the events about
them (invited, deactivated, first login …), registered in core.registry.personal_data for the
access log."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lokalkontakt.areas.models import AreaEvent
from lokalkontakt.core.registry import PersonalData

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


def find(query: str):
    return AreaEvent.objects.filter(kind__in=MEMBER_KINDS, data__member__icontains=query).values("pk")


AREA_EVENTS = PersonalData(label=_("Area history"), describe=describe, find=find)
