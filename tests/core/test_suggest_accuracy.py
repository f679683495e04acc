# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""How often the suggestions agree with a person, measured two ways.

1. data/tagged_inquiries.json: 75 inquiries as local councils and citizens write them, each
   tagged by hand (five per focus area, some with two). Five times, a fifth is held out: the
   model learns from the rest (through the term table, as in production) and suggests for the
   held-out ones. Measured (five folds, three shuffles): suggestions for about 55 % of the
   held-out inquiries, and of those the first suggestion is one of the person's focus areas
   about 70 % of the time (about 38 % of all; choosing at random would hit 8 %).
2. The demo's 30 tagged inquiries, each held out once, the model learning from the 75 and the
   demo's others: suggestions for 43 %, the first one right for 54 % of those (23 % of all).
   They are written in a different voice from the 75, which is why they score lower.

The floors are a little under the measures, so a change that makes the suggestions worse
fails here."""

import json
import random
from pathlib import Path

import pytest

from lokalkontakt.core.models import FocusArea, FocusTerm, FocusTermTotal
from lokalkontakt.core.suggest import focus_terms_learn, suggest_focus_areas

pytestmark = pytest.mark.django_db

CORPUS = json.loads((Path(__file__).parent / "data" / "tagged_inquiries.json").read_text())
FOLDS = 5


def held_out_results(seed: int) -> list[tuple[set[int], list[int]]]:
    """(the person's focus areas, the suggested ones) for every inquiry, each held out once."""
    ids = dict(FocusArea.objects.values_list("number", "pk"))
    order = list(range(len(CORPUS)))
    random.Random(seed).shuffle(order)
    results = []
    for fold in range(FOLDS):
        held_out = set(order[fold::FOLDS])
        FocusTerm.objects.all().delete()
        FocusTermTotal.objects.all().delete()
        for n, item in enumerate(CORPUS):
            if n not in held_out:
                focus_terms_learn(text=f"{item['subject']}\n{item['text']}",
                                  focus_area_ids=[ids[f] for f in item["focus_areas"]])
        for n in sorted(held_out):
            item = CORPUS[n]
            suggested = suggest_focus_areas(item["subject"], item["text"])
            results.append(({ids[f] for f in item["focus_areas"]},
                            [s.focus_area.pk for s in suggested]))
    return results


def agreement(results, name: str) -> tuple[float, float]:
    """(the share that got a suggestion, the share of those whose first suggestion is one of
    the person's focus areas), printed for the closing note."""
    suggested = [(human, machine) for human, machine in results if machine]
    coverage = len(suggested) / len(results)
    top1 = sum(machine[0] in human for human, machine in suggested) / len(suggested)
    print(f"\n{name} held out: {len(results)}; with a suggestion {coverage:.0%}; first "
          f"suggestion among the person's focus areas {top1:.0%} of those, {top1 * coverage:.0%} "
          "of all.")
    return coverage, top1


def test_held_out_inquiries_are_tagged_as_a_person_would():
    coverage, top1 = agreement([r for seed in (1, 2, 3) for r in held_out_results(seed)],
                               "Hand-tagged inquiries")

    assert coverage >= 0.45
    assert top1 >= 0.62


def demo_held_out_results() -> list[tuple[set[int], list[int]]]:
    """Each of the demo's tagged inquiries held out once; the model learns from the 75 above and
    the demo's other tagged inquiries."""
    from lokalkontakt.inquiries.demo import INQUIRIES

    ids = dict(FocusArea.objects.values_list("number", "pk"))
    by_slug = dict(FocusArea.objects.values_list("slug", "pk"))
    corpus = [(f"{item['subject']}\n{item['text']}", [ids[f] for f in item["focus_areas"]])
              for item in CORPUS]
    demo = [(f"{row.subject}\n{row.text}", [by_slug[slug] for slug in row.focus])
            for row in INQUIRIES if row.focus]
    results = []
    for n, (text, human) in enumerate(demo):
        FocusTerm.objects.all().delete()
        FocusTermTotal.objects.all().delete()
        for other, tags in corpus + demo[:n] + demo[n + 1:]:
            focus_terms_learn(text=other, focus_area_ids=tags)
        subject, _newline, body = text.partition("\n")
        results.append((set(human), [s.focus_area.pk for s in suggest_focus_areas(subject, body)]))
    return results


def test_the_demos_inquiries_held_out_one_at_a_time_are_tagged_as_their_writer_did():
    coverage, top1 = agreement(demo_held_out_results(), "Demo inquiries")

    # Measured: 30 held out, 13 with a suggestion (43 %), 7 of those right first (54 %).
    assert coverage >= 0.4
    assert top1 >= 0.5
