# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Versions of what the cached pages and resources are drawn from (areas.maps.cached, the
public directory's cached content): one query a request tells whether a kept copy is current."""

import hashlib

from django.core.cache import caches
from django.db import connection
from django.db.models import Func, QuerySet

from lokalkontakt.core.tablewrites import version_columns


def data_version(*models, counted=()) -> str:
    """Changes whenever a row of the models' tables is written, in one query: each table's
    recorded writes (core.tablewrites: their count and highest id, two index probes, whatever
    the table's size). `counted`: querysets whose rows are counted as well (what changes without
    a write: the meetings held by now)."""
    columns, params = version_columns(models)
    for queryset in counted:
        _aggregated(queryset, ("COUNT",), columns, params)
    return "/".join(map(str, _select(columns, params)))


def versions_of(parts) -> dict:
    """{part: its version} for models (their recorded writes, as data_version) and querysets
    (their rows' count and sum of ids), in one query (none without parts)."""
    parts = list(dict.fromkeys(parts))
    if not parts:
        return {}
    columns, params = [], []
    for part in parts:
        if isinstance(part, QuerySet):
            _aggregated(part, ("COUNT", "SUM"), columns, params)
        else:
            more_columns, more_params = version_columns([part])
            columns += more_columns
            params += more_params
    values = [str(value) for value in _select(columns, params)]
    return {part: f"{values[2 * i]}:{values[2 * i + 1]}" for i, part in enumerate(parts)}


def _aggregated(queryset: QuerySet, functions: tuple, columns: list, params: list) -> None:
    for function in functions:
        sql, more = queryset.order_by().values(v=Func("pk", function=function)).query.sql_with_params()
        columns.append(f"({sql})")
        params.extend(more)


def _select(columns: list, params: list) -> tuple:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(columns)}", params)  # noqa: S608 - built by this module, values as parameters
        return cursor.fetchone()


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
