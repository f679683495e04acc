# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Which focus areas a text is about, and the words that say so.

A naive Bayes model over word stems: each focus area's words are those of its own name and
description (the seminar's text, core/data/focus_areas.json) plus those of every text staff
tagged with it (core.models.FocusTerm). A text's score for a focus area is the evidence its words
give for that focus area against all of them together (a log-likelihood ratio with Dirichlet
smoothing): words common to every focus area weigh nothing, words that belong to one weigh most.
A focus area is suggested when its score passes THRESHOLD and comes near the best one's, so a
text that says little gets no suggestion rather than a wrong one.

Reading a suggestion costs two queries whatever the number of tagged texts: the focus areas
with their totals, and the terms of the text's stems.
"""

import functools
import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from lokalkontakt.core.models import FocusArea, FocusTerm
from lokalkontakt.core.suggest.tokens import tokens

NAME_WEIGHT = 6  # each word of a focus area's name counts as often as this in its texts
DESCRIPTION_WEIGHT = 1  # and each word of its description
SMOOTHING = 80  # Dirichlet mu: how much a focus area's own words must say before they count
THRESHOLD = 2.5  # the least evidence (in nats) for a suggestion
NEAR_BEST = 0.6  # a second or third suggestion needs this share of the best one's score
MAX_SUGGESTIONS = 3
MAX_WORDS = 5  # words named to explain a suggestion
WORD_WEIGHT = 0.5  # the least a word must weigh to be named
MAX_STEMS = 400  # a long text is judged on its first 400 different stems


@dataclass(frozen=True)
class Suggestion:
    focus_area: FocusArea
    score: float
    words: tuple[str, ...]  # the text's words that weighed most for it, as written


@functools.lru_cache(maxsize=64)
def _own_words(name: str, description: str) -> tuple[tuple[str, int], ...]:
    counts = Counter()
    for token in tokens(name):
        counts[token.stem] += NAME_WEIGHT
    for token in tokens(description):
        counts[token.stem] += DESCRIPTION_WEIGHT
    return tuple(counts.items())


class Model:
    """The counts a suggestion needs: per focus area, its stems' counts and their total."""

    def __init__(self, focus_areas, learned, learned_totals: dict[int, int]):
        self.focus_areas = {f.pk: f for f in focus_areas}
        self.counts: dict[int, Counter] = defaultdict(Counter)
        self.totals: Counter = Counter()
        for focus in focus_areas:
            own = _own_words(focus.name, focus.description)
            self.counts[focus.pk].update(dict(own))
            self.totals[focus.pk] = sum(n for _s, n in own) + learned_totals.get(focus.pk, 0)
        for focus_id, stem, count in learned:
            if focus_id in self.focus_areas:
                self.counts[focus_id][stem] += count
        self.all_terms = sum(self.totals.values()) or 1
        self.background = Counter()
        for counts in self.counts.values():
            self.background.update(counts)

    @classmethod
    def for_stems(cls, stems) -> "Model":
        """The model restricted to the given stems (the rest cannot change a score's ranking
        beyond what the totals already say): two queries."""
        focus_areas = list(FocusArea.objects.select_related("term_total").order_by("number"))
        learned = FocusTerm.objects.filter(stem__in=list(stems)[:MAX_STEMS]).values_list(
            "focus_area_id", "stem", "count") if stems else []
        totals = {f.pk: f.term_total.terms for f in focus_areas if hasattr(f, "term_total")}
        return cls(focus_areas, list(learned), totals)

    def weight(self, focus_id: int, stem: str) -> float:
        """What one occurrence of the stem says for the focus area (0 for an unknown stem)."""
        seen = self.background[stem]
        if not seen:
            return 0.0
        p_all = seen / self.all_terms
        p_focus = (self.counts[focus_id][stem] + SMOOTHING * p_all) / (
            self.totals[focus_id] + SMOOTHING)
        return math.log(p_focus / p_all)

    def suggest(self, found) -> list[Suggestion]:
        stems = Counter(t.stem for t in found)
        forms = {}
        for token in found:
            forms.setdefault(token.stem, token.word)
        scored = []
        for focus_id, focus in self.focus_areas.items():
            parts = {s: n * self.weight(focus_id, s) for s, n in stems.items()}
            score = sum(parts.values())
            words = [forms[s] for s, w in sorted(parts.items(), key=lambda p: -p[1])
                     if w >= WORD_WEIGHT][:MAX_WORDS]
            scored.append(Suggestion(focus_area=focus, score=score, words=tuple(words)))
        scored.sort(key=lambda s: (-s.score, s.focus_area.number))
        best = scored[0].score if scored else 0
        return [s for s in scored[:MAX_SUGGESTIONS]
                if s.score >= THRESHOLD and s.score >= NEAR_BEST * best and s.words]


def suggest_focus_areas(*texts: str) -> list[Suggestion]:
    """The focus areas the texts (e.g. a subject and a text) are about, best first, each with
    the words that led to it; none when they say too little. Two queries (none for no words)."""
    found = [token for text in texts for token in tokens(text)]
    if not found:
        return []
    return Model.for_stems({t.stem for t in found}).suggest(found)
