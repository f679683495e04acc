# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Danish alphabetical order: Æ, Ø, Å come after Z, and "Aa" is Å. Durations as people say them;
English dates as en-GB writes them."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import formats, translation
from hypothesis import given
from hypothesis import strategies as st

from lokalkontakt.core.text import (
    danish_sort_key,
    danish_sorted,
    format_duration,
    format_duration_range,
)


def test_danish_letters_sort_after_z_in_the_order_ae_oe_aa():
    names = ["Åle", "Zealand", "Ølsted", "Ærø", "Barrit"]

    assert danish_sorted(names) == ["Barrit", "Zealand", "Ærø", "Ølsted", "Åle"]


def test_double_a_sorts_as_aa_after_oe():
    names = ["Aabenraa", "Ørum", "Abild", "Zinkby"]

    assert danish_sorted(names) == ["Abild", "Zinkby", "Ørum", "Aabenraa"]


def test_double_a_and_aa_give_the_same_key():
    assert danish_sort_key("Aabenraa") == danish_sort_key("Åbenrå")


def test_aale_hjortsvang_sorts_after_oester_snede():
    names = ["Åle-Hjortsvang", "Øster Snede", "Ølsted", "As"]

    assert danish_sorted(names) == ["As", "Ølsted", "Øster Snede", "Åle-Hjortsvang"]


def test_sorting_ignores_case():
    assert danish_sort_key("ØLSTED") == danish_sort_key("ølsted")
    assert danish_sorted(["bjerre", "As", "Barrit", "ASKOV"]) == ["As", "ASKOV", "Barrit", "bjerre"]


def test_accented_letters_sort_with_their_base_letter_and_german_umlauts_as_danish():
    assert danish_sort_key("Élise") == danish_sort_key("elise")
    assert danish_sort_key("Jäger") == danish_sort_key("Jæger")
    assert danish_sort_key("Öl") == danish_sort_key("Øl")


def test_a_shorter_name_sorts_before_a_longer_one_that_starts_with_it():
    assert danish_sorted(["Stenderup Sogn", "Stenderup"]) == ["Stenderup", "Stenderup Sogn"]


def test_digits_sort_before_letters_and_in_numeric_order_of_each_digit():
    assert danish_sorted(["Glud", "8722", "7130"]) == ["7130", "8722", "Glud"]


def test_a_decomposed_aa_written_as_a_and_a_ring_sorts_as_aa():
    decomposed = "A\u030ale-Hjortsvang"  # as pasted from some Mac programs

    assert danish_sort_key(decomposed) == danish_sort_key("Åle-Hjortsvang")


def test_superscript_digits_are_ignored_rather_than_failing():
    assert danish_sort_key("Område²") == danish_sort_key("Område")


def test_danish_sorted_takes_a_key_for_objects():
    rows = [{"name": "Ørum"}, {"name": "As"}, {"name": "Åle"}]

    assert [row["name"] for row in danish_sorted(rows, key=lambda row: row["name"])] == [
        "As", "Ørum", "Åle"]


@given(st.text())
def test_the_key_is_only_digits_two_per_kept_character(value):
    key = danish_sort_key(value)

    assert key == "" or key.isascii() and key.isdigit()
    assert len(key) % 2 == 0


@given(st.lists(st.text(max_size=12)))
def test_danish_sorted_is_stable_and_ordered_by_the_key(values):
    result = danish_sorted(values)

    assert sorted(result) == sorted(values)
    keys = [danish_sort_key(value) for value in result]
    assert keys == sorted(keys)
    for key in set(keys):
        same_key_in_input = [value for value in values if danish_sort_key(value) == key]
        same_key_in_output = [value for value in result if danish_sort_key(value) == key]
        assert same_key_in_output == same_key_in_input


@given(st.text(), st.text())
def test_any_two_strings_compare_one_way_only(first, second):
    a, b = danish_sort_key(first), danish_sort_key(second)

    assert (a < b) + (a > b) + (a == b) == 1
    assert danish_sorted([first, second]) == danish_sorted([second, first]) or a == b


@pytest.mark.parametrize(("minutes", "english", "danish"), [
    (0, "0 min", "0 min"),
    (45, "45 min", "45 min"),
    (60, "1 hour", "1 time"),
    (90, "1½ hours", "1½ timer"),
    (75, "1 h 15 min", "1 t 15 min"),
    (120, "2 hours", "2 timer"),
    (2837, "47 h 17 min", "47 t 17 min"),
])
def test_a_duration_reads_as_people_say_it(minutes, english, danish):
    with translation.override("en"):
        assert format_duration(minutes) == english
    with translation.override("da"):
        assert format_duration(minutes) == danish


@pytest.mark.parametrize(("low", "high", "english"), [
    (60, 90, "1–1½ hours"),  # the seed's "1–1½ timer om ugen"
    (2820, 4230, "47–70½ hours"),  # a year's band, not "2820–4230 minutes"
    (2844, 4266, "47½–71 hours"),  # long spans are estimates: to the half hour
    (36, 54, "36 min – 54 min"),
    (48, 72, "48 min – 1 h 12 min"),
])
def test_an_expected_span_of_time_reads_as_people_say_it(low, high, english):
    with translation.override("en"):
        assert format_duration_range(low, high) == english


def test_the_duration_filters_render_in_templates():
    template = Template("{% load lk %}{{ minutes|duration }} ({{ low|duration_range:high }})")

    with translation.override("en"):
        html = template.render(Context({"minutes": 150, "low": 60, "high": 90}))

    assert html == "2½ hours (1–1½ hours)"


@pytest.mark.parametrize(("language", "short", "long", "moment"), [
    ("en", "01/05/2027", "1 May 2027", "01/05/2027 14:30"),
    ("da", "01.05.2027", "1. maj 2027", "01.05.2027 14:30"),
])
def test_english_dates_are_british_and_danish_dates_danish(language, short, long, moment):
    with translation.override(language):
        assert formats.date_format(datetime.date(2027, 5, 1), "SHORT_DATE_FORMAT") == short
        assert formats.date_format(datetime.date(2027, 5, 1), "DATE_FORMAT") == long
        assert formats.date_format(datetime.datetime(2027, 5, 1, 14, 30),
                                   "SHORT_DATETIME_FORMAT") == moment
