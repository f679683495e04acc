# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Pages without a total: `next` and `previous` links only (journal.paging reads one row more
than the page). Counting every case to journalise cost more than the page at 100,000 inquiries."""

from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from lokalkontakt.journal.paging import page_number, page_of


class JournalPages(BasePagination):
    page_size = 50
    max_page_size = 200

    def _size(self, request) -> int:
        try:
            size = int(request.query_params.get("page_size", self.page_size))
        except ValueError:
            return self.page_size
        return min(max(size, 1), self.max_page_size)

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.page = page_of(queryset, page_number(request.query_params.get("page")),
                            per_page=self._size(request))
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
             "description": "The page (1, 2, …).", "schema": {"type": "integer"}},
            {"name": "page_size", "required": False, "in": "query",
             "description": f"Cases a page, at most {self.max_page_size} (default "
                            f"{self.page_size}).", "schema": {"type": "integer"}},
        ]
