# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The field for several local areas (areas.fields.AreaMultipleField) on its own: checkboxes
among few areas; among many one area per line, each line resolved on the server (an exact name
in one query for all lines, else the beginning), duplicates folded, bad lines refused one message
each, the queryset deciding which areas may be chosen, and a bounded cost to draw it."""

import pytest
from django import forms
from django.utils import translation

from lokalkontakt.areas.fields import AreaMultipleField
from lokalkontakt.areas.models import LocalArea
from lokalkontakt.areas.selectors import area_choices
from tests.areas.area_lines import CHECKBOX, SEVERAL, UNKNOWN, chosen, many_areas, textarea
from tests.areas.factories import LocalAreaFactory

pytestmark = pytest.mark.django_db


class Form(forms.Form):
    areas = AreaMultipleField(label="Local areas", required=False)

    def __init__(self, *args, queryset=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["areas"].queryset = area_choices() if queryset is None else queryset


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def many(settings):
    return many_areas(settings)


def test_among_few_areas_the_checkboxes_as_before(settings):
    settings.AREA_SELECT_MAX = 5
    areas = [LocalAreaFactory(name=name) for name in ["Glud", "Ørum"]]
    form = Form(initial={"areas": [areas[0].pk]})
    html = str(form["areas"])
    assert html.count('type="checkbox"') == 2 and "<textarea" not in html
    assert html.count("checked") == 1
    bound = Form({"areas": [str(areas[1].pk)]})
    assert bound.is_valid() and list(bound.cleaned_data["areas"]) == [areas[1]]


def test_the_lines_name_areas_by_name_or_beginning_and_fold_repeats(many):
    form = Form({"areas": "korning\r\n  Hornb \n\nØRUM\nkorning\nhornborg\n"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["areas"] == [many["Korning"], many["Hornborg"], many["Ørum"]]


def test_exact_names_cost_one_query_for_all_lines(many, django_assert_num_queries):
    form = Form({"areas": "\n".join(many)})
    with django_assert_num_queries(2):  # are there many areas; the names of every line
        assert form.is_valid()
    assert form.cleaned_data["areas"] == list(many.values())


def test_bad_lines_are_refused_each_with_its_message_and_the_rest_shown(many):
    form = Form({"areas": "Horn\nKorning\nAtlantis"})
    assert not form.is_valid()
    assert form.errors["areas"] == [SEVERAL.format("Horn", "Hornborg, Hornsyld"),
                                    UNKNOWN.format("Atlantis")]
    html = str(form["areas"])
    assert textarea(html) == "Horn\nKorning\nAtlantis"  # as written, to correct
    assert chosen(html) == ["Korning"]


def test_a_short_beginning_names_the_first_few(settings):
    settings.AREA_SELECT_MAX = 5
    for n in range(12):
        LocalAreaFactory(name=f"Sted {n:02}")
    form = Form({"areas": "Sted"})
    assert not form.is_valid()
    assert form.errors["areas"] == ["Many local areas match “Sted”, among them Sted 00, Sted 01, "
                                    "Sted 02, Sted 03, Sted 04. Write more of the name on that "
                                    "line."]


def test_too_many_lines_or_too_long_a_line(many):
    form = Form({"areas": "\n".join(f"Sted {n}" for n in range(201))})
    assert form.errors["areas"] == ["Write at most 200 local areas, one per line."]
    form = Form({"areas": "Korning\n" + "x" * 121})
    assert form.errors["areas"] == [
        f"The line “{'x' * 30}…” is too long: write at most 120 characters of an area's name "
        "on a line."]


def test_the_queryset_decides_which_areas_may_be_chosen(many):
    LocalAreaFactory(name="Glud")
    narrow = LocalArea.objects.exclude(name="Ørum")  # still more than 5
    form = Form({"areas": "Ørum\nKorning"}, queryset=narrow)
    assert form.errors["areas"] == [UNKNOWN.format("Ørum")]


def test_empty_is_none_unless_required(many):
    form = Form({"areas": " \n "})
    assert form.is_valid() and form.cleaned_data["areas"] == []
    form = Form({"areas": " \n "})
    form.fields["areas"].required = True
    assert form.errors["areas"] == ["This field is required."]


def test_the_initial_areas_show_as_lines_and_the_help_says_how(many):
    form = Form(initial={"areas": [many["Ørum"].pk, many["Hornborg"].pk]})
    html = str(form["areas"])
    assert textarea(html) == "Ørum\nHornborg"
    assert chosen(html) == ["Ørum", "Hornborg"]
    assert 'type="checkbox"' not in html
    assert form["areas"].help_text == ("Write one local area per line: its name, or the beginning "
                                       "of it.")


def test_drawing_the_field_costs_the_same_at_6_and_60_areas(many, django_assert_num_queries):
    initial = {"areas": [many["Ørum"].pk]}
    with django_assert_num_queries(2):  # are there many areas; the names of the initial ones
        html = str(Form(initial=initial)["areas"])
    LocalAreaFactory.create_batch(54)
    with django_assert_num_queries(2):
        assert str(Form(initial=initial)["areas"]) == html
    assert CHECKBOX not in html
