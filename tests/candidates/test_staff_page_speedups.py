# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The staff page's shortcuts give what Django's own code gives (issue 20): dates formatted
without django.utils.dateformat, the filter's select written out, its core areas from the
list already loaded."""

import datetime

import pytest
from django import forms
from django.utils import dateformat

from lokalkontakt.candidates.forms import StaffFilterForm
from lokalkontakt.candidates.tables import date_formatter
from lokalkontakt.core.selects import PlainSelect
from tests.people.factories import CoreAreaFactory

DAYS = [datetime.date(2026, 3, 4), datetime.date(9, 12, 31),
        datetime.datetime(2026, 1, 9, 23, 59, tzinfo=datetime.UTC)]


@pytest.mark.parametrize("short_date", ["d.m.Y", "m/d/Y", "j.n.Y", "Y-m-d", "{d}",
                                        "j. F Y", r"d\m Y", "D d.m.y"])
def test_a_date_formatted_as_django_formats_it(short_date):
    format_date = date_formatter(short_date)

    assert [format_date(day) for day in DAYS] == [dateformat.format(day, short_date)
                                                  for day in DAYS]


CHOICES = [("", "Alle & ingen"), (1, "Børn <og> Familie"), (2, 'Sundhed "og" Omsorg')]


@pytest.mark.parametrize("value", [None, "", "1", "2", "7"])
def test_the_plain_select_is_django_s_select(value):
    attrs = {"class": "form-select", "id": "id_core_area", "aria-describedby": "x-hint",
             "required": True, "disabled": False}

    plain = PlainSelect(choices=CHOICES).render("core_area", value, attrs=attrs)

    assert plain == forms.Select(choices=CHOICES).render("core_area", value, attrs=attrs)


@pytest.mark.django_db
def test_the_filter_takes_only_a_core_area_of_the_list(django_assert_num_queries):
    listed, other = [CoreAreaFactory(name="Læring"), CoreAreaFactory(name="Teknik")], CoreAreaFactory()

    with django_assert_num_queries(0):
        chosen = StaffFilterForm({"core_area": str(listed[1].pk)}, core_areas=listed)
        assert chosen.is_valid() and chosen.cleaned_data["core_area"] == listed[1]
        refused = StaffFilterForm({"core_area": str(other.pk)}, core_areas=listed)
        assert not refused.is_valid()
        rendered = str(StaffFilterForm(core_areas=listed)["core_area"])

    assert "invalid_choice" in refused.errors.as_data()["core_area"][0].code
    assert f'<option value="{listed[0].pk}">Læring</option>' in rendered
    assert f'value="{other.pk}"' not in rendered
