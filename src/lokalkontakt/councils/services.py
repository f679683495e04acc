# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Council members' access: invitations, one-time login links (no password) and deactivation.

Every change is an AreaEvent in the same transaction; e-mails are queued (core.mail) and sent by
the worker after commit. A login token is random; only its SHA-256 hash is stored, it works once
and expires after settings.COUNCIL_LOGIN_LINK_MINUTES (a requested login link) or
settings.COUNCIL_INVITATION_DAYS (an invitation). A link never signs in a staff account.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lokalkontakt.areas.models import AreaEvent, Council, LocalArea
from lokalkontakt.areas.services import area_event_add, council_save
from lokalkontakt.core.mail import email_queue_template, site_url
from lokalkontakt.core.roles import person_name
from lokalkontakt.core.tokens import client_hash, new_token, token_hash
from lokalkontakt.councils.models import CouncilLoginToken, CouncilMember

# Beyond these, a request for a login link sends nothing (and answers the same as always).
LINKS_PER_MEMBER_PER_HOUR = 5
LINKS_PER_CLIENT_PER_HOUR = 20
TOKEN_MAX_LENGTH = 100

Kind = AreaEvent.Kind
Purpose = CouncilLoginToken.Purpose


def normalise_email(email: str) -> str:
    return email.strip().lower()


def login_link(token: str) -> str:
    return site_url(reverse("council:confirm", kwargs={"token": token}))


def link_lifetime(purpose: str) -> datetime.timedelta:
    """An invitation may wait in the inbox for days; a requested login link is used at once."""
    if purpose == Purpose.INVITATION:
        return datetime.timedelta(days=settings.COUNCIL_INVITATION_DAYS)
    return datetime.timedelta(minutes=settings.COUNCIL_LOGIN_LINK_MINUTES)


def _issue_token(member: CouncilMember, *, purpose: str, client: str = "") -> str:
    token = new_token()
    CouncilLoginToken.objects.create(
        member=member, token_hash=token_hash(token), purpose=purpose, client_hash=client,
        expires_at=timezone.now() + link_lifetime(purpose))
    return token


def _send_link(member: CouncilMember, *, purpose: str, actor=None, client: str = "") -> None:
    token = _issue_token(member, purpose=purpose, client=client)
    template = ("councils/email/invitation.txt" if purpose == Purpose.INVITATION
                else "councils/email/login_link.txt")
    email_queue_template(template, to=[member.email], context={
        "member": member, "council": member.council, "area": member.council.area,
        "inviter": person_name(actor),
        "login_link": login_link(token), "minutes": settings.COUNCIL_LOGIN_LINK_MINUTES,
        "days": settings.COUNCIL_INVITATION_DAYS,
        "request_link": site_url(reverse("council:login"))})


def _council_of(area: LocalArea, council_name: str, *, actor) -> Council:
    council = Council.objects.filter(area=area).first()
    if council is not None:
        return council
    if not council_name.strip():
        raise ValidationError({"council_name": _(
            "The area has no council yet. Give the council's name.")})
    changed = council_save(area=area, name=council_name.strip())
    area_event_add(area=area, kind=Kind.UPDATED, actor=actor, fields=changed)
    return Council.objects.get(area=area)


@transaction.atomic
def council_member_invite(*, area: LocalArea, name: str, email: str, actor,
                          council_name: str = "") -> CouncilMember:
    """Add a member to the area's council and e-mail them an invitation with a one-time login link.

    Without a council yet, `council_name` creates it. An address already on the council is
    refused; a deactivated member with that address is given access again (and invited).
    The caller has checked that the actor may manage the council (councils.permissions).
    """
    name, email = name.strip(), normalise_email(email)
    errors = {}
    if not name:
        errors["name"] = _("Give the member's name.")
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = _("Enter a valid e-mail address, e.g. name@example.dk.")
    if errors:
        raise ValidationError(errors)
    council = _council_of(area, council_name, actor=actor)
    member = council.members.select_for_update().filter(email__iexact=email).first()
    if member is not None and member.is_active:
        raise ValidationError({"email": _("%(email)s is already a member of %(council)s.")
                               % {"email": email, "council": council}})
    kind = Kind.MEMBER_REACTIVATED if member is not None else Kind.MEMBER_INVITED
    member = member or CouncilMember(council=council, email=email)
    member.name, member.is_active, member.deactivated_at = name, True, None
    member.invited_by, member.invited_at = actor, timezone.now()
    member.full_clean()
    member.save()
    area_event_add(area=area, kind=kind, actor=actor, member=member.name)
    _send_link(member, purpose=Purpose.INVITATION, actor=actor)
    return member


@transaction.atomic
def council_member_reinvite(*, member: CouncilMember, actor) -> CouncilMember:
    """Send an active member a new invitation with a fresh one-time link."""
    member = CouncilMember.objects.select_for_update().select_related("council__area").get(
        pk=member.pk)
    if not member.is_active:
        raise ValidationError(_("%(name)s has been deactivated. Invite them again to give them "
                                "access.") % {"name": member.name})
    member.invited_by, member.invited_at = actor, timezone.now()
    member.save(update_fields=["invited_by", "invited_at", "updated_at"])
    area_event_add(area=member.council.area, kind=Kind.MEMBER_REINVITED, actor=actor,
                   member=member.name)
    _send_link(member, purpose=Purpose.INVITATION, actor=actor)
    return member


@transaction.atomic
def council_member_deactivate(*, member: CouncilMember, actor) -> CouncilMember:
    """End a member's access at once: the council role is checked against is_active on every
    request (also in a running session), and their unused links expire now. Their name and
    address are deleted settings.COUNCIL_MEMBER_RETENTION_DAYS later (councils.jobs)."""
    member = CouncilMember.objects.select_for_update().select_related("council__area").get(
        pk=member.pk)
    if not member.is_active:
        raise ValidationError(_("%(name)s has already been deactivated.") % {"name": member.name})
    now = timezone.now()
    member.is_active, member.deactivated_at = False, now
    member.save(update_fields=["is_active", "deactivated_at", "updated_at"])
    member.login_tokens.filter(used_at__isnull=True, expires_at__gt=now).update(expires_at=now)
    area_event_add(area=member.council.area, kind=Kind.MEMBER_DEACTIVATED, actor=actor,
                   member=member.name)
    return member


@transaction.atomic
def council_login_link_request(*, email: str, client: str) -> int:
    """E-mail a fresh one-time login link to each active member with this address.

    The caller answers the same whether or not the address is known. Beyond
    LINKS_PER_MEMBER_PER_HOUR links per member, or LINKS_PER_CLIENT_PER_HOUR per client, nothing
    is sent. Returns the number of links sent (for tests and logs, never for the visitor).
    """
    since = timezone.now() - datetime.timedelta(hours=1)
    hashed_client = client_hash(client, purpose="council")
    recent = CouncilLoginToken.objects.filter(purpose=Purpose.LOGIN, created_at__gte=since)
    if recent.filter(client_hash=hashed_client).count() >= LINKS_PER_CLIENT_PER_HOUR:
        return 0
    members = CouncilMember.objects.filter(
        email__iexact=normalise_email(email), is_active=True).select_related("council__area")
    sent = 0
    for member in members:
        if recent.filter(member=member).count() >= LINKS_PER_MEMBER_PER_HOUR:
            continue
        _send_link(member, purpose=Purpose.LOGIN, client=hashed_client)
        sent += 1
    return sent


def _valid_tokens(token: str):
    if not token or len(token) > TOKEN_MAX_LENGTH:
        return CouncilLoginToken.objects.none()
    return CouncilLoginToken.objects.filter(
        token_hash=token_hash(token), used_at__isnull=True, expires_at__gt=timezone.now(),
        member__is_active=True)


def council_login_token_get(*, token: str) -> CouncilLoginToken | None:
    """The token if its link still works (unused, unexpired, member active), else None.
    Wrong, used and expired links look the same. Reading does not use the link."""
    return _valid_tokens(token).select_related("member__council__area").first()


@transaction.atomic
def council_login_use(*, token: str):
    """Use a one-time link: mark it used and return the member's user account, created on the
    first use (username from the e-mail, no usable password, not staff). None when the link
    does not work (for any reason), the account has been disabled, or the account is staff's
    (a superuser, is_staff or an employee): a council link never signs in a staff account."""
    found = council_login_token_get(token=token)
    if found is None:
        return None
    # The member row first, as council_member_deactivate locks it before the member's tokens.
    member = (CouncilMember.objects.select_for_update(of=("self",))
              .select_related("council__area").get(pk=found.member_id))
    if not member.is_active or not _mark_used(found):
        return None
    if member.user_id is None:
        return _create_user(member)
    user = get_user_model().objects.select_related("employee").get(pk=member.user_id)
    staff = user.is_staff or user.is_superuser or getattr(user, "employee", None) is not None
    return user if user.is_active and not staff else None


def _mark_used(found: CouncilLoginToken) -> bool:
    """Compare-and-set on the token row alone: of two simultaneous uses only one succeeds. (A
    filter through a join would make Django write UPDATE … WHERE id IN (SELECT …), which
    PostgreSQL does not re-check under READ COMMITTED, so both uses could succeed.)"""
    now = timezone.now()
    return bool(CouncilLoginToken.objects.filter(
        pk=found.pk, used_at__isnull=True, expires_at__gt=now).update(used_at=now))


def _create_user(member: CouncilMember):
    user = get_user_model()(username=_free_username(member.email), email=member.email,
                            is_staff=False, is_superuser=False)
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    member.user = user
    member.save(update_fields=["user", "updated_at"])
    area_event_add(area=member.council.area, kind=Kind.MEMBER_FIRST_LOGIN, actor=user,
                   member=member.name)
    return user


def _free_username(email: str) -> str:
    users = get_user_model().objects
    base = normalise_email(email)[:140]
    username, counter = base, 2
    while users.filter(username__iexact=username).exists():
        username, counter = f"{base}-{counter}", counter + 1
    return username
