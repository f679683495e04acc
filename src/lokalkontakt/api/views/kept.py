# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Public lists kept in the cache, as the public directory keeps its content
(areas.views.directory): a page is drawn once for its URL and language, and drawn again when the
version of the data it shows has changed (areas.versions.data_version: one query a request).

Only for public endpoints (api.views.base.PublicViewSet): every caller sees the same, so a
kept page is shared by all of them. A keyed list must not be kept this way — what a key sees
depends on its scopes.

Only the parameters the endpoint documents are kept, each once and page numbers as the list
writes them (`page=2`, not `page=02`): any other parameter (`?utm_source=…`, `?format=json`) is
answered for the request alone, so that made-up URLs cannot fill the cache and push out what
everyone reads. A filter's value (a search's words, a postcode) can still be varied without end:
those answers are kept in the cache of choices (areas.versions.kept_in), apart from the list's
own pages. Only answers of 200 are kept; an invalid filter or a page past the end raises
before anything is kept."""

import hashlib
import re

from django.conf import settings
from django.utils import translation
from rest_framework.response import Response

from lokalkontakt.areas.maps.cached import KEEP_SECONDS
from lokalkontakt.areas.versions import kept_in

NUMBER = re.compile(r"[1-9][0-9]{0,4}")
NUMBERS = ("page", "page_size")


def list_parameters(view, filter_serializer) -> frozenset:
    """The query parameters a list documents: its filters and its pagination's."""
    paginator = view.pagination_class
    return frozenset({*filter_serializer().fields, paginator.page_query_param,
                      paginator.page_size_query_param})


def kept_list(request, *, name: str, parameters: frozenset, version, draw):
    """The response `draw()` gives for this request, kept under `name` while `version()` (the
    version of the data the list shows) stays the same. `parameters`: those the list documents
    (list_parameters); a request with any other is drawn and not kept."""
    if not _keepable(request.query_params, parameters):
        return draw()
    current, key = version(), _key(request, name)
    # a filter (a search's words, a postcode) in the cache of choices; the pages of the whole list
    # in the default cache
    cache = kept_in(chosen=any(value for parameter, value in request.query_params.items()
                                 if parameter not in NUMBERS))
    kept = cache.get(key)
    if kept is not None and kept[0] == current:
        return Response(kept[1])
    response = draw()
    if response.status_code == 200:
        cache.set(key, (current, response.data), KEEP_SECONDS)
    return response


def _keepable(query, parameters: frozenset) -> bool:
    if not set(query) <= parameters or any(len(values) > 1 for _name, values in query.lists()):
        return False
    return all(not query.get(number) or NUMBER.fullmatch(query[number]) for number in NUMBERS)


def _key(request, name: str) -> str:
    """The whole URL as asked for (the `next` and `previous` links repeat its scheme, host and
    parameters in their order), the language (the labels) and the site's address (the areas'
    links)."""
    url = hashlib.sha256(f"{settings.SITE_URL} {request.build_absolute_uri()}".encode())
    return f"api.kept.{name}:{translation.get_language()}:{url.hexdigest()}"
