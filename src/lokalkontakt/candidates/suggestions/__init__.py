# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Suggestions for an area without a contact (issue 7, item 3): who could take it, ranked, each with
the reasons in words.

Candidates are the employees with an open nomination for the area or for no particular area, and
the current contacts (who may take a neighbouring area) — never arbitrary staff, as the role is
voluntary. Someone who already covers the area (e.g. its deputy) is left out, and so is a contact
who is handing an area over (a handover is due or planned: planning one marks it due), as she is
leaving the role rather than taking on more.

The score and its reasons: scoring. The database ranks every candidate by that score (ranking)
and only the best are loaded and explained (facts), in four queries however many employees,
areas and entries there are (issue 20); the page keeps them while their data are unchanged
(kept)."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from lokalkontakt.candidates.suggestions.facts import (
    candidates_of,
    covers_of,
    setting_for,
)
from lokalkontakt.candidates.suggestions.ranking import ScoredCandidates
from lokalkontakt.candidates.suggestions.scoring import (
    WEEKS,
    WEIGHTS,
    Candidate,
    NominationFact,
    Place,
    Setting,
    Suggestion,
    haversine_km,
    rank,
    score_of,
)

__all__ = ["WEEKS", "WEIGHTS", "Candidate", "NominationFact", "Place", "Ranking", "Setting",
           "Suggestion", "haversine_km", "rank", "score_of", "setting_for", "suggestions_for"]


@dataclass
class Ranking:
    suggestions: list  # the best, best first, with their reasons
    total: int  # every candidate


def suggestions_for(*, area, today: datetime.date | None = None,
                    limit: int | None = None) -> Ranking:
    """The best `limit` suggestions for an area (every one with None), best first, with how many
    candidates there are in all: the setting, the ranked ids with the count, those employees with
    their facts, their current areas and their open nominations (four queries; two without
    candidates)."""
    today = today or timezone.localdate()
    start = today - datetime.timedelta(days=7 * WEEKS - 1)
    setting = setting_for(area)
    scored = ScoredCandidates(area, setting, start=start, today=today)
    ids, total, facts = scored.ranked(limit)
    if not ids:
        return Ranking(suggestions=[], total=0)
    candidates = candidates_of(ids, facts, covers_of(ids))
    return Ranking(suggestions=[score_of(candidates[pk], setting) for pk in ids], total=total)
