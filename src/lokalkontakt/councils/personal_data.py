"""The personal data a council member's record holds: name and e-mail (registered in
core.registry.personal_data for the access log)."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lokalkontakt.core.registry import PersonalData
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


COUNCIL_MEMBERS = PersonalData(label=_("Council member"), describe=describe, find=find)
