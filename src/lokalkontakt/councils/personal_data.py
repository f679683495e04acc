# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The personal data a council member's record holds: name and e-mail (registered in
core.registry.personal_data for the access log and the data subject's rights).

Erasure (art. 17): a member who has left is anonymised at once, as the retention job would do
later (councils.jobs member_anonymise: the name and address everywhere they were copied). An
active member is refused: the membership gives them access for their council, so it is ended
first (the council's member page), which is the member's or the council's decision to make, not
a side effect of erasure."""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lokalkontakt.core.registry import Erasure, ExportSection, PersonalData
from lokalkontakt.councils.jobs import member_anonymise
from lokalkontakt.councils.models import CouncilMember


def describe(ids) -> dict[int, tuple[str, str]]:
    rows = CouncilMember.objects.filter(pk__in=ids).values_list(
        "pk", "name", "email", "council__area__slug")
    return {pk: (", ".join(part for part in (name, email) if part),
                 reverse("council:members", kwargs={"slug": slug}))
            for pk, name, email, slug in rows}


def find(query: str):
    return CouncilMember.objects.filter(
        Q(name__icontains=query) | Q(email__icontains=query)).values("pk")


def _label(name: str) -> str:
    return str(capfirst(CouncilMember._meta.get_field(name).verbose_name))


def _members(ids):
    return CouncilMember.objects.filter(pk__in=ids).select_related("council__area", "user")


def export(ids) -> list[ExportSection]:
    sections = []
    for member in _members(ids):
        invited, deactivated = (
            date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT") if moment else ""
            for moment in (member.invited_at, member.deactivated_at))
        status = CouncilMember.Status(member.status).label
        fields = [(_label("council"), str(member.council)), (_label("name"), member.name),
                  (_label("email"), member.email), (_("Status"), str(status)),
                  (_label("invited_at"), invited), (_label("deactivated_at"), deactivated),
                  (_label("user"), member.user.get_username() if member.user else "")]
        sections.append(ExportSection(title=str(member), fields=fields))
    return sections


def _plan(member: CouncilMember) -> Erasure:
    title = str(member)
    kept = [_("The membership, without name or address, and what the member did for the council "
              "(answers to consultations)")]
    if member.is_active:
        return Erasure(object_id=member.pk, title=title, kept=kept, refused=_(
            "%(name)s is still a member of the local council, with access for it. End the "
            "membership first (the council's member page); then it can be erased.")
            % {"name": member.name})
    if member.anonymised_at:
        return Erasure(object_id=member.pk, title=title, kept=kept)
    return Erasure(object_id=member.pk, title=title, kept=kept, erased=[
        _("The name and e-mail address, also in the membership's history and the area's history"),
        _("The name, address and login of the user account (it stays, disabled, without them)"),
        _("The text of the e-mails sent to the member, the address in them, and the records of "
          "their logins")])


def erasure(ids) -> list[Erasure]:
    return [_plan(member) for member in _members(ids)]


def erase(ids, *, actor, query: str = "") -> list[Erasure]:
    """Erase the former members among `ids`, re-read under a row lock (inside the caller's
    transaction): a member reactivated since the plan was shown is refused. Who erased them
    (`actor`) is in the access log (core.subjectrights)."""
    outcomes = []
    for pk in sorted(ids):
        member = _members([pk]).select_for_update(of=("self",)).first()
        if member is None:
            continue
        plan = _plan(member)
        if plan.erased:
            member_anonymise(member=member, now=timezone.now())
        outcomes.append(plan)
    return outcomes


COUNCIL_MEMBERS = PersonalData(label=gettext_lazy("Council member"), describe=describe, find=find,
                               export=export, erasure=erasure, erase=erase)
