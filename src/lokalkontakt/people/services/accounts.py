# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Local logins: the coordinator creates one for an employee, who sets the password by a link in
an e-mail; "Forgot password?"; a password set by such a link; the login ended with the employee.

Every change is an AccountEvent, written in the same transaction; e-mails are queued on commit
(core.mail). None of this runs when settings.LOCAL_PASSWORDS is off (the views answer 404).
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lokalkontakt.core.auth import DEMO_USERNAMES
from lokalkontakt.core.mail import email_queue_template, site_url
from lokalkontakt.core.oidc.discovery import oidc_enabled
from lokalkontakt.people.models import AccountEvent, Employee
from lokalkontakt.people.tokens import (
    LinkState,
    Purpose,
    account_client_hash,
    link_token,
    link_user,
)

Kind = AccountEvent.Kind
# "Forgot password?" sends at most this many e-mails an hour to one login, and answers at most
# this many requests an hour from one address (beyond, it answers the same and sends nothing).
RESETS_PER_USER_PER_HOUR = 3
RESETS_PER_CLIENT_PER_HOUR = 10


def _locked(employee: Employee) -> Employee:
    return Employee.objects.select_for_update(of=("self",)).select_related("user").get(
        pk=employee.pk)


@transaction.atomic
def employee_login_create(*, employee: Employee, actor):
    """Create a login for an active employee with a work e-mail and no login: the username is the
    e-mail in lower case, with no usable password; the employee is e-mailed a link to set one
    (valid ACCOUNT_SETUP_DAYS days). Refused when another login already has that username."""
    employee = _locked(employee)
    values = {"name": employee.name}
    if not employee.is_active:
        raise ValidationError(_("%(name)s is not active, so cannot have a login.") % values)
    if employee.user_id:
        raise ValidationError(_("%(name)s already has a login.") % values)
    username = employee.email.strip().lower()
    if not username:
        raise ValidationError(_("%(name)s has no work e-mail to send the login to. Add one "
                                "under Edit employee first.") % values)
    if get_user_model().objects.filter(username__iexact=username).exists():
        raise ValidationError(_("A login with the username %(username)s exists already. Tie it "
                                "to %(name)s under Edit employee instead.")
                              % {**values, "username": username})
    user = get_user_model()(username=username, email=username)
    user.set_unusable_password()
    user.full_clean()
    user.save()
    employee.user = user
    employee._history_user = actor  # simple_history: the row says who
    employee.save()
    AccountEvent.objects.create(kind=Kind.LOGIN_CREATED, user=user, employee=employee, actor=actor)
    _send_setup(employee=employee, user=user, actor=actor)
    return user


@transaction.atomic
def employee_login_send(*, employee: Employee, actor) -> None:
    """E-mail the employee a new link to set the login's password (the coordinator's "Send the
    e-mail again"). Only for an active employee with an active login and a work e-mail."""
    employee = _locked(employee)
    user = employee.user
    if not employee.is_active or user is None or not user.is_active:
        raise ValidationError(_("%(name)s has no active login.") % {"name": employee.name})
    if not employee.email:
        raise ValidationError(_("%(name)s has no work e-mail to send the link to.")
                              % {"name": employee.name})
    _send_setup(employee=employee, user=user, actor=actor)


def _send_setup(*, employee: Employee, user, actor) -> None:
    email_queue_template("people/email/account_setup.txt", to=[employee.email], context={
        "name": employee.name, "username": user.get_username(), "days": settings.ACCOUNT_SETUP_DAYS,
        "link": _link(user, Purpose.SETUP), "actor": actor,
    })
    AccountEvent.objects.create(kind=Kind.SETUP_SENT, user=user, employee=employee, actor=actor)


def _link(user, purpose: Purpose) -> str:
    return site_url(reverse("account:password_set", kwargs={"token": link_token(user, purpose)}))


def resettable_users(email: str):
    """The active local logins an address may reset: the login's own e-mail or its employee's
    work e-mail, of an active employee or of a login without one (e.g. the IT department's
    superuser). Never council members (they sign in by one-time links) nor, while the demo is
    off, the demo's logins. With the municipality's login on, only logins that already have a
    password: one who signs in through the provider (and its second factor) gets no password
    here by the back door."""
    email = email.strip()
    users = (get_user_model().objects.filter(is_active=True, council_member__isnull=True)
             .filter(Q(email__iexact=email) | Q(employee__email__iexact=email))
             .exclude(employee__is_active=False))
    if oidc_enabled():
        users = users.exclude(password__startswith=UNUSABLE_PASSWORD_PREFIX)
    if not settings.DEMO_ENABLED:
        users = users.exclude(username__in=DEMO_USERNAMES)
    return users.select_related("employee").distinct()


@transaction.atomic
def password_reset_request(*, email: str, client: str) -> int:
    """"Forgot password?": e-mail a reset link (valid PASSWORD_RESET_HOURS hours) to each local
    login the address may reset (resettable_users). The caller answers the same whatever
    happened, so nobody learns who has a login. Rate limited per login and per address; every
    request is an event (without a user when the address is unknown). Returns how many e-mails
    were queued."""
    hashed = account_client_hash(client)
    hour_ago = timezone.now() - datetime.timedelta(hours=1)
    recent = AccountEvent.objects.filter(kind=Kind.RESET_REQUESTED, created_at__gte=hour_ago)
    if recent.filter(client_hash=hashed).count() >= RESETS_PER_CLIENT_PER_HOUR:
        return 0
    users = list(resettable_users(email))
    if not users:
        AccountEvent.objects.create(kind=Kind.RESET_REQUESTED, client_hash=hashed)
    sent = 0
    for user in users:
        employee = getattr(user, "employee", None)
        AccountEvent.objects.create(kind=Kind.RESET_REQUESTED, user=user, employee=employee,
                                    client_hash=hashed)
        if recent.filter(user=user).count() > RESETS_PER_USER_PER_HOUR:
            continue
        address = (employee.email if employee else "") or user.email
        email_queue_template("people/email/password_reset.txt", to=[address], context={
            "name": employee.name if employee else user.get_username(),
            "username": user.get_username(), "hours": settings.PASSWORD_RESET_HOURS,
            "link": _link(user, Purpose.RESET)})
        sent += 1
    return sent


def password_link_check(*, token: str, client: str):
    """(user, state) for a set-password link. A link is valid only for an active local login
    that may still sign in (not a council member's, not a demo login while the demo is off);
    a refused link is an event counted against the address (selectors.link_refusals)."""
    user, _purpose, state = link_user(token)
    if state is LinkState.VALID and not resettable_user(user):
        state = LinkState.INVALID
    if state is not LinkState.VALID:
        AccountEvent.objects.create(kind=Kind.LINK_REFUSED, client_hash=account_client_hash(client))
        return None, state
    return user, state


def resettable_user(user) -> bool:
    """Whether a link may set the login's password: the rule of resettable_users, for one login."""
    if not settings.DEMO_ENABLED and user.get_username() in DEMO_USERNAMES:
        return False
    return (get_user_model().objects.filter(pk=user.pk, is_active=True, council_member__isnull=True)
            .exclude(employee__is_active=False).exists())


@transaction.atomic
def password_set(*, user, password: str) -> None:
    """Set the password from a link (already checked and validated). The link is used up (the
    token hashes the password), and every session the login had ends (they carry a hash of the
    password)."""
    user.set_password(password)
    user.save(update_fields=["password"])
    AccountEvent.objects.create(kind=Kind.PASSWORD_SET, user=user,
                                employee=Employee.objects.filter(user=user).first())


def login_deactivate(*, employee: Employee, actor) -> None:
    """With the employee deactivated (inside employee_save's transaction): the login can no
    longer sign in, its password is gone and every session of it ends now. Reactivating brings
    none of them back: the employee sets a new password by a link."""
    user = employee.user
    if user is None:
        return
    user.is_active = False
    user.set_unusable_password()
    user.save(update_fields=["is_active", "password"])
    sessions_end(user=user)
    AccountEvent.objects.create(kind=Kind.DEACTIVATED, user=user, employee=employee, actor=actor)


def login_reactivate(*, employee: Employee, actor) -> None:
    """With the employee reactivated: the login may sign in again once a password is set."""
    user = employee.user
    if user is None or user.is_active:
        return
    user.is_active = True
    user.save(update_fields=["is_active"])
    AccountEvent.objects.create(kind=Kind.REACTIVATED, user=user, employee=employee, actor=actor)


def sessions_end(*, user) -> int:
    """Delete the user's sessions (database-backed: each is decoded to find its user). A session
    kept elsewhere ends anyway at its next request: its password hash no longer matches."""
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            session.delete()
            ended += 1
    return ended
