# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Versions of what the cached pages and resources are drawn from (areas.maps.cached, the
public directory's cached content): one query a request tells whether a kept copy is current."""

import hashlib

from django.core.cache import caches
from django.db import connection
from django.db.models import Func, QuerySet

from lokalkontakt.core.tablewrites import written


def data_version(*models, counted=()) -> str:
    """Changes whenever a row of the models' tables is written, in one query: each table's
    recorded writes (core.tablewrites: their count and highest id, one grouped query over a few
    index entries, whatever the tables' sizes). `counted`: querysets whose rows are counted as
    well (what changes without a write: the meetings held by now)."""
    read = _read(models, counted, ("COUNT",))
    return "/".join(f"{key}:{read[key]}" for key in sorted(read))


def versions_of(parts) -> dict:
    """{part: its version} for models (their recorded writes, as data_version) and querysets
    (their rows' count and sum of ids), in one query (none without parts)."""
    parts = list(dict.fromkeys(parts))
    if not parts:
        return {}
    querysets = [part for part in parts if isinstance(part, QuerySet)]
    models = [part for part in parts if not isinstance(part, QuerySet)]
    read = _read(models, querysets, ("COUNT", "SUM"))
    keys = {**{model: model._meta.db_table for model in models},
            **{queryset: f"q{i}" for i, queryset in enumerate(querysets)}}
    return {part: read.get(keys[part], "-") for part in parts}


def _read(models, querysets, functions: tuple) -> dict:
    """{table name: "count:highest id"} of the models' recorded writes and {"q<i>":
    "<function>:<function>"} of the querysets, in one query."""
    selects, params = [], []
    if models:
        sql, more = written(models)
        selects.append(sql)
        params += more
    for i, queryset in enumerate(querysets):
        columns = []
        params.append(f"q{i}")
        for function in functions:
            sql, more = queryset.order_by().values(v=Func("pk", function=function)).query.sql_with_params()
            columns.append(f"({sql})")
            params.extend(more)
        columns += ["NULL"] * (2 - len(functions))
        selects.append(f"SELECT %s, {', '.join(columns)}")
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects), params)
        return {key: f"{first}:{second}" for key, first, second in cursor.fetchall()}


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
