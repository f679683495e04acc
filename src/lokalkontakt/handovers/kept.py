# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coordinator's list of handovers (views.handover_list) kept in the cache until what it
shows changes (issue 20): each page's content drawn once as HTML (handovers/_handover_list_body.html:
no form or token in it; only the coordinator reads the list), instead of the page of 50
handovers and the first areas due read and written again for every request.

The key holds what a page is drawn from besides the data: the page asked for (`side`, as given:
the cache of choices keeps it, so made-up pages cannot push out what everyone reads), today's
date (a handover's state: due, overdue, today), the language, the time zone (the note's date)
and the script prefix (the links). The version is the writes (areas.versions.data_version) of
every table the list reads: handovers, their areas, employees and assignments (the leaving
contact's end date; the areas due without a handover). Like the other kept pages, what is kept
also expires after KEEP_SECONDS."""

from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from lokalkontakt.areas.maps.cached import KEEP_SECONDS
from lokalkontakt.areas.models import Assignment, LocalArea
from lokalkontakt.areas.versions import data_version, kept_in, kept_key
from lokalkontakt.handovers.models import Handover
from lokalkontakt.people.models import Employee


def list_version() -> str:
    """Changes whenever the list may show something else (one query)."""
    return data_version(Handover, LocalArea, Employee, Assignment)


def kept_list_body(side, draw) -> str:
    """The list's content for the page `side` (?side=, None for the first), from the cache while
    its data are unchanged; `draw()` draws it (as HTML)."""
    key = kept_key("handovers:list:", (
        list_version(), side, timezone.localdate(), get_language(),
        timezone.get_current_timezone_name(), get_script_prefix()))
    cache = kept_in(chosen=True)
    body = cache.get(key)
    if body is None:
        body = draw()
        cache.set(key, body, KEEP_SECONDS)
    return mark_safe(body)  # noqa: S308 - drawn by the template, escaped there
