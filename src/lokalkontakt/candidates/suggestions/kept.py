# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The suggestions for an area (views.suggestions) kept in the cache until what they are drawn
from changes (issue 20): the best candidates with their scores and reasons (a Ranking, as data;
the rows are written from it for each request). One query (suggestions_version) tells whether a
kept ranking is current, instead of the setting's, the ranking's and the best's queries, whose
time grows with the thousand candidates scored.

The key holds what the ranking is drawn from besides the data: the area, how many are shown,
today's date (the twelve weeks of time end today), the language and time zone of the reasons
(numbers, the nomination's date), and the settings the score reads (the time band, the
neighbour distance). The version covers every table the ranking reads (suggestions.ranking,
suggestions.facts):

- employees (active, name, core area, login), core areas (names, how many), assignments
  (current, role, handover due) and local areas (names, places): every write goes through
  save(), with updated_at among the update_fields where they are named (areas.services,
  handovers.services, organisation.services, people.oidc); no .update() touches these tables;
- nominations (status, the candidate, who nominated): changed in place (their updated_at has no
  index), so their history's highest id, which django-simple-history writes on every save and
  delete (candidates.services save them, status and dates in update_fields); the areas they
  name, a through table whose rows are only added and deleted: its count and highest id;
- time entries (large, updated_at without an index): their count and highest id and their
  history's highest id, as the time overview reads them (timesheets.kept);
- the accounts of those who nominated (their names when they are no employee): their count and
  highest id, so a new or deleted account shows (deleting one empties the nominations' "by" and
  the employee's login by an UPDATE, without updated_at or a history row). An account is
  renamed only in Django's admin (no service renames one; an employee's name, which the
  reasons prefer, is in the employees' version): such a rename shows when the kept copy
  expires.

Like the other kept pages, what is kept expires after KEEP_SECONDS: two writes may commit in the
other order than they took their updated_at."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import get_language

from lokalkontakt.areas.maps.cached import KEEP_SECONDS
from lokalkontakt.areas.versions import data_version, kept_in, kept_key
from lokalkontakt.candidates.suggestions import Ranking, suggestions_for
from lokalkontakt.candidates.suggestions.ranking import read_models
from lokalkontakt.candidates.suggestions.scoring import neighbour_km
from lokalkontakt.people.models import CoreArea


def suggestions_version() -> str:
    """Changes whenever a suggestion, its score or its reasons may change (one query)."""
    read = read_models()
    return data_version(read["employee"], CoreArea, read["assignment"], read["area"],
                        added=(read["named"], read["entry"], get_user_model()),
                        histories=(read["nomination"], read["entry"]))


def kept_suggestions(*, area, limit: int) -> Ranking:
    """suggestions_for(area=area, limit=limit), from the cache while its data are unchanged."""
    today = timezone.localdate()
    key = kept_key("candidates:suggestions:", (
        area.pk, limit, today, get_language(), timezone.get_current_timezone_name(),
        tuple(settings.TIME_BAND_MINUTES), neighbour_km()))
    # One copy per area (the version kept in it, so a newer one replaces it): a coordinator may
    # walk through every area, kept apart from the pages everyone reads.
    version, cache = suggestions_version(), kept_in(chosen=True)
    kept = cache.get(key)
    if kept is not None and kept[0] == version:
        return kept[1]
    ranking = suggestions_for(area=area, today=today, limit=limit)
    cache.set(key, (version, ranking), KEEP_SECONDS)
    return ranking
