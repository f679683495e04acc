# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Lists are paginated: 50 per page by default, `page_size` up to 200.

A `page_size` that is not a whole number from 1 to 200 is refused (400), not quietly replaced
by the default: the caller would otherwise get another page size than it asked for, and the
schema says what is allowed (Schemathesis checks that what the schema forbids is refused)."""

import re

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import CursorPagination, PageNumberPagination


class _StrictPageSize:
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request):
        value = request.query_params.get(self.page_size_query_param)
        if value is None:
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
