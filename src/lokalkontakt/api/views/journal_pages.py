# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Pages without a total: `next` and `previous` links only (journal.paging reads one row more
than the page). Counting every case to journalise cost more than the page at 100,000 inquiries.
`page_size` as every list takes it (api.pagination); a `page` that is not a whole number from 1,
or past the last page, answers 404 as the other lists do; given empty, it is the first."""

import re

from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from lokalkontakt.api.pagination import _StrictPageSize
from lokalkontakt.journal.paging import MAX_PAGE, page_of


class JournalPages(_StrictPageSize, BasePagination):
    def _number(self, request) -> int:
        value = request.query_params.get("page") or "1"  # given empty: as if left out
        if not re.fullmatch(r"[0-9]{1,7}", value) or not 1 <= int(value) <= MAX_PAGE:
            raise NotFound(_("Invalid page."))
        return int(value)

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.page = page_of(queryset, self._number(request), per_page=self.get_page_size(request))
        if self.page.number > 1 and not self.page.object_list:
            raise NotFound(_("Invalid page."))
        return self.page.object_list

    def _link(self, number: int) -> str:
        url = self.request.build_absolute_uri()
        return remove_query_param(url, "page") if number == 1 else replace_query_param(
            url, "page", number)

    def get_paginated_response(self, data):
        page = self.page
        return Response({
            "next": self._link(page.next_page_number()) if page.has_next() else None,
            "previous": self._link(page.previous_page_number()) if page.has_previous() else None,
            "results": data})

    def get_paginated_response_schema(self, schema):
        link = {"type": "string", "format": "uri", "nullable": True}
        return {"type": "object", "required": ["next", "previous", "results"],
                "properties": {"next": link, "previous": link, "results": schema}}

    def get_schema_operation_parameters(self, view):
        return [
            {"name": "page", "required": False, "in": "query",
             "description": "The page: 1, 2, … (follow `next`).",
             "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE}},
            {"name": "page_size", "required": False, "in": "query",
             "description": f"How many results a page holds: 1 to {self.max_page_size}, "
                            f"{self.page_size} if not given.",
             "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size}},
        ]
