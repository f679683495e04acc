"""The personal data core holds: the e-mails it sends (their recipients), registered in
core.registry.personal_data for the access log."""

from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.core.registry import PersonalData


def describe_emails(ids) -> dict[int, tuple[str, None]]:
    return {pk: (", ".join(to), None)
            for pk, to in OutgoingEmail.objects.filter(pk__in=ids).values_list("pk", "to")}


def find_emails(query: str):
    return (OutgoingEmail.objects.annotate(to_text=Cast("to", TextField()))
            .filter(to_text__icontains=query).values("pk"))


EMAILS = PersonalData(label=_("E-mail"), describe=describe_emails, find=find_emails)
