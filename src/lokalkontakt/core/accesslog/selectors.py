"""Reading the access log: the entries a filter selects, and what each one was about."""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from lokalkontakt.core.models import AccessLogEntry
from lokalkontakt.core.registry import personal_data
from lokalkontakt.core.roles import person_name


def entries_matching(*, person: str = "", user: str = "", since: datetime.date | None = None,
                     until: datetime.date | None = None, how: str = "") -> QuerySet[AccessLogEntry]:
    """The entries about the person a name or e-mail address names (`person`: the objects that
    hold their data now, as each registered model finds them), by the users a name or username
    names (`user`), between two dates (inclusive, local time) and of one kind, newest first."""
    entries = AccessLogEntry.objects.all()
    if person:
        about = Q(pk__in=[])
        for label, source in personal_data.items():
            about |= Q(object_type=label, object_id__in=source.find(person))
        entries = entries.filter(about)
    if user:
        users = get_user_model().objects.filter(
            Q(username__icontains=user) | Q(first_name__icontains=user)
            | Q(last_name__icontains=user) | Q(employee__name__icontains=user)).values("pk")
        entries = entries.filter(Q(user_id__in=users) | Q(username__icontains=user))
    if since:
        entries = entries.filter(at__date__gte=since)
    if until:
        entries = entries.filter(at__date__lte=until)
    if how:
        entries = entries.filter(how=how)
    return entries.order_by("-at", "-pk")


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
    result = []
    for entry in entries:
        source = _source(entry.object_type)
        user = users.get(entry.user_id)
        who = (f"{person_name(user)} ({entry.username})" if user and person_name(user) != entry.username
               else entry.username)
        person, url = persons[entry.object_type].get(entry.object_id, ("", None))
        result.append(Row(entry=entry, who=who, person=person, url=url,
                          what=f"{source.label if source else entry.object_type} {entry.object_id}"))
    return result


def _source(label: str):
    return dict(personal_data.items()).get(label)


def personal_data_describe(label: str, ids) -> dict[int, tuple[str, str | None]]:
    """Whose data each of the objects holds; {} for a model no longer registered."""
    source = _source(label)
    return source.describe(sorted(ids)) if source else {}
