# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Reading the access log: the entries a filter selects, and what each one was about."""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils import timezone

from lokalkontakt.core.models import AccessLogEntry
from lokalkontakt.core.registry import personal_data
from lokalkontakt.core.roles import person_name

# A kind of object whose matches are more than this is filtered by a subquery instead of a list.
LIST_LIMIT = 2000


def entries_matching(*, person: str = "", user: str = "", since: datetime.date | None = None,
                     until: datetime.date | None = None, how: str = "") -> QuerySet[AccessLogEntry]:
    """The entries about the person a name or e-mail address names (`person`: the objects that
    hold their data now, as each registered model finds them), by the users a name or username
    names (`user`; a deleted account by its exact username), between two dates (inclusive, local
    time) and of one kind, newest first.

    The objects and users are looked up once, here, so that the page's count and rows use the
    log's indexes (object, user) instead of running the look-ups again per row."""
    entries = AccessLogEntry.objects.all()
    if person:
        entries = entries.filter(_about(person))
    if user:
        users = list(get_user_model().objects.filter(
            Q(username__icontains=user) | Q(first_name__icontains=user)
            | Q(last_name__icontains=user) | Q(employee__name__icontains=user))
            .values_list("pk", flat=True)[:LIST_LIMIT])
        # A deleted account is found by its username as it was.
        entries = entries.filter(user_id__in=users) if users else entries.filter(username=user)
    # Whole local days, as ranges of the indexed time (not a date function on every row).
    if since:
        entries = entries.filter(at__gte=_midnight(since))
    if until:
        entries = entries.filter(at__lt=_midnight(until + datetime.timedelta(days=1)))
    if how:
        entries = entries.filter(how=how)
    return entries.order_by("-at", "-pk")


def _midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def _about(person: str) -> Q:
    about = Q(pk__in=[])
    for label, source in personal_data.items():
        found = source.find(person)
        ids = list(found.values_list("pk", flat=True)[:LIST_LIMIT + 1])
        if len(ids) > LIST_LIMIT:
            about |= Q(object_type=label, object_id__in=found)
        elif ids:
            about |= Q(object_type=label, object_id__in=ids)
    return about


@dataclass(frozen=True)
class Row:
    """An entry as the reader sees it: who (name and username), what and whose data."""

    entry: AccessLogEntry
    who: str
    what: str
    person: str
    url: str | None


def rows(entries: list[AccessLogEntry]) -> list[Row]:
    """The entries with their users' names and whose data each object holds: one query for the
    users and one per kind of object on the page (the objects' own registered `describe`)."""
    ids_by_type: dict[str, set[int]] = {}
    for entry in entries:
        ids_by_type.setdefault(entry.object_type, set()).add(entry.object_id)
    persons = {label: personal_data_describe(label, ids) for label, ids in ids_by_type.items()}
    user_ids = {entry.user_id for entry in entries if entry.user_id}
    users = {user.pk: user for user in get_user_model().objects.filter(pk__in=user_ids)
             .select_related("employee")} if user_ids else {}
    names = {pk: person_name(user) for pk, user in users.items()}
    result = []
    for entry in entries:
        source = personal_data.get(entry.object_type)
        name = names.get(entry.user_id)
        who = f"{name} ({entry.username})" if name and name != entry.username else entry.username
        person, url = persons[entry.object_type].get(entry.object_id, ("", None))
        result.append(Row(entry=entry, who=who, person=person, url=url,
                          what=f"{source.label if source else entry.object_type} {entry.object_id}"))
    return result


def personal_data_describe(label: str, ids) -> dict[int, tuple[str, str | None]]:
    """Whose data each of the objects holds; {} for a model no longer registered."""
    source = personal_data.get(label)
    return source.describe(sorted(ids)) if source else {}
