# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""What the suggestions learn from: the stems of the texts staff tagged, counted per focus area.

When staff add a focus area to a text, its stems are counted at once (`focus_terms_learn`, called
by the app's service with only the newly added focus areas). Once a day the periodic job counts
everything again from the tagged texts the apps register (core.registry.tagged_texts), so removed
tags, edited and deleted texts drop out. Only stems are stored (see core.suggest.tokens).
"""

import datetime
from collections import Counter

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from lokalkontakt.core.models import FocusArea, FocusTerm, FocusTermTotal
from lokalkontakt.core.registry import tagged_texts
from lokalkontakt.core.suggest.tokens import tokens

REBUILD_AFTER = datetime.timedelta(days=1)


def _stems(text: str) -> Counter:
    return Counter(t.stem for t in tokens(text, stored=True))


@transaction.atomic
def focus_terms_learn(*, text: str, focus_area_ids) -> None:
    """Count the text's stems for each of the focus areas (ids) it was just tagged with."""
    stems, focus_ids = _stems(text), list(dict.fromkeys(focus_area_ids))
    if not stems or not focus_ids:
        return
    existing = {(t.stem, t.focus_area_id): t for t in FocusTerm.objects.filter(
        stem__in=list(stems), focus_area_id__in=focus_ids)}
    new = []
    for focus_id in focus_ids:
        for stem, count in stems.items():
            term = existing.get((stem, focus_id))
            if term is None:
                new.append(FocusTerm(stem=stem, focus_area_id=focus_id, count=count))
            else:
                term.count += count
    FocusTerm.objects.bulk_update(existing.values(), ["count"])
    FocusTerm.objects.bulk_create(new, ignore_conflicts=True)
    for focus_id in focus_ids:
        FocusTermTotal.objects.get_or_create(focus_area_id=focus_id)
    FocusTermTotal.objects.filter(focus_area_id__in=focus_ids).update(
        terms=F("terms") + stems.total(), texts=F("texts") + 1)


@transaction.atomic
def focus_terms_rebuild() -> int:
    """Count the stems of every tagged text again (the registered sources); returns the number
    of texts."""
    counts, totals, texts = Counter(), Counter(), Counter()
    number = 0
    valid = set(FocusArea.objects.values_list("pk", flat=True))
    for source in tagged_texts:
        for text, focus_area_ids in source():
            focus_ids = set(focus_area_ids) & valid
            stems = _stems(text)
            if not focus_ids or not stems:
                continue
            number += 1
            for focus_id in focus_ids:
                for stem, count in stems.items():
                    counts[stem, focus_id] += count
                totals[focus_id] += stems.total()
                texts[focus_id] += 1
    FocusTerm.objects.all().delete()
    FocusTerm.objects.bulk_create(
        (FocusTerm(stem=s, focus_area_id=f, count=n) for (s, f), n in counts.items()),
        batch_size=2000)
    FocusTermTotal.objects.all().delete()
    now = timezone.now()
    FocusTermTotal.objects.bulk_create(
        FocusTermTotal(focus_area_id=f, terms=totals[f], texts=texts[f], rebuilt_at=now)
        for f in valid)
    return number


def demo_rebuild(*, with_users: bool, stdout=None) -> None:
    """load_demo's last step (core.registry.demo_loaders): count the demo's tagged texts."""
    focus_terms_rebuild()


def report() -> str:
    """run_jobs' line: the terms counted again when the last count is a day old."""
    last = FocusTermTotal.objects.filter(rebuilt_at__isnull=False).order_by(
        "rebuilt_at").values_list("rebuilt_at", flat=True).first()
    if last is not None and timezone.now() - last < REBUILD_AFTER:
        return ""
    return f"Focus-area suggestions: learned again from {focus_terms_rebuild()} tagged texts."
