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
suggestions.facts) by its writes (areas.versions.data_version): employees (active, name, core
area, login), core areas (names, how many), assignments (current, role, handover due), local
areas (names, places), nominations (status, the candidate, who nominated) and the areas they
name, time entries, and the accounts of those who nominated (their names when they are no
employee).

Like the other kept pages, what is kept also expires after KEEP_SECONDS."""

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
                        read["named"], read["entry"], read["nomination"], get_user_model())


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
