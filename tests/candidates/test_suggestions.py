# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Suggestions for an area without a contact (issue 7, item 3): the ranking with concrete employees,
areas, coordinates and time, its order and reasons, ties and no candidates; then who the selector
takes as candidates from the database, and its fixed number of queries."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from lokalkontakt.areas.models import Assignment, AssignmentRole
from lokalkontakt.candidates.models import Nomination
from lokalkontakt.candidates.services import nomination_create
from lokalkontakt.candidates.suggestions import (
    Candidate,
    NominationFact,
    Place,
    Setting,
    haversine_km,
    rank,
    suggestions_for,
)
from lokalkontakt.core.roles import COORDINATOR_GROUP
from lokalkontakt.core.text import danish_sort_key
from lokalkontakt.people.models import Employee
from lokalkontakt.timesheets.models import TimeEntry
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.people.factories import CoreAreaFactory, EmployeeFactory, UserFactory

# Approximate centres (hedensted-areas.csv).
STOUBY = Place("Stouby", 55.6922, 9.7842)
BARRIT = Place("Barrit", 55.6870, 9.8978)  # 7.1 km east of Stouby
DAUGAARD = Place("Daugård", 55.7250, 9.7079)  # 6 km
HEDENSTED = Place("Hedensted", 55.7725, 9.7017)  # 10 km
JUELSMINDE = Place("Juelsminde", 55.7000, 10.0167)  # 14.6 km
GLUD = Place("Glud")  # no coordinates

TEKNIK, LAERING, SUNDHED, FRITID = 1, 2, 3, 4
NAMES = {TEKNIK: "Teknik og Miljø", LAERING: "Læring", SUNDHED: "Sundhed og Omsorg",
         FRITID: "Fritid og Fællesskab"}
# 16 contacts in four core areas: 4 on average.
SETTING = Setting(area=STOUBY, contacts_per_core_area={TEKNIK: 10, LAERING: 1, SUNDHED: 5},
                  core_area_count=4, band=(60, 90), weeks=12, neighbour_km=8)
NOVEMBER_12 = datetime.date(2026, 11, 12)


def candidate(pk: int, name: str, core_area: int | None = TEKNIK, **fields) -> Candidate:
    return Candidate(employee_id=pk, name=name, sort_name=danish_sort_key(name),
                     core_area_id=core_area, core_area=NAMES.get(core_area, ""), **fields)


METTE = candidate(1, "Mette Møller", LAERING,
                  nomination=NominationFact(by="Lene Holm", on=NOVEMBER_12, for_area=True))
CARL = candidate(2, "Carl Clausen", TEKNIK,
                 nomination=NominationFact(by="Lene Holm", on=NOVEMBER_12, for_area=False))
ANDERS = candidate(3, "Anders Ahl", TEKNIK, covers=(BARRIT,), minutes=12 * 35, has_time=True)
BIRTHE = candidate(4, "Birthe Bak", SUNDHED, covers=(HEDENSTED,), minutes=12 * 100,
                   has_time=True)


def names(suggestions) -> list[str]:
    return [s.candidate.name for s in suggestions]


# --- the ranking --------------------------------------------------------------------------------


def test_the_distances_are_as_the_crow_flies():
    assert round(haversine_km(STOUBY, BARRIT), 1) == 7.1
    assert round(haversine_km(STOUBY, DAUGAARD), 1) == 6.0
    assert round(haversine_km(STOUBY, HEDENSTED), 1) == 10.3
    assert round(haversine_km(STOUBY, JUELSMINDE), 1) == 14.6


def test_the_candidates_are_ranked_with_their_reasons():
    suggestions = rank([BIRTHE, ANDERS, CARL, METTE], SETTING)

    assert names(suggestions) == ["Mette Møller", "Carl Clausen", "Anders Ahl", "Birthe Bak"]
    mette, carl, anders, birthe = suggestions
    assert mette.reasons == [
        "Indstillet til Stouby af Lene Holm 12.11.2026",
        "Dækker endnu ikke et lokalområde",
        "Ingen tid registreret de seneste 12 uger; dækker intet område",
        "Læring har 1 af de 16 lokalkontakter"]
    assert carl.reasons[0] == "Indstillet uden et bestemt område af Lene Holm 12.11.2026"
    assert anders.reasons == [
        "Dækker Barrit 7 km væk",
        "Registrerer i snit 35 min./uge; båndet er 60–90",
        "Teknik og Miljø har 10 af de 16 lokalkontakter"]
    assert birthe.reasons == [
        "Dækker Hedensted 10 km væk",
        "Registrerer i snit 100 min./uge; båndet er 60–90",
        "Sundhed og Omsorg har 5 af de 16 lokalkontakter"]


def test_the_parts_of_the_score():
    mette, carl, anders, birthe = rank([METTE, CARL, ANDERS, BIRTHE], SETTING)

    # nomination ×3, distance ×2, capacity ×2, balance ×1
    assert mette.parts == {"nomination": 1.0, "distance": 0.0, "capacity": 1.0, "balance": 0.8}
    assert mette.score == 5.8
    assert carl.parts["nomination"] == 0.5
    assert carl.score == pytest.approx(1.5 + 2 + 4 / 14)
    assert anders.parts["distance"] == 1.0  # a neighbour: within 8 km
    assert anders.parts["capacity"] == pytest.approx(55 / 90)
    assert anders.score == pytest.approx(2 + 2 * 55 / 90 + 4 / 14)
    assert birthe.parts["distance"] == pytest.approx(8 / haversine_km(STOUBY, HEDENSTED))
    assert birthe.parts["capacity"] == 0.0  # above the band
    assert birthe.parts["balance"] == pytest.approx(4 / 9)


def test_a_neighbour_with_spare_time_beats_a_distant_one():
    near = candidate(5, "Nora Nær", TEKNIK, covers=(DAUGAARD,), minutes=12 * 40, has_time=True)
    far = candidate(6, "Frede Fjern", TEKNIK, covers=(JUELSMINDE,), minutes=12 * 40,
                    has_time=True)

    assert names(rank([far, near], SETTING)) == ["Nora Nær", "Frede Fjern"]


def test_the_nearest_area_a_contact_covers_counts():
    both = candidate(5, "Nora Nær", TEKNIK, covers=(HEDENSTED, DAUGAARD, GLUD))

    [suggestion] = rank([both], SETTING)

    assert suggestion.nearest == DAUGAARD
    assert suggestion.reasons[0] == "Dækker Daugård 6 km væk"
    assert suggestion.reasons[1] == "Ingen tid registreret de seneste 12 uger; dækker 3 områder"
    assert suggestion.parts["capacity"] == pytest.approx(1 / 4)


def test_a_smaller_core_area_scores_higher_for_balance():
    from_teknik = candidate(5, "Tove Teknik", TEKNIK, covers=(DAUGAARD,))
    from_fritid = candidate(6, "Frida Fritid", FRITID, covers=(DAUGAARD,))

    first, second = rank([from_teknik, from_fritid], SETTING)

    assert (first.candidate.name, second.candidate.name) == ("Frida Fritid", "Tove Teknik")
    assert first.parts["balance"] == 1.0
    assert first.reasons[-1] == "Fritid og Fællesskab har 0 af de 16 lokalkontakter"


def test_equal_scores_are_in_danish_name_order():
    same = {"core_area": TEKNIK, "covers": (BARRIT,), "minutes": 600, "has_time": True}
    aase = candidate(7, "Aase Andersen", **same)  # "Aa" is Å: last
    oeystein = candidate(8, "Øystein Ørsted", **same)
    bent = candidate(9, "Bent Bro", **same)

    suggestions = rank([aase, oeystein, bent], SETTING)

    assert len({s.score for s in suggestions}) == 1
    assert names(suggestions) == ["Bent Bro", "Øystein Ørsted", "Aase Andersen"]


def test_no_candidates_no_suggestions():
    assert rank([], SETTING) == []


def test_without_the_area_s_location_distance_does_not_count():
    setting = Setting(area=GLUD, contacts_per_core_area={TEKNIK: 1}, core_area_count=1)

    [suggestion] = rank([ANDERS], setting)

    assert suggestion.parts["distance"] == 0.0
    assert suggestion.reasons[0] == "Dækker Barrit; afstanden er ukendt"


def test_an_employee_without_a_core_area_is_neutral_on_balance():
    [suggestion] = rank([candidate(5, "Uffe Uden", None, covers=(BARRIT,))], SETTING)

    assert suggestion.parts["balance"] == 0.5
    assert suggestion.reasons[-1] == "Intet kerneområde registreret"


def test_the_neighbour_distance_is_a_setting():
    wide = Setting(area=STOUBY, contacts_per_core_area=SETTING.contacts_per_core_area,
                   core_area_count=4, neighbour_km=12)

    [birthe] = rank([BIRTHE], wide)

    assert birthe.parts["distance"] == 1.0


def test_reasons_follow_the_language(settings):
    from django.utils import translation

    with translation.override("en"):
        [anders] = rank([ANDERS], SETTING)

    assert anders.reasons == ["Covers Barrit 7 km away",
                              "Registers 35 min. a week on average; the band is 60–90",
                              "Teknik og Miljø has 10 of the 16 local contacts"]


# --- the candidates from the database -----------------------------------------------------------


@pytest.fixture(autouse=True)
def _coordinator_group(db):
    Group.objects.get_or_create(name=COORDINATOR_GROUP)


def area(place: Place, **fields):
    return LocalAreaFactory(name=place.name, latitude=place.latitude, longitude=place.longitude,
                            **fields)


def leader_of(core_area, username: str, name: str):
    user = UserFactory(username=username)
    core_area.leaders.add(EmployeeFactory(user=user, name=name, core_area=core_area))
    return user


@pytest.mark.django_db
def test_the_candidates_are_the_nominees_and_the_contacts(coordinator):
    today = timezone.localdate()
    teknik, laering = CoreAreaFactory(name="Teknik og Miljø"), CoreAreaFactory(name="Læring")
    lene = leader_of(teknik, "lene", "Lene Holm")
    stouby, barrit, daugaard = area(STOUBY), area(BARRIT), area(DAUGAARD)
    mette = EmployeeFactory(name="Mette Møller", core_area=teknik)
    nomination_create(actor=lene, employee=mette, areas=[stouby])
    carl = EmployeeFactory(name="Carl Clausen", core_area=teknik)
    nomination_create(actor=lene, employee=carl)
    elsewhere = EmployeeFactory(name="Else Andetsteds", core_area=teknik)
    nomination_create(actor=lene, employee=elsewhere, areas=[daugaard])  # not for Stouby
    withdrawn = EmployeeFactory(name="Villy Trukket", core_area=teknik)
    withdrawn_nomination = nomination_create(actor=lene, employee=withdrawn)
    Nomination.objects.filter(pk=withdrawn_nomination.pk).update(status="withdrawn")
    anders = EmployeeFactory(name="Anders Ahl", core_area=laering)
    AssignmentFactory(employee=anders, area=barrit)
    TimeEntry.objects.create(employee=anders, area=barrit, day=today - datetime.timedelta(days=3),
                             minutes=420, kind=TimeEntry.Kind.COUNCIL)
    TimeEntry.objects.create(employee=anders, area=barrit,  # before the 12 weeks
                             day=today - datetime.timedelta(weeks=13), minutes=600,
                             kind=TimeEntry.Kind.COUNCIL)
    former = EmployeeFactory(name="Frede Forhenværende", core_area=laering)
    AssignmentFactory(employee=former, area=daugaard, ended=True)
    gone = EmployeeFactory(name="Gitte Gået", core_area=laering, is_active=False)
    AssignmentFactory(employee=gone, area=daugaard, deputy=True)
    deputy = EmployeeFactory(name="Stine Stedfortræder", core_area=laering)
    AssignmentFactory(employee=deputy, area=stouby, role=AssignmentRole.DEPUTY)
    EmployeeFactory(name="Ib Ingenting", core_area=teknik)  # neither nominated nor a contact

    suggestions = suggestions_for(area=stouby).suggestions

    assert names(suggestions) == ["Mette Møller", "Carl Clausen", "Anders Ahl"]
    mette_s, carl_s, anders_s = suggestions
    date = today.strftime("%d.%m.%Y")
    assert mette_s.reasons[0] == f"Indstillet til Stouby af Lene Holm {date}"
    assert carl_s.reasons[0] == f"Indstillet uden et bestemt område af Lene Holm {date}"
    assert anders_s.reasons == [
        "Dækker Barrit 7 km væk",
        "Registrerer i snit 35 min./uge; båndet er 60–90",
        # Anders, the deputy and Gitte: her assignment is still active, as the coverage
        # overview counts it, though she has left and is no candidate
        "Læring har 3 af de 3 lokalkontakter"]


@pytest.mark.django_db
def test_no_candidates_for_a_municipality_without_contacts_or_nominations():
    stouby = area(STOUBY)
    EmployeeFactory(name="Ib Ingenting")

    ranking = suggestions_for(area=stouby)

    assert (ranking.suggestions, ranking.total) == ([], 0)


def many(size: int, core_areas: list, areas: list) -> None:
    """`size` contacts (each with two areas and time) and `size` nominees."""
    employees = Employee.objects.bulk_create(
        Employee(name=f"Kontakt {n:04d}", sort_name=danish_sort_key(f"Kontakt {n:04d}"),
                 core_area=core_areas[n % len(core_areas)]) for n in range(2 * size))
    Assignment.objects.bulk_create(
        Assignment(employee=employees[n], area=areas[(2 * n + k) % len(areas)],
                   role=AssignmentRole.DEPUTY if k else AssignmentRole.PRIMARY,
                   starts_on=datetime.date(2024, 1, 1))
        for n in range(size) for k in range(2) if (2 * n + k) < len(areas))
    TimeEntry.objects.bulk_create(
        TimeEntry(employee=employees[n], day=timezone.localdate() - datetime.timedelta(days=n % 50),
                  minutes=30, kind=TimeEntry.Kind.OTHER) for n in range(size))
    nominations = Nomination.objects.bulk_create(
        Nomination(employee=employees[size + n], core_area=employees[size + n].core_area)
        for n in range(size))
    Nomination.areas.through.objects.bulk_create(
        Nomination.areas.through(nomination=nomination, localarea=areas[n % len(areas)])
        for n, nomination in enumerate(nominations) if n % 2)


@pytest.mark.django_db
@pytest.mark.parametrize("size", [5, 300])
def test_the_suggestions_cost_four_queries_however_many(size, django_assert_num_queries):
    core_areas = [CoreAreaFactory(name=f"Kerneområde {n}") for n in range(4)]
    areas = [LocalAreaFactory(name=f"Område {n:04d}", latitude=55 + n / 1000, longitude=9.5)
             for n in range(2 * size + 1)]
    many(size, core_areas, areas[1:])
    target = areas[0]

    # the contacts per core area (with the number of core areas); the ids of the best 20 and
    # the count with their time; those 20 with their core areas and open nominations; their
    # current areas
    with django_assert_num_queries(4):
        ranking = suggestions_for(area=target, limit=20)

    # the contacts, and the nominees for no particular area (the others name other areas)
    assert ranking.total == size + (size + 1) // 2
    assert len(ranking.suggestions) == min(20, ranking.total)


@pytest.mark.django_db
def test_a_contact_who_is_handing_her_area_over_is_not_suggested(coordinator):
    from lokalkontakt.handovers.services import handover_start

    stouby, glud, barrit = area(STOUBY), area(GLUD), area(BARRIT)
    susanne = EmployeeFactory(name="Susanne Ernst")
    AssignmentFactory(employee=susanne, area=glud)
    lise = EmployeeFactory(name="Lise Lokal")
    AssignmentFactory(employee=lise, area=barrit)
    handover_start(area=glud, to_employee=lise, actor=coordinator,
                   switch_on=timezone.localdate() + datetime.timedelta(weeks=3))

    assert names(suggestions_for(area=stouby).suggestions) == ["Lise Lokal"]


@pytest.mark.django_db
def test_a_contact_whose_handover_is_due_is_not_suggested_even_when_nominated(coordinator):
    stouby, snaptun = area(STOUBY), area(Place("Snaptun"))
    susanne = EmployeeFactory(name="Susanne Ernst")
    AssignmentFactory(employee=susanne, area=snaptun, handover=True)
    nomination_create(actor=coordinator, employee=susanne, areas=[stouby])
    deputy = EmployeeFactory(name="Dorte Stedfortræder")
    AssignmentFactory(employee=deputy, area=snaptun, deputy=True)

    assert names(suggestions_for(area=stouby).suggestions) == ["Dorte Stedfortræder"]
