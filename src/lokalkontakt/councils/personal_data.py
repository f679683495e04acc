"""The personal data a council member's record holds: name and e-mail (registered in
core.registry.personal_data for the access log and the data subject's rights).

Erasure (art. 17): a member who has left is erased altogether (councils.services
council_member_erase); nothing of the membership must be kept. An active member is refused: the
membership gives them access for their council, so it is ended first (the council's member
page), which is the member's or the council's decision to make, not a side effect of erasure."""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lokalkontakt.core.registry import Erasure, ExportSection, PersonalData
from lokalkontakt.councils.models import CouncilMember
from lokalkontakt.councils.services import council_member_erase


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
        invited = (date_format(timezone.localtime(member.invited_at), "SHORT_DATETIME_FORMAT")
                   if member.invited_at else "")
        status = CouncilMember.Status(member.status).label
        fields = [(_label("council"), str(member.council)), (_label("name"), member.name),
                  (_label("email"), member.email), (_("Status"), str(status)),
                  (_label("invited_at"), invited),
                  (_label("user"), member.user.get_username() if member.user else "")]
        sections.append(ExportSection(title=str(member), fields=fields))
    return sections


def _plan(member: CouncilMember) -> Erasure:
    if member.is_active:
        return Erasure(object_id=member.pk, title=str(member), refused=_(
            "%(name)s is still a member of the local council, with access for it. End the "
            "membership first (the council's member page); then it can be erased.")
            % {"name": member.name})
    return Erasure(object_id=member.pk, title=str(member), erased=[
        _("The membership, with the name and e-mail address, also in its history and the "
          "area's history"),
        _("The name, address and login of the user account (it stays, disabled, without them)"),
        _("The text of the e-mails sent to the member, and the address in them")],
        kept=[_("What the member did for the council (answers to consultations), without the name")])


def erasure(ids) -> list[Erasure]:
    return [_plan(member) for member in _members(ids)]


def erase(ids, *, actor, query: str = "") -> list[Erasure]:
    """Erase the former members among `ids`, re-read under a row lock (inside the caller's
    transaction): a member reactivated since the plan was shown is refused."""
    outcomes = []
    for pk in sorted(ids):
        member = _members([pk]).select_for_update(of=("self",)).first()
        if member is None:
            continue
        plan = _plan(member)
        if plan.erased:
            council_member_erase(member=member, actor=actor)
        outcomes.append(plan)
    return outcomes


COUNCIL_MEMBERS = PersonalData(label=gettext_lazy("Council member"), describe=describe, find=find,
                               export=export, erasure=erasure, erase=erase)
