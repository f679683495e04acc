# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The councils' periodic work: a member who left (deactivated) is anonymised
settings.COUNCIL_MEMBER_RETENTION_DAYS later. Idempotent: each member is anonymised once
(anonymised_at), under a row lock, so two runs at once do it once."""

import datetime

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from lokalkontakt.areas.models import AreaEvent
from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.core.retention import emails_forget, login_records_forget
from lokalkontakt.councils.models import CouncilMember

MEMBER_KINDS = [AreaEvent.Kind.MEMBER_INVITED, AreaEvent.Kind.MEMBER_REINVITED,
                AreaEvent.Kind.MEMBER_DEACTIVATED, AreaEvent.Kind.MEMBER_REACTIVATED,
                AreaEvent.Kind.MEMBER_FIRST_LOGIN]


def anonymise_former_members(*, now: datetime.datetime) -> int:
    """Anonymise the members deactivated longer ago than settings.COUNCIL_MEMBER_RETENTION_DAYS.
    Returns how many."""
    cutoff = now - datetime.timedelta(days=settings.COUNCIL_MEMBER_RETENTION_DAYS)
    expired = CouncilMember.objects.filter(is_active=False, anonymised_at__isnull=True,
                                           deactivated_at__lt=cutoff)
    count = 0
    for pk in expired.values_list("pk", flat=True):
        with transaction.atomic():
            member = CouncilMember.objects.select_for_update().filter(
                pk=pk, is_active=False, anonymised_at__isnull=True).first()
            if member is not None:
                member_anonymise(member=member, now=now)
                count += 1
    return count


def member_anonymise(*, member: CouncilMember, now: datetime.datetime) -> None:
    """Delete a former member's name and e-mail address wherever the system copied them: the
    member row and its history, the area's events about them, their user account (which stays,
    disabled, for the records that point at it), the e-mails to them, their login records and
    links, and the admin's log. What they did (responses to consultations) stays, unnamed.
    Called inside a transaction with the member's row locked."""
    name, email = member.name, member.email
    user = get_user_model().objects.filter(pk=member.user_id).first()
    usernames = [email, user.get_username() if user else ""]
    _forget_events(member, name)
    emails_forget(OutgoingEmail.objects.filter(to__icontains=email), addresses=[email])
    login_records_forget(usernames=usernames)
    member.login_tokens.all().delete()
    _forget_admin_log(member, user)
    if user is not None:
        _disable_user(user)
    member.name, member.email, member.anonymised_at = "", "", now
    member.save(update_fields=["name", "email", "anonymised_at", "updated_at"])
    CouncilMember.history.filter(id=member.pk).update(name="", email="")


def _forget_events(member: CouncilMember, name: str) -> None:
    """The area's events name the member; left alone when another member of the council has the
    same name (the name is then theirs as well)."""
    namesakes = CouncilMember.objects.filter(council=member.council, name=name).exclude(pk=member.pk)
    if not name or namesakes.exists():
        return
    for event in AreaEvent.objects.filter(area=member.council.area_id, kind__in=MEMBER_KINDS):
        if event.data.get("member") == name:
            event.data["member"] = ""
            event.save(update_fields=["data"])


def _forget_admin_log(member: CouncilMember, user) -> None:
    """The admin's log names the objects it changed (object_repr)."""
    for obj in [member, user]:
        if obj is not None:
            LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(obj),
                                    object_id=str(obj.pk)).update(object_repr="")


def _disable_user(user) -> None:
    user.username = f"former-council-member-{user.pk}"
    user.email, user.first_name, user.last_name, user.is_active = "", "", "", False
    user.set_unusable_password()
    user.save(update_fields=["username", "email", "first_name", "last_name", "is_active",
                             "password"])


def report() -> str:
    """run_jobs' line for the councils."""
    count = anonymise_former_members(now=timezone.now())
    return f"Council members: {count} who left anonymised."
