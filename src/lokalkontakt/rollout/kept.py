# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The rollout overview's need for contacts (views.overview: the counts of the councils' answers,
the interested areas lacking a contact with the nominations naming them, the nominations naming
no area) kept in the cache until what it reads changes (issue 20): the Need (for the figures at
the top of the page) and its section drawn as HTML (rollout/_need.html, no form in it). One query
(need_version) tells whether a kept copy is current, instead of the need's four queries over
every area. The plan, with its buttons' forms (a csrf token each), is read and drawn for every
request (one query over a handful of steps).

The key holds what the section is drawn from besides the data: whether the reader coordinates
(who is nominated is the coordinator's to know; everyone else reads the same), today's date, the
language and the time zone (the labels, the answers' dates). The version covers every table
rollout.selectors.rollout_need reads, by their writes (areas.versions.data_version): local
areas (answers, invitations, names, slugs), assignments (active, primary, handover due),
employees (the candidates' and successors' names, their order), core areas (the candidates'),
handovers (planned, to whom), nominations (open, the candidate, the note) and the areas
nominations name.

Like the other kept pages, what is kept also expires after KEEP_SECONDS."""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from lokalkontakt.areas.maps.cached import KEEP_SECONDS
from lokalkontakt.areas.models import Assignment, LocalArea
from lokalkontakt.areas.versions import data_version, kept_in, kept_key
from lokalkontakt.people.models import CoreArea, Employee
from lokalkontakt.rollout.selectors import need_models


def need_version() -> str:
    """Changes whenever the overview's need may change (one query)."""
    handover, nomination, named = need_models()
    return data_version(LocalArea, Assignment, Employee, CoreArea, named, handover, nomination)


def kept_need(*, may_coordinate: bool, draw) -> tuple:
    """(the Need, its section as HTML): `draw()` (views._need) and the section drawn from it,
    from the cache while the data are unchanged."""
    key = kept_key("rollout:need:", (
        need_version(), may_coordinate, timezone.localdate(), get_language(),
        timezone.get_current_timezone_name()))
    cache = kept_in(chosen=False)  # nothing chosen: two copies (coordinator, other staff)
    kept = cache.get(key)
    if kept is None:
        need = draw()
        kept = (need, render_to_string("rollout/_need.html", {
            "need": need, "may_coordinate": may_coordinate}))
        cache.set(key, kept, KEEP_SECONDS)
    need, html = kept
    return need, mark_safe(html)  # noqa: S308 - drawn by the template, which escapes
