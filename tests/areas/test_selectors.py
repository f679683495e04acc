# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Reads about local areas: the directory's search and filter, the coordinator's overview, "Mine områder"."""

import datetime

import pytest

from lokalkontakt.areas import selectors
from lokalkontakt.areas.events import CONFLICT_LISTED_TWICE
from lokalkontakt.areas.models import AreaEvent, Participation
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.people.factories import CoreAreaFactory, EmployeeFactory

pytestmark = pytest.mark.django_db


def names(areas):
    return [area.name for area in areas]


@pytest.fixture
def hedensted_sample(db):
    """A few areas as in Hedensted: name, towns and postcodes differ."""
    LocalAreaFactory(name="Juelsminde", towns="Juelsminde", postcodes="7130", parish="Juelsminde")
    LocalAreaFactory(name="Hjarnø", towns="Hjarnø", postcodes="7130", parish="Hjarnø Sogn")
    LocalAreaFactory(name="Ølsted", towns="Ølsted", postcodes="8723", parish="Ølsted")
    LocalAreaFactory(name="Hornsyld-Bråskov", towns="Hornsyld; Bråskov", postcodes="8783",
                     parish="Hornsyld")
    LocalAreaFactory(name="Åle-Hjortsvang", towns="Åle; Hjortsvang", postcodes="8763",
                     parish="Linnerup")


# --- directory_areas: search -------------------------------------------------------------------


def test_directory_finds_an_area_by_part_of_its_name(hedensted_sample):
    assert names(selectors.directory_areas(query="juels")) == ["Juelsminde"]


def test_directory_finds_an_area_by_a_town_that_is_not_its_name(hedensted_sample):
    assert names(selectors.directory_areas(query="Bråskov")) == ["Hornsyld-Bråskov"]


def test_directory_finds_every_area_with_a_postcode(hedensted_sample):
    assert names(selectors.directory_areas(query="7130")) == ["Hjarnø", "Juelsminde"]


def test_directory_finds_an_area_by_its_parish(hedensted_sample):
    assert names(selectors.directory_areas(query="linnerup")) == ["Åle-Hjortsvang"]


@pytest.mark.parametrize("query", ["ølsted", "ØLSTED", "Ølsted"])
def test_directory_search_ignores_the_case_of_danish_letters(hedensted_sample, query):
    assert names(selectors.directory_areas(query=query)) == ["Ølsted"]


def test_directory_search_needs_every_word_to_match(hedensted_sample):
    assert names(selectors.directory_areas(query="7130 hjarnø")) == ["Hjarnø"]


def test_directory_search_without_a_match_finds_nothing(hedensted_sample):
    assert names(selectors.directory_areas(query="Aarhus")) == []


def test_directory_lists_areas_in_danish_order(db):
    for name in ["Åle-Hjortsvang", "Øster Snede", "As", "Ølholm", "Vrigsted", "Ærø"]:
        LocalAreaFactory(name=name)

    assert names(selectors.directory_areas()) == [
        "As", "Vrigsted", "Ærø", "Ølholm", "Øster Snede", "Åle-Hjortsvang"]


# --- directory_areas: coverage -----------------------------------------------------------------


@pytest.fixture
def covered_uncovered_handover(db):
    AssignmentFactory(area__name="Glud", handover=True)
    AssignmentFactory(area__name="Barrit")
    AssignmentFactory(area__name="Stouby", ended=True)
    AssignmentFactory(area__name="Urlev", deputy=True)
    LocalAreaFactory(name="As")


def test_directory_shows_only_covered_areas(covered_uncovered_handover):
    assert names(selectors.directory_areas(coverage="covered")) == ["Barrit"]


def test_directory_shows_areas_without_a_contact_including_ended_and_deputy_only(
        covered_uncovered_handover):
    assert names(selectors.directory_areas(coverage="uncovered")) == ["As", "Stouby", "Urlev"]


def test_directory_shows_areas_with_a_handover_due(covered_uncovered_handover):
    assert names(selectors.directory_areas(coverage="handover")) == ["Glud"]


def test_directory_ignores_an_unknown_coverage_filter(covered_uncovered_handover):
    assert len(selectors.directory_areas(coverage="everything")) == 5


def test_directory_areas_carry_their_current_contact_and_deputy(db):
    contact = AssignmentFactory(area__name="Glud", employee__name="Susanne Ernst")
    AssignmentFactory(area=contact.area, employee__name="Gammel Kontakt", starts_on=datetime.date(
        2020, 4, 1), ends_on=datetime.date(2023, 12, 31))
    AssignmentFactory(area=contact.area, employee__name="Lise Lokal", deputy=True)

    [area] = selectors.directory_areas()

    assert area.primary_assignment.employee.name == "Susanne Ernst"
    assert area.deputy_assignment.employee.name == "Lise Lokal"
    assert area.coverage == "covered"


# --- coverage_overview -------------------------------------------------------------------------


@pytest.fixture
def overview_data(db):
    leisure = CoreAreaFactory(name="Fritid og Fællesskab")
    learning = CoreAreaFactory(name="Læring")
    CoreAreaFactory(name="Teknik og Miljø")
    susanne = EmployeeFactory(name="Susanne Ernst", core_area=leisure)
    henriette = EmployeeFactory(name="Henriette Petersen", core_area=learning)
    lars = EmployeeFactory(name="Lars Mikkelsen", core_area=learning)
    nobody = EmployeeFactory(name="Anne-Mette Agermark", core_area=None)
    AssignmentFactory(area__name="Glud", employee=susanne, handover=True)
    AssignmentFactory(area__name="Snaptun", employee=susanne, handover=True)
    AssignmentFactory(area__name="Løsning", employee=henriette)
    AssignmentFactory(area__name="Rårup", employee=henriette)
    AssignmentFactory(area__name="Løsning", employee=lars, deputy=True)
    AssignmentFactory(area__name="Ølsted", employee=lars, ended=True)
    AssignmentFactory(area__name="Hedensted", employee=nobody)
    LocalAreaFactory(name="As", participation=Participation.DECLINED,
                     participation_date=datetime.date(2025, 2, 1))
    LocalAreaFactory(name="Bjerre", participation=Participation.INTERESTED,
                     participation_date=datetime.date(2025, 2, 1))


def overview(limit=10):
    return selectors.coverage_overview(limit=limit)


def test_overview_counts_every_area(overview_data):
    assert overview().total == 8


def test_overview_counts_each_list_in_the_database(overview_data):
    assert overview().counts == {"total": 8, "uncovered": 3, "handover": 2, "declined": 1,
                                 "unanswered": 6}


def test_overview_lists_the_areas_without_a_contact_in_danish_order(overview_data):
    assert names(overview().lists["uncovered"]) == ["As", "Bjerre", "Ølsted"]


def test_overview_lists_the_areas_with_a_handover_due(overview_data):
    assert names(overview().lists["handover"]) == ["Glud", "Snaptun"]


def test_overview_lists_the_councils_that_declined(overview_data):
    assert names(overview().lists["declined"]) == ["As"]


def test_overview_lists_the_councils_that_have_not_answered(overview_data):
    assert names(overview().lists["unanswered"]) == [
        "Glud", "Hedensted", "Løsning", "Rårup", "Snaptun", "Ølsted"]


def test_overview_lists_only_the_first_rows_of_each_list_but_counts_them_all(overview_data):
    cut = overview(limit=2)

    assert names(cut.lists["unanswered"]) == ["Glud", "Hedensted"]
    assert cut.counts["unanswered"] == 6
    assert [c.name for c in cut.contacts] == ["Anne-Mette Agermark", "Henriette Petersen"]
    assert cut.contact_count == 4


def test_an_overview_list_is_in_danish_order_with_aa_last(db):
    for name in ["Aarup", "Ørum", "Ærø", "Bjerre", "Åle"]:
        LocalAreaFactory(name=name)

    assert names(selectors.area_group("uncovered")) == ["Bjerre", "Ærø", "Ørum", "Åle", "Aarup"]


def test_overview_counts_contacts_and_covered_areas_per_core_area(overview_data):
    rows = [(c.name, c.contact_count, c.area_count) for c in overview().core_areas]

    assert rows == [("Fritid og Fællesskab", 1, 2), ("Læring", 2, 2), ("Teknik og Miljø", 0, 0)]


def test_overview_counts_only_employees_covering_an_area_now_as_their_core_areas_contacts(db):
    # Employees with no assignment or only ended ones are not contacts (an outer join counted
    # those with none, so the core areas' figures did not add up to the contacts' total).
    teknik = CoreAreaFactory(name="Teknik og Miljø")
    EmployeeFactory(name="Leder uden områder", core_area=teknik)
    AssignmentFactory(employee=EmployeeFactory(name="Tidligere kontakt", core_area=teknik),
                      ended=True)
    AssignmentFactory(employee=EmployeeFactory(name="Kontakt", core_area=teknik),
                      area__name="Glud")
    AssignmentFactory(employee=EmployeeFactory(name="Stedfortræder", core_area=teknik),
                      area__name="Glud", deputy=True)

    result = overview()

    assert [(c.name, c.contact_count, c.area_count) for c in result.core_areas] == [
        ("Teknik og Miljø", 2, 1)]
    assert result.contact_count == 2


def test_overview_counts_the_contacts_without_a_core_area(overview_data):
    assert overview().without_core_area == 1


def test_overview_counts_areas_per_contact_and_how_many_as_contact(overview_data):
    rows = [(c.name, c.area_count, c.primary_count) for c in overview().contacts]

    assert rows == [("Anne-Mette Agermark", 1, 1), ("Henriette Petersen", 2, 2),
                    ("Lars Mikkelsen", 1, 0), ("Susanne Ernst", 2, 2)]


def test_overview_lists_the_conflicts_found_in_the_sources_in_danish_order(db):
    for name in ["Ørum", "Stenderup"]:
        AreaEvent.objects.create(area=LocalAreaFactory(name=name), kind=AreaEvent.Kind.CONFLICT,
                                 data={"code": CONFLICT_LISTED_TWICE, "source": "Bilag 1",
                                       "entry": f"{name} – Lise Lokal"})
    AreaEvent.objects.create(area=LocalAreaFactory(name="Glud"), kind=AreaEvent.Kind.IMPORTED)

    result = overview()

    assert [event.area.name for event in result.conflicts] == ["Stenderup", "Ørum"]
    assert result.conflict_count == 2


def test_overview_counts_every_conflict_but_lists_only_the_first(db):
    for name in ["Ørum", "Stenderup", "Glud"]:
        AreaEvent.objects.create(area=LocalAreaFactory(name=name), kind=AreaEvent.Kind.CONFLICT,
                                 data={"code": CONFLICT_LISTED_TWICE, "source": "Bilag 1",
                                       "entry": f"{name} – Lise Lokal"})

    result = overview(limit=2)

    assert [event.area.name for event in result.conflicts] == ["Glud", "Stenderup"]
    assert result.conflict_count == 3


def test_overview_counts_only_an_active_primary_as_cover_and_its_handover(db):
    # Glud: its contact ended (handover due then), a deputy remains: uncovered, no handover due.
    glud = LocalAreaFactory(name="Glud")
    AssignmentFactory(area=glud, ended=True, handover=True)
    AssignmentFactory(area=glud, deputy=True, handover=True)
    AssignmentFactory(area__name="Snaptun", handover=True)
    AssignmentFactory(area__name="Rårup")

    result = overview()

    assert (result.counts["uncovered"], result.counts["handover"]) == (1, 1)
    assert names(result.lists["uncovered"]) == ["Glud"]
    assert names(result.lists["handover"]) == ["Snaptun"]


def test_overview_of_an_empty_database_is_empty(db):
    result = overview()

    assert (result.total, result.lists["uncovered"], result.contacts, result.contact_count,
            result.without_core_area, result.conflict_count) == (0, [], [], 0, 0, 0)


# --- areas_of_employee -------------------------------------------------------------------------


def test_areas_of_employee_includes_areas_where_they_are_deputy(db):
    lise = EmployeeFactory(name="Lise Lokal")
    AssignmentFactory(area__name="Korning", employee=lise)
    AssignmentFactory(area__name="Hornborg", employee=lise, deputy=True)

    assert names(selectors.areas_of_employee(employee=lise)) == ["Hornborg", "Korning"]


def test_areas_of_employee_leaves_out_ended_assignments(db):
    lise = EmployeeFactory(name="Lise Lokal")
    AssignmentFactory(area__name="Korning", employee=lise)
    AssignmentFactory(area__name="Glud", employee=lise, ended=True)

    assert names(selectors.areas_of_employee(employee=lise)) == ["Korning"]


def test_areas_of_employee_leaves_out_colleagues_areas(db):
    lise = EmployeeFactory(name="Lise Lokal")
    AssignmentFactory(area__name="Korning", employee=lise)
    AssignmentFactory(area__name="Glud")

    assert names(selectors.areas_of_employee(employee=lise)) == ["Korning"]


def test_areas_of_no_employee_is_empty(db):
    AssignmentFactory(area__name="Korning")

    assert names(selectors.areas_of_employee(employee=None)) == []


def test_search_matches_a_decomposed_aa_typed_by_the_user(db):

    LocalAreaFactory(name="Åle-Hjortsvang", towns="Åle; Hjortsvang", postcodes="")
    decomposed = "A\u030ale"

    names = [area.name for area in selectors.directory_areas(query=decomposed)]

    assert names == ["Åle-Hjortsvang"]
