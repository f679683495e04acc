# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Lists are paginated: 50 per page by default, `page_size` up to 200.

A `page_size` that is not a whole number from 1 to 200 is refused (400), not quietly replaced
by the default: the caller would otherwise get another page size than it asked for, and the
schema says what is allowed (Schemathesis checks that what the schema forbids is refused).
Given empty, it is as if left out (the default), as every optional query parameter is
(api.schema); so are an empty `page` (the first page) and `cursor` (the first page)."""

import datetime
import re

from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import CursorPagination, PageNumberPagination


class _StrictPageSize:
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request):
        value = request.query_params.get(self.page_size_query_param)
        if not value:
            return self.page_size
        if not re.fullmatch(r"[0-9]{1,4}", value) or not 1 <= int(value) <= self.max_page_size:
            raise ValidationError({self.page_size_query_param: [
                _("Give a whole number from 1 to %(max)d.") % {"max": self.max_page_size}]})
        return int(value)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"]["minimum"] = 1
                parameter["schema"]["maximum"] = self.max_page_size
                parameter["description"] = (f"How many results a page holds: 1 to "
                                            f"{self.max_page_size}, {self.page_size} if not given.")
            elif parameter["schema"].get("type") == "integer":
                parameter["schema"]["minimum"] = 1
        return parameters


class Pages(_StrictPageSize, PageNumberPagination):
    pass


class NewestReceivedCursor(_StrictPageSize, CursorPagination):
    """Lists that grow without end (the inquiries), by cursor: the `next` link carries where the
    page ended, so a later page costs what the first does and the whole table is never counted
    (bench/). The newest received first."""

    ordering = ("-received_on", "-id")
    cursor_query_description = ("Where the page begins: leave it out for the first page, then "
                                "follow the `next` and `previous` links as they are (a cursor "
                                "the list did not give: 400).")

    def decode_cursor(self, request):
        """The position the `cursor` gives; None (the first page) without one. A cursor this
        list did not give is refused with 400, not answered 404 as DRF does: the list exists,
        the input is wrong."""
        if not request.query_params.get(self.cursor_query_param):
            return None
        try:
            cursor = super().decode_cursor(request)
            if cursor.position is not None:
                datetime.date.fromisoformat(cursor.position)  # received_on, as encoded
        except (NotFound, ValueError):
            raise ValidationError({self.cursor_query_param: [
                _("This is not a cursor the list gave: follow its next and previous links as "
                  "they are.")]}) from None
        return cursor
