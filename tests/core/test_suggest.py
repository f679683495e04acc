# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The focus-area suggestions (core.suggest): Danish word forms, explanations, the threshold,
learning from what staff tagged, and a term table without personal data."""

import pytest
from django.contrib.auth import get_user_model

from lokalkontakt.core.models import FocusArea, FocusTerm, FocusTermTotal
from lokalkontakt.core.registry import tagged_texts
from lokalkontakt.core.suggest import focus_terms_learn, focus_terms_rebuild, suggest_focus_areas
from lokalkontakt.core.suggest.learning import report
from lokalkontakt.core.suggest.tokens import tokens
from lokalkontakt.inquiries.services.handling import inquiry_tag
from tests.inquiries.factories import InquiryFactory

pytestmark = pytest.mark.django_db


def focus(number: int) -> FocusArea:
    return FocusArea.objects.get(number=number)


def names(suggestions) -> list[str]:
    return [s.focus_area.name for s in suggestions]


def test_the_forms_of_one_word_count_as_one():
    stems = {t.stem for t in tokens("Skolen har mange skoler, og skolerne deler en skole.")}

    assert stems == {"skol", "del"}


def test_a_text_about_a_focus_area_suggests_it_with_the_words_that_led_to_it():
    suggestions = suggest_focus_areas("Ladestandere og solceller",
                                      "Vi ønsker flere solceller og ladestandere i byen.")

    assert names(suggestions)[0] == "Klima/bæredygtighed"
    assert {"Ladestandere", "solceller"} <= set(suggestions[0].words)


def test_the_explaining_words_are_written_as_in_the_text():
    suggestion = suggest_focus_areas("Skolerne og de unge",
                                     "De unge mangler en ungdomsuddannelse og job.")[0]

    assert suggestion.focus_area.name == "Unge på vej"
    assert "unge" in suggestion.words
    assert all(word in "Skolerne og de unge De unge mangler en ungdomsuddannelse og job."
               for word in suggestion.words)


def test_a_text_about_nothing_gets_no_suggestion():
    assert suggest_focus_areas("Spørgsmål", "Hej, jeg har et spørgsmål. Kan I ringe til mig?"
                               " Mvh Bo") == []


def test_an_empty_text_gets_no_suggestion_and_costs_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert suggest_focus_areas("", "  ") == []


def test_learning_from_tags_changes_the_suggestion():
    text = "Hallen og gymnastiksalen trænger til nye gulve og badminton-net."
    assert "Kultur" not in names(suggest_focus_areas(text))
    staff = get_user_model().objects.create(username="staff")

    for n in range(3):
        inquiry = InquiryFactory(subject=f"Gulvet i hallen {n}",
                                 text="Gymnastiksalen og hallen har slidte gulve og mangler net.")
        inquiry_tag(inquiry=inquiry, focus_areas=[focus(3)], actor=staff)

    assert names(suggest_focus_areas(text))[0] == "Kultur"


def test_the_daily_rebuild_forgets_a_removed_tag():
    staff = get_user_model().objects.create(username="staff")
    inquiry = InquiryFactory(subject="Gulvet i hallen", text="Hallen og gymnastiksalen er slidte.")
    inquiry_tag(inquiry=inquiry, focus_areas=[focus(3)], actor=staff)
    inquiry_tag(inquiry=inquiry, focus_areas=[focus(4)], actor=staff)
    assert set(FocusTerm.objects.filter(stem="gymnastiksal").values_list(
        "focus_area__number", flat=True)) == {3, 4}

    assert report() == "Focus-area suggestions: learned again from 1 tagged texts."

    assert list(FocusTerm.objects.filter(stem="gymnastiksal").values_list(
        "focus_area__number", "count")) == [(4, 1)]
    assert FocusTermTotal.objects.get(focus_area__number=4).texts == 1
    assert report() == ""  # once a day


def test_the_term_table_holds_no_personal_data():
    focus_terms_learn(text="Mette Jensen ringede fra 23456789. Skriv til mette@example.dk eller "
                           "se www.mette.dk. Hornborg Lokalråd vil have en cykelsti. Hans Hansen",
                      focus_area_ids=[focus(1).pk])

    stored = set(FocusTerm.objects.values_list("stem", flat=True))
    assert stored == {"ringed", "cykelsti"}  # a capitalised word may be a name: never stored


def test_every_tagged_kind_of_text_is_a_source():
    assert {"inquiries", "consultations", "notes"} <= {key for key, _v in tagged_texts.items()}


@pytest.mark.parametrize("tagged", [5, 200])
def test_a_suggestion_costs_two_queries_however_much_was_learned(tagged,
                                                                 django_assert_num_queries):
    for n in range(tagged):
        focus_terms_learn(text=f"cykelsti nummer{'x' * (n % 30)} fortov vejen trafik",
                          focus_area_ids=[focus(1 + n % 15).pk])
    FocusTerm.objects.bulk_create(FocusTerm(stem=f"ord{n}", focus_area=focus(2), count=1)
                                  for n in range(tagged * 10))

    with django_assert_num_queries(2):
        suggest_focus_areas("Trafik på vejen", "Vi ønsker en cykelsti og et fortov.")


def test_the_rebuild_reads_the_registered_sources():
    staff = get_user_model().objects.create(username="staff")
    inquiry = InquiryFactory(subject="Solceller", text="solceller på taget")
    inquiry_tag(inquiry=inquiry, focus_areas=[focus(6)], actor=staff)
    FocusTerm.objects.all().delete()

    assert focus_terms_rebuild() == 1
    assert FocusTerm.objects.get(stem="solcel").focus_area.number == 6
