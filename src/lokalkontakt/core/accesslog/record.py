# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Writing the access log: one entry per object shown, in one query per page."""

from django.utils import timezone

from lokalkontakt.core.http import client_address
from lokalkontakt.core.models import AccessLogEntry
from lokalkontakt.core.registry import personal_data

How = AccessLogEntry.How


def _page(request) -> str:
    """The page's address, without a private link's token (that is a key to the person's data:
    the log keeps the pattern, "henvendelser/følg/<token>/")."""
    match = request.resolver_match
    if match is not None and any("token" in name for name in match.kwargs):
        return "/" + match.route.replace("<str:", "<").replace("<slug:", "<")
    return request.path


def record(request, objects, *, how: str = How.PAGE) -> int:
    """Log that `request`'s user was shown the personal data in `objects` (model instances of
    models registered in core.registry.personal_data; None is skipped). One query; returns the
    number of entries written."""
    return record_references(
        request, [(obj._meta.label_lower, obj.pk) for obj in objects if obj is not None], how=how)


def record_references(request, references, *, how: str) -> int:
    """The same for (model label, id) pairs; repeats are written once."""
    seen = dict.fromkeys(references)
    for label, _pk in seen:
        if label not in personal_data:
            raise ValueError(f"{label} is not registered in core.registry.personal_data")
    if not seen:
        return 0
    user = request.user if request.user.is_authenticated else None
    common = {"at": timezone.now(), "user_id": user.pk if user else None,
              "username": user.get_username() if user else "", "how": how,
              "path": _page(request)[:300], "address": client_address(request)[:45]}
    AccessLogEntry.objects.bulk_create(
        [AccessLogEntry(object_type=label, object_id=pk, **common) for label, pk in seen])
    return len(seen)


def record_personal(request, references, *, how: str) -> int:
    """Log the references among `references` ((model label, id) pairs, or None) whose model holds
    personal data (is registered in core.registry.personal_data); others are not logged. For
    pages that mix kinds of objects, such as the search's hits."""
    return record_references(request, [ref for ref in references if ref and ref[0] in personal_data],
                             how=how)
