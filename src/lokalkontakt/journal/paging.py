# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A page of a long list without counting it: one more row than the page holds is read to know
whether a next page exists. Counting every waiting case cost more than the rest of the page at
100,000 inquiries (bench/), and "Next"/"Previous" is all the list offers."""

from dataclasses import dataclass


@dataclass
class Page:
    object_list: list
    number: int
    per_page: int
    more: bool  # a next page exists

    def has_next(self) -> bool:
        return self.more

    def has_previous(self) -> bool:
        return self.number > 1

    def has_other_pages(self) -> bool:
        return self.has_next() or self.has_previous()

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1

    def start_index(self) -> int:
        return (self.number - 1) * self.per_page + 1 if self.object_list else 0

    def end_index(self) -> int:
        return (self.number - 1) * self.per_page + len(self.object_list)


# Beyond this, a page number is nonsense (and its offset would not fit the database's integer).
MAX_PAGE = 1_000_000


def page_number(value) -> int:
    """The page asked for (`?side=`), 1 when missing or not a positive number."""
    try:
        return min(max(int(value), 1), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


def page_of(rows, number, *, per_page: int) -> Page:
    """Page `number` (anything page_number accepts) of `rows`, anything sliceable in order (a
    queryset, journal.selectors.CaseRows): one read of per_page + 1 rows."""
    number = page_number(number)
    offset = (number - 1) * per_page
    window = list(rows[offset:offset + per_page + 1])
    return Page(object_list=window[:per_page], number=number, per_page=per_page,
                more=len(window) > per_page)
