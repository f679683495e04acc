# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Lists are paginated: 50 per page by default, `page_size` up to 200."""

from rest_framework.pagination import CursorPagination, PageNumberPagination


class Pages(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class NewestReceivedCursor(CursorPagination):
    """Lists that grow without end (the inquiries), by cursor: the `next` link carries where the
    page ended, so a later page costs what the first does and the whole table is never counted
    (bench/). The newest received first."""

    ordering = ("-received_on", "-id")
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
