"""The personal data an inquiry holds: its submitter's name, e-mail and phone (registered in
core.registry.personal_data for the access log)."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lokalkontakt.core.registry import PersonalData
from lokalkontakt.inquiries.models import Inquiry


def describe(ids) -> dict[int, tuple[str, str]]:
    rows = Inquiry.objects.filter(pk__in=ids).values_list(
        "pk", "submitter_name", "submitter_email", "submitter_phone")
    return {pk: (", ".join(part for part in (name, email, phone) if part),
                 reverse("inquiries:detail", kwargs={"pk": pk}))
            for pk, name, email, phone in rows}


def find(query: str):
    return Inquiry.objects.filter(
        Q(submitter_name__icontains=query) | Q(submitter_email__icontains=query)
        | Q(submitter_phone=query)).values("pk")


INQUIRIES = PersonalData(label=_("Inquiry"), describe=describe, find=find)
