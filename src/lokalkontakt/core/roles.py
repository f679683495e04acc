# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who a signed-in user is to Lokalkontakt. Roles are predicates (django-rules), never stored twice.

- coordinator: member of the group COORDINATOR_GROUP (or a superuser);
- staff: a user with an active employee record, or a coordinator;
- contact: an employee with at least one active assignment;
- leader: an active employee who leads a core area; sees the time its staff spend as contacts;
- data-protection officer: member of DATA_PROTECTION_GROUP: reads the access log (as does the
  coordinator), nothing else by that role;
- council member: a user tied to an active CouncilMember (councils.models): sees their own area's
  inquiries (without the submitters' personal data) and consultations, and answers consultations.
"""

import rules
from django.db.models import Exists, OuterRef

COORDINATOR_GROUP = "Landdistriktskoordinator"
# The data-protection officer (databeskyttelsesrådgiver) reads the access log, with the coordinator.
DATA_PROTECTION_GROUP = "Databeskyttelsesrådgiver"


def _role_flags(user) -> tuple[bool, bool, bool, bool]:
    """(in the coordinator group, leads a core area as an active employee, in the data-protection
    group, covers an area now as an active employee), read in one query and kept on the user
    object for the request: every page's menu needs them."""
    cached = getattr(user, "_lk_role_flags", None)
    if cached is None:
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group

        users = get_user_model().objects
        # The leader flag follows the user's relations by name: core imports no domain app.
        row = (users.filter(pk=user.pk).annotate(
            coordinator=Exists(Group.objects.filter(user=OuterRef("pk"), name=COORDINATOR_GROUP)),
            leader=Exists(users.filter(pk=OuterRef("pk"), employee__is_active=True,
                                       employee__led_core_areas__isnull=False)),
            data_protection=Exists(Group.objects.filter(user=OuterRef("pk"),
                                                        name=DATA_PROTECTION_GROUP)),
            # pk__isnull=False: the same join must find an assignment, not a NULL row.
            contact=Exists(users.filter(pk=OuterRef("pk"), employee__is_active=True,
                                        employee__assignments__pk__isnull=False,
                                        employee__assignments__ends_on__isnull=True)),
        ).values_list("coordinator", "leader", "data_protection", "contact").first())
        cached = tuple(bool(flag) for flag in row) if row else (False, False, False, False)
        user._lk_role_flags = cached
    return cached


@rules.predicate
def is_coordinator(user):
    """The coordinator runs the scheme; superusers act as coordinators."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return _role_flags(user)[0]


@rules.predicate
def is_employee(user):
    """A user tied to an active employee record (a municipal staff member)."""
    if not user.is_authenticated:
        return False
    employee = getattr(user, "employee", None)
    return employee is not None and employee.is_active


@rules.predicate
def is_council_member(user):
    """A member of a local council who was invited and signed in by a one-time link."""
    return council_area_of(user) is not None


def council_area_of(user):
    """The local area of the user's active council membership, or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    member = getattr(user, "council_member", None)
    if member is None or not member.is_active:
        return None
    return member.council.area


@rules.predicate
def is_leader(user):
    """An active employee who leads a core area (CoreArea.leaders): sees its staff's time."""
    if not user.is_authenticated:
        return False
    return _role_flags(user)[1]


@rules.predicate
def is_contact(user):
    """An active employee who covers a local area now, as its contact or deputy."""
    if not user.is_authenticated:
        return False
    return _role_flags(user)[3]


@rules.predicate
def is_data_protection_officer(user):
    """A member of the data-protection group (the municipality's DPO or their staff)."""
    if not user.is_authenticated:
        return False
    return _role_flags(user)[2]


def coordinator_emails() -> list[str]:
    """The coordinator's shared mailbox (settings.COORDINATOR_EMAIL) when set; else the addresses
    of the active coordinators (the employee record's e-mail first, else the account's), sorted
    and without repeats: who hears of what nobody else handles."""
    from django.conf import settings
    from django.contrib.auth import get_user_model

    if settings.COORDINATOR_EMAIL:
        return [settings.COORDINATOR_EMAIL]

    users = get_user_model().objects.filter(groups__name=COORDINATOR_GROUP, is_active=True)
    emails = []
    for user in users.select_related("employee"):
        employee = getattr(user, "employee", None)
        address = (employee.email if employee else "") or user.email
        if address:
            emails.append(address)
    return sorted(set(emails))


def person_name(user) -> str:
    """How people know a user: the employee's name, else the account's full name or username;
    empty for no user."""
    if user is None:
        return ""
    employee = getattr(user, "employee", None)
    if employee is not None and employee.name:
        return employee.name
    return user.get_full_name() or user.get_username()


is_staff_member = is_employee | is_coordinator

rules.add_perm("core.view_internal", is_staff_member)
rules.add_perm("core.coordinate", is_coordinator)
rules.add_perm("core.council", is_council_member)
rules.add_perm("core.see_capacity", is_coordinator | is_leader)
rules.add_perm("core.contact", is_contact)
rules.add_perm("core.read_access_log", is_coordinator | is_data_protection_officer)
