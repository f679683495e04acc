# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Keeping the search index in step with the data.

Services call `index_update(obj)` and `index_remove(obj)` inside their own transaction, so the
index and the data commit or roll back together; a crash can never leave them apart (ADR 0005:
why this is not in transaction.on_commit, unlike e-mail). `rebuild` streams every object in
batches (bounded memory) and `catch_up` indexes anything missing and drops entries whose object
is gone: the periodic job runs it, for data written outside the services (imports, the admin).
"""

from collections.abc import Iterable

from django.db import connection, transaction

from lokalkontakt.core.models import SearchEntry, SearchEntryPerson, SearchText
from lokalkontakt.core.search.backends import backend
from lokalkontakt.core.search.registry import Source, source_for, sources

BATCH = 1000


def index_update(obj) -> None:
    """Index (again) one object whose kind has a source; others are ignored."""
    if source := source_for(obj):
        index_objects(source, [obj])


def index_remove(obj) -> None:
    if source := source_for(obj):
        remove_ids(source.kind, [obj.pk])


@transaction.atomic
def index_objects(source: Source, objects: Iterable, *, fresh: bool = False) -> int:
    """Write the objects' entries, replacing what they had (`fresh`: they have none, as in a
    rebuild). Returns how many."""
    documents = [source.document(obj) for obj in objects]
    if not documents:
        return 0
    if not fresh:
        remove_ids(source.kind, [d.object_id for d in documents])
    with connection.cursor() as cursor:
        ids = backend().insert(cursor, source.kind, documents)
    SearchText.objects.bulk_create(SearchText(entry_id=pk, text=d.snippet_text)
                                   for pk, d in zip(ids, documents, strict=True))
    Areas, Focus = SearchEntry.areas.through, SearchEntry.focus_areas.through
    Areas.objects.bulk_create(Areas(searchentry_id=pk, localarea_id=area)
                              for pk, d in zip(ids, documents, strict=True) for area in d.areas)
    Focus.objects.bulk_create(Focus(searchentry_id=pk, focusarea_id=focus)
                              for pk, d in zip(ids, documents, strict=True)
                              for focus in d.focus_areas)
    SearchEntryPerson.objects.bulk_create(
        SearchEntryPerson(entry_id=pk, employee_id=employee, role=role)
        for pk, d in zip(ids, documents, strict=True) for employee, role in set(d.people))
    return len(ids)


@transaction.atomic
def remove_ids(kind: str, object_ids: list[int]) -> None:
    _delete_entries(list(SearchEntry.objects.filter(kind=kind, object_id__in=object_ids)
                         .values_list("pk", flat=True)))


def _delete_entries(ids: list[int]) -> None:
    """The entries and their text in the backend (their people, areas and focus areas go too)."""
    if ids:
        with connection.cursor() as cursor:
            backend().delete(cursor, ids)
        SearchEntry.objects.filter(pk__in=ids).delete()


def _batches(queryset, size: int):
    """The queryset in lists of `size`, by primary key (keyset pagination: each batch is one
    query, and memory holds one batch, however many rows there are)."""
    last = 0
    while batch := list(queryset.filter(pk__gt=last).order_by("pk")[:size]):
        yield batch
        last = batch[-1].pk


def rebuild(kinds: Iterable[str] | None = None, *, batch: int = BATCH, progress=None) -> int:
    """Index every object of these kinds (all by default) anew, one batch per transaction.
    `progress(kind, done)` is called after each batch. Returns how many were indexed."""
    done = 0
    for kind, source in sources().items():
        if kinds is not None and kind not in kinds:
            continue
        remove_ids_all(kind)
        for objects in _batches(source.queryset(), batch):
            done += index_objects(source, objects, fresh=True)
            if progress:
                progress(kind, done)
    return done


@transaction.atomic
def remove_ids_all(kind: str, *, size: int = 5000) -> None:
    """Every entry of the kind, `size` at a time."""
    entries = SearchEntry.objects.filter(kind=kind).values_list("pk", flat=True)
    while ids := list(entries[:size]):
        _delete_entries(ids)


def catch_up() -> int:
    """Index the objects that have no entry and remove the entries whose object is gone.
    Idempotent; returns how many entries it changed."""
    changed = 0
    for kind, source in sources().items():
        entries = SearchEntry.objects.filter(kind=kind)
        missing = source.queryset().exclude(pk__in=entries.values("object_id"))
        for objects in _batches(missing, BATCH):
            changed += index_objects(source, objects)
        gone = entries.exclude(object_id__in=source.model.objects.values("pk"))
        gone_ids = list(gone.values_list("object_id", flat=True))
        remove_ids(kind, gone_ids)
        changed += len(gone_ids)
    return changed


def fill_texts(*, batch: int = BATCH) -> int:
    """Store the snippet text of the entries that have none (those indexed before it was kept),
    one batch per transaction, by object id: memory holds one batch however many there are.
    Returns how many entries got a text."""
    filled = 0
    for kind, source in sources().items():
        empty = SearchEntry.objects.filter(kind=kind, stored__isnull=True)
        for objects in _batches(source.queryset().filter(pk__in=empty.values("object_id")), batch):
            texts = {obj.pk: source.document(obj).snippet_text for obj in objects}
            with transaction.atomic():
                entries = empty.filter(object_id__in=list(texts)).values_list("pk", "object_id")
                filled += len(SearchText.objects.bulk_create(
                    SearchText(entry_id=pk, text=texts[object_id]) for pk, object_id in entries))
    return filled


def report() -> str:
    """run_jobs' line for the search index."""
    return f"Search: {catch_up()} entries caught up."
