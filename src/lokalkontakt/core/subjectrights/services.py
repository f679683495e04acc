# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Erasing a person's data (art. 17)."""

from django.db import transaction

from lokalkontakt.core.accesslog.record import record_references
from lokalkontakt.core.models import AccessLogEntry
from lokalkontakt.core.registry import personal_data
from lokalkontakt.core.subjectrights.selectors import found_ids


@transaction.atomic
def person_erase(*, request, query: str, chosen: set[tuple[str, int]]) -> list[tuple[object, object]]:
    """Erase the person's data from the objects `chosen` ((model label, id) pairs) that the
    person's search term `query` still finds, each as its app allows (`PersonalData.erase`,
    which re-reads the object under a lock and refuses what may not be erased now), in one
    transaction; the objects erased are written in the access log (how: erasure) by
    `request`'s user. All ids are found before anything is erased, as erasing one source
    may make another's search miss (an inquiry's e-mails). Returns (label, Erasure) pairs."""
    outcomes, erased = [], []
    for key, ids in found_ids(query).items():
        wanted = [pk for pk in ids if (key, pk) in chosen]
        source = personal_data.get(key)
        if not wanted or source.erase is None:
            continue
        for outcome in source.erase(wanted, actor=request.user, query=query):
            outcomes.append((source.label, outcome))
            if outcome.erased:
                erased.append((key, outcome.object_id))
    record_references(request, erased, how=AccessLogEntry.How.ERASURE)
    return outcomes
