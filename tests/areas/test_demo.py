# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The Hedensted demo data, read from Bilag 1 and the area facts CSV."""

import io
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import translation

from lokalkontakt.areas.demo import ROLLOUT_DATE
from lokalkontakt.areas.models import AreaEvent, Assignment, LocalArea, Participation
from lokalkontakt.core.roles import COORDINATOR_GROUP
from lokalkontakt.people.models import Employee
from lokalkontakt.projects.models import Project

pytestmark = pytest.mark.django_db

DEMO_USERNAMES = ["kollega", "koordinator", "lokalkontakt"]


@pytest.fixture
def hedensted(hedensted_of_the_class, db):
    """load_hedensted(with_users=True)'s report, loaded once for the class."""
    return hedensted_of_the_class


def area(name: str) -> LocalArea:
    return LocalArea.objects.get(name=name)


class TestTheDemoLoaded:
    """The demo loaded once for the class (tests/conftest.py); each test reads it in a transaction
    of its own."""

    def test_the_demo_has_hedensteds_28_local_areas(self, hedensted):
        assert LocalArea.objects.count() == 28
        assert hedensted.areas == 28

    def test_the_demo_reports_the_16_areas_bilag_1_lists_with_a_contact(self, hedensted):
        assert hedensted.with_contact == 16
        assert Assignment.objects.filter(role="primary", ends_on__isnull=True).count() == 16

    def test_stenderup_listed_twice_in_bilag_1_is_one_area_with_a_conflict_on_its_history(self, hedensted):
        stenderup = area("Stenderup")

        [conflict] = AreaEvent.objects.filter(kind=AreaEvent.Kind.CONFLICT)
        assert conflict.area == stenderup
        assert len(hedensted.conflicts) == 1
        assert stenderup.primary_assignment.employee.name == "Henriette Petersen"

    def test_the_stenderup_conflict_is_stored_as_facts_in_the_sources_own_words(self, hedensted):
        [conflict] = AreaEvent.objects.filter(kind=AreaEvent.Kind.CONFLICT)

        assert conflict.data == {"code": "listed_with_and_without_contact", "source": "Bilag 1",
                                 "entry": "Stenderup – udviklingsprojekt/Henriette Petersen"}

    def test_the_stenderup_conflict_reads_in_the_readers_language(self, hedensted):
        [conflict] = AreaEvent.objects.filter(kind=AreaEvent.Kind.CONFLICT)

        with translation.override("en"):
            assert conflict.text == (
                "Bilag 1 lists Stenderup both with a contact (“Stenderup – udviklingsprojekt/"
                "Henriette Petersen”) and without a contact. One area was created, and the contact "
                "was kept.")
        with translation.override("da"):  # depends on the Danish translation of the new msgid
            assert conflict.text == (
                "Bilag 1 nævner Stenderup både med en lokalkontakt (“Stenderup – udviklingsprojekt/"
                "Henriette Petersen”) og uden en lokalkontakt. Der er oprettet ét område, og "
                "lokalkontakten er beholdt.")

    def test_henriette_petersen_leads_the_development_projects_in_her_four_areas(self, hedensted):
        projects = Project.objects.filter(lead__name="Henriette Petersen")

        assert sorted(p.areas.get().name for p in projects) == ["Løsning", "Rårup", "Stenderup",
                                                               "Tørring"]

    @pytest.mark.parametrize("name", ["Løsning", "Rårup", "Tørring", "Stenderup"])
    def test_henriette_petersen_is_the_contact_of_each_project_area(self, hedensted, name):
        assert area(name).primary_assignment.employee.name == "Henriette Petersen"

    def test_hedensted_is_a_community_under_construction_with_anne_mette_agermark(self, hedensted):
        hedensted_area = area("Hedensted")

        assert hedensted_area.community_forming is True
        assert hedensted_area.primary_assignment.employee.name == "Anne-Mette Agermark"
        assert list(LocalArea.objects.filter(community_forming=True)) == [hedensted_area]

    @pytest.mark.parametrize("name", ["Glud", "Snaptun", "Hjarnø"])
    def test_susanne_ernsts_areas_are_due_for_handover(self, hedensted, name):
        assignment = area(name).primary_assignment

        assert assignment.employee.name == "Susanne Ernst"
        assert assignment.handover_due is True
        assert AreaEvent.objects.filter(area__name=name, kind=AreaEvent.Kind.HANDOVER_DUE).exists()

    def test_only_susanne_ernsts_areas_are_due_for_handover(self, hedensted):
        due = Assignment.objects.filter(handover_due=True).order_by("area__sort_name")

        assert [a.area.name for a in due] == ["Glud", "Hjarnø", "Snaptun"]

    def test_contacts_keep_the_title_given_in_bilag_1(self, hedensted):
        assert Employee.objects.get(name="Frank Kjær").title == "skoleleder"
        assert area("Ølsted").primary_assignment.employee.name == "Lars Mikkelsen"

    def test_every_bilag_1_assignment_starts_on_the_rollout_date(self, hedensted):
        starts = set(Assignment.objects.filter(role="primary").values_list("starts_on", flat=True))

        assert starts == {ROLLOUT_DATE}

    def test_areas_with_a_contact_are_interested_and_the_others_not_answered(self, hedensted):
        assert area("Glud").participation == Participation.INTERESTED
        assert area("Ørum").participation == Participation.UNKNOWN
        assert area("Ørum").primary_assignment is None

    def test_toerring_has_the_population_and_postcode_of_the_facts_file(self, hedensted):
        toerring = area("Tørring")

        assert (toerring.population, toerring.population_year, toerring.postcodes) == (2750, 2017, "7160")
        assert toerring.parish == "Tørring"

    def test_hjarnoe_has_the_coordinates_of_the_facts_file_and_a_plain_town_name(self, hedensted):
        hjarnoe = area("Hjarnø")

        assert (hjarnoe.latitude, hjarnoe.longitude) == (Decimal("55.825"), Decimal("10.0833"))
        assert (hjarnoe.towns, hjarnoe.postcodes, hjarnoe.population) == ("Hjarnø", "7130", 117)

    def test_area_facts_keep_their_sources(self, hedensted):
        assert "denstoredanske.dk" in area("Tørring").sources

    def test_the_three_demo_logins_exist(self, hedensted):
        usernames = get_user_model().objects.filter(username__in=DEMO_USERNAMES)

        assert sorted(usernames.values_list("username", flat=True)) == DEMO_USERNAMES
        assert hedensted.users == ["koordinator", "lokalkontakt", "kollega"]
        assert all(user.check_password("demo") for user in usernames)

    def test_only_the_demo_coordinator_is_in_the_coordinator_group(self, hedensted):
        members = get_user_model().objects.filter(groups__name=COORDINATOR_GROUP)

        assert list(members.values_list("username", flat=True)) == ["koordinator"]

    def test_the_demo_contact_is_deputy_for_korning_and_hornborg(self, hedensted):
        deputies = Assignment.objects.filter(role="deputy", ends_on__isnull=True)

        assert sorted((a.area.name, a.employee.user.username) for a in deputies) == [
            ("Hornborg", "lokalkontakt"), ("Korning", "lokalkontakt")]

    def test_no_employee_has_an_e_mail_outside_example_dk(self, hedensted):
        emails = [email for email in Employee.objects.values_list("email", flat=True) if email]

        assert emails
        assert all(email.endswith("@example.dk") for email in emails)

    def test_the_people_of_bilag_1_get_no_invented_contact_details(self, hedensted):
        susanne = Employee.objects.get(name="Susanne Ernst")

        assert (susanne.email, susanne.phone, susanne.user) == ("", "", None)

    def test_load_demo_refuses_a_database_that_already_has_areas(self, hedensted):
        from django.core.management import CommandError

        with pytest.raises(CommandError, match="The database already has local areas."):
            call_command("load_demo", stdout=io.StringIO())


def test_load_demo_if_empty_does_nothing_the_second_time(settings):
    settings.DEMO_ENABLED = True
    call_command("load_demo", "--if-empty", stdout=io.StringIO())
    before = (LocalArea.objects.count(), AreaEvent.objects.count(), Employee.objects.count())
    out = io.StringIO()

    call_command("load_demo", "--if-empty", stdout=out)

    assert (LocalArea.objects.count(), AreaEvent.objects.count(), Employee.objects.count()) == before
    assert "Local areas exist already; demo data not loaded." in out.getvalue()


def test_load_demo_reports_what_it_loaded(settings):
    settings.DEMO_ENABLED = True
    out = io.StringIO()

    call_command("load_demo", stdout=out)

    assert "Loaded 28 local areas, 16 with a contact." in out.getvalue()
    assert "Demo logins (password 'demo'): koordinator, lokalkontakt, kollega" in out.getvalue()


def test_load_demo_creates_no_logins_when_the_demo_is_disabled(settings):
    settings.DEMO_ENABLED = False

    call_command("load_demo", stdout=io.StringIO())

    assert LocalArea.objects.count() == 28
    assert not get_user_model().objects.filter(username__in=DEMO_USERNAMES).exists()
    assert not Employee.objects.filter(user__isnull=False).exists()


def test_load_demo_with_no_users_creates_no_logins(settings):
    settings.DEMO_ENABLED = True

    call_command("load_demo", "--no-users", stdout=io.StringIO())

    assert not get_user_model().objects.filter(username__in=DEMO_USERNAMES).exists()


def test_the_demo_logins_are_the_ones_production_refuses():
    from lokalkontakt.areas.demo import DEMO_USERS
    from lokalkontakt.core.auth import DEMO_USERNAMES as REFUSED

    assert {username for username, *_rest in DEMO_USERS} == REFUSED == set(DEMO_USERNAMES)


def test_load_demo_never_changes_an_existing_user(settings):
    from django.core.management import CommandError

    settings.DEMO_ENABLED = True
    user = get_user_model().objects.create_user("koordinator", password="Ejers-eget-kodeord-7")

    with pytest.raises(CommandError) as refused:
        call_command("load_demo", stdout=io.StringIO())

    assert str(refused.value) == (
        "Users named koordinator exist already, and the demo never changes an existing user; "
        "nothing was loaded. Rename or delete them, or load the demo with --no-users.")
    user.refresh_from_db()
    assert user.check_password("Ejers-eget-kodeord-7")
    assert not user.groups.exists()
    assert not Employee.objects.exists()
    assert not LocalArea.objects.exists()
    assert list(get_user_model().objects.values_list("username", flat=True)) == ["koordinator"]


def test_load_demo_without_logins_leaves_a_user_of_the_same_name_alone(settings):
    settings.DEMO_ENABLED = True
    user = get_user_model().objects.create_user("kollega", password="Ejers-eget-kodeord-7")

    call_command("load_demo", "--no-users", stdout=io.StringIO())

    assert LocalArea.objects.count() == 28
    user.refresh_from_db()
    assert user.check_password("Ejers-eget-kodeord-7")


def test_a_conflict_stored_as_an_english_sentence_becomes_facts_and_back(db):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("lokalkontakt.areas.migrations.0010_conflict_events_as_codes")
    stenderup = LocalArea.objects.create(name="Stenderup", slug="stenderup")
    sentence = ("Bilag 1 lists Stenderup both with a contact (Stenderup – udviklingsprojekt/Henriette "
                "Petersen) and without a contact; one area was created and the contact kept.")
    conflict = AreaEvent.objects.create(area=stenderup, kind=AreaEvent.Kind.CONFLICT,
                                        data={"detail": sentence})
    other = AreaEvent.objects.create(area=stenderup, kind=AreaEvent.Kind.CONFLICT,
                                     data={"detail": "Something else"})

    migration.to_codes(apps, None)
    conflict.refresh_from_db()
    other.refresh_from_db()

    assert conflict.data == {"code": "listed_with_and_without_contact", "source": "Bilag 1",
                             "entry": "Stenderup – udviklingsprojekt/Henriette Petersen"}
    assert other.data == {"detail": "Something else"}
    migration.to_sentences(apps, None)
    conflict.refresh_from_db()
    assert conflict.data == {"detail": sentence}
