# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Versions of what the cached pages and resources are drawn from (areas.maps.cached, the
public directory's cached content): one query a request tells whether a kept copy is current."""

import functools
import hashlib

from django.core.cache import caches
from django.db import connection
from django.db.models import Func, QuerySet


def data_version(*models, added=(), counted=(), latest=(), histories=()) -> str:
    """Changes whenever a row of the models' tables is written: their counts and latest
    changes, in one query (each table needs an index on updated_at to stay cheap). Every write
    of these models goes through save(), which sets updated_at; a deleted row changes the count.
    Two writes may commit in the other order than they took their updated_at (on PostgreSQL
    two transactions; on SQLite a save waiting for the write lock), so what is kept by this
    version is also kept for a few minutes at most (areas.maps.cached.KEEP_SECONDS).
    `added`: models without updated_at whose rows are only added (or deleted), never changed:
    their counts and highest ids. `counted`: querysets whose rows are counted as well (the
    rows a change that the rest does not see leaves behind, e.g. an erased name). `latest`:
    append-only tables (a model's history, which django-simple-history writes on every save and
    delete through the ORM): their highest id alone, read from the primary key's index.
    `histories`: models changed in place without updated_at: their history's highest id (as
    `latest`), django-simple-history writing a row on every save and delete."""
    latest = (*latest, *map(_history_model, histories))
    columns, params = [_changed(model) for model in models], []
    for model in added:
        table, pk = map(connection.ops.quote_name, (model._meta.db_table, model._meta.pk.column))
        columns.append(f"(SELECT COUNT(*) FROM {table}), (SELECT MAX({pk}) FROM {table})")  # noqa: S608 - the models' own tables
    for model in latest:
        table, pk = map(connection.ops.quote_name, (model._meta.db_table, model._meta.pk.column))
        columns.append(f"(SELECT MAX({pk}) FROM {table})")  # noqa: S608 - the models' own tables
    for queryset in counted:
        _aggregated(queryset, ("COUNT",), columns, params)
    return "/".join(map(str, _select(columns, params)))


def versions_of(parts) -> dict:
    """{part: its version} for models (their count and latest updated_at, as data_version) and
    querysets (their rows' count and sum of ids), in one query (none without parts)."""
    parts = list(dict.fromkeys(parts))
    if not parts:
        return {}
    columns, params = [], []
    for part in parts:
        if isinstance(part, QuerySet):
            _aggregated(part, ("COUNT", "SUM"), columns, params)
        else:
            columns.append(_changed(part))
    values = [str(value) for value in _select(columns, params)]
    return {part: f"{values[2 * i]}:{values[2 * i + 1]}" for i, part in enumerate(parts)}


def _changed(model) -> str:
    table = connection.ops.quote_name(model._meta.db_table)
    updated = connection.ops.quote_name(model._meta.get_field("updated_at").column)
    return f"(SELECT COUNT(*) FROM {table}), (SELECT MAX({updated}) FROM {table})"  # noqa: S608 - the models' own tables


def _aggregated(queryset: QuerySet, functions: tuple, columns: list, params: list) -> None:
    for function in functions:
        sql, more = queryset.order_by().values(v=Func("pk", function=function)).query.sql_with_params()
        columns.append(f"({sql})")
        params.extend(more)


def _select(columns: list, params: list) -> tuple:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(columns)}", params)  # noqa: S608 - built by this module, values as parameters
        return cursor.fetchone()


@functools.cache
def _history_model(model):
    # Reading Model.history builds a manager class each time (~1 ms): once a model.
    return model.history.model


def kept_key(prefix: str, drawn: tuple) -> str:
    """A cache key for what is drawn from `drawn` (a version and the choices, as a tuple of
    values with stable reprs), of a fixed length whatever was chosen."""
    return prefix + hashlib.sha256(repr(drawn).encode()).hexdigest()


def kept_in(*, chosen: bool):
    """The cache that keeps a drawn answer: an answer to what a visitor chose (a search's words, a
    filter, a report's period: anyone can vary them without end) in the cache of its own
    (settings.CACHES["chosen"]), the rest in the default cache, so that made-up choices cannot
    push out what everyone reads."""
    return caches["chosen" if chosen else "default"]
