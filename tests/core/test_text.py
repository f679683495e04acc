# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Danish alphabetical order: Æ, Ø, Å come after Z, and "Aa" is Å."""

from hypothesis import given
from hypothesis import strategies as st

from lokalkontakt.core.text import danish_sort_key, danish_sorted


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
