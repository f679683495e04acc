# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""sync_os2mo against a real GraphQL server on loopback serving OS2mo-shaped data (os2mo_server):
create, update, an ended engagement → handover due, dry run, run twice = no change, and errors
that change nothing."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.utils import timezone, translation

from lokalkontakt.areas.models import AreaEvent, Assignment, AssignmentRole
from lokalkontakt.meetings.models import Attendance
from lokalkontakt.organisation.models import SyncRun
from lokalkontakt.people.models import AccountEvent, CoreArea, Employee
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.meetings.factories import AttendanceFactory, MeetingFactory
from tests.organisation.os2mo_server import FakeOs2mo, Os2moData
from tests.people.factories import CoreAreaFactory, EmployeeFactory, UserFactory

ROOT = "f06ee470-9f17-566f-acbe-e938112d46d9"
TEKNIK = "b6c11152-0645-4712-a207-ba2c53b391ab"
VEJ_OG_PARK = "23a2ace2-52ca-458d-bead-d1a42080579f"
BOERN = "dad7d0ad-c7a9-4a94-969d-f9e8ad3bc6f4"
ANNE = "53181ed2-f1de-4c4a-a8fd-ab358c2c454a"
BO = "6ee24785-ee9a-4502-81c2-7697009c9053"
CARL = "236e0a78-11a0-4ed9-8545-6286bb8611c7"


def iso(day: datetime.date) -> str:
    return f"{day.isoformat()}T00:00:00+01:00"


TODAY = timezone.localdate()
ENDED = TODAY - datetime.timedelta(days=10)


def organisation() -> Os2moData:
    """Hedensted-like units (a core area with a unit below it), two people employed and one
    whose engagement ended ten days ago."""
    return Os2moData(
        units={ROOT: {"name": "Hedensted Kommune"},
               TEKNIK: {"name": "Teknik og Miljø", "parent": ROOT},
               VEJ_OG_PARK: {"name": "Vej og Park", "parent": TEKNIK},
               BOERN: {"name": "Børn og Familie", "parent": ROOT}},
        people={ANNE: {"name": "Anne Andersen", "email": "anne.andersen@hedensted.dk",
                       "phone": "+45 79 75 50 01"},
                BO: {"name": "Bo Bech", "email": "bo.bech@hedensted.dk", "phone": ""},
                CARL: {"name": "Carl Carlsen", "email": "carl.carlsen@hedensted.dk"}},
        engagements={
            "b1a0a1f6-0001-4000-8000-000000000001": [
                {"person": ANNE, "unit": VEJ_OG_PARK, "job": "Vejingeniør",
                 "from": iso(TODAY - datetime.timedelta(days=900)), "to": None}],
            "b1a0a1f6-0002-4000-8000-000000000002": [
                {"person": BO, "unit": BOERN, "job": "Pædagogisk konsulent",
                 "from": iso(TODAY - datetime.timedelta(days=300)), "to": None}],
            "b1a0a1f6-0003-4000-8000-000000000003": [
                {"person": CARL, "unit": TEKNIK, "job": "Planlægger",
                 "from": iso(TODAY - datetime.timedelta(days=2000)), "to": iso(ENDED)}],
        })


@pytest.fixture
def os2mo(settings):
    server = FakeOs2mo(organisation()).start()
    settings.OS2MO_URL = server.url
    settings.OS2MO_AUTH_URL = f"{server.url}/auth/realms/mo/protocol/openid-connect/token"
    settings.OS2MO_CLIENT_ID, settings.OS2MO_CLIENT_SECRET = "lokalkontakt", "hemmelig"
    settings.OS2MO_ORG_UNITS = [TEKNIK, BOERN]
    yield server
    server.stop()


def sync(*args) -> str:
    out = StringIO()
    call_command("sync_os2mo", *args, stdout=out)
    return out.getvalue()


def snapshot() -> tuple:
    """Everything the sync may change, with the history rows that record a change."""
    return (list(CoreArea.objects.values()), list(Employee.objects.values()),
            list(Assignment.objects.values()), AreaEvent.objects.count(),
            Employee.history.count(), CoreArea.history.count())


@pytest.fixture
def carl(db):
    """Carl, synchronised before: the contact of Glud and the deputy of Juelsminde."""
    teknik = CoreAreaFactory(name="Teknik og Miljø", external_uuid=TEKNIK)
    carl = EmployeeFactory(name="Carl Carlsen", core_area=teknik, external_uuid=CARL)
    start = TODAY - datetime.timedelta(days=400)
    AssignmentFactory(area=LocalAreaFactory(name="Glud"), employee=carl,
                      role=AssignmentRole.PRIMARY, starts_on=start)
    AssignmentFactory(area=LocalAreaFactory(name="Juelsminde"), employee=carl,
                      role=AssignmentRole.DEPUTY, starts_on=start)
    return carl


def test_creates_the_core_areas_and_their_current_employees(db, os2mo):
    output = sync()

    assert {(c.name, str(c.external_uuid)) for c in CoreArea.objects.all()} == {
        ("Teknik og Miljø", TEKNIK), ("Børn og Familie", BOERN)}
    anne = Employee.objects.get(external_uuid=ANNE)
    assert (anne.name, anne.email, anne.phone, anne.title, anne.core_area.name, anne.is_active) == (
        "Anne Andersen", "anne.andersen@hedensted.dk", "+45 79 75 50 01", "Vejingeniør",
        "Teknik og Miljø", True)
    assert Employee.objects.get(external_uuid=BO).core_area.name == "Børn og Familie"
    assert not Employee.objects.filter(external_uuid=CARL).exists()  # his engagement had ended
    assert "Employee created: Anne Andersen" in output
    assert output.endswith("OS2mo: 2 core areas created or updated, 2 employees created or "
                           "updated, 0 deactivated.\n")
    assert SyncRun.objects.get().succeeded


def test_updates_what_changed_in_os2mo_and_links_by_email(db, os2mo):
    CoreAreaFactory(name="Teknik", external_uuid=TEKNIK)
    CoreAreaFactory(name="Børn og Familie")  # typed by hand: linked by its name
    EmployeeFactory(name="Anne Andersen", title="Ingeniør", external_uuid=ANNE,
                    email="anne.andersen@hedensted.dk", phone="+45 79 75 50 01",
                    core_area=CoreArea.objects.get(name="Børn og Familie"))
    typed = EmployeeFactory(name="Bo B.", email="Bo.Bech@hedensted.dk", phone="+45 11 11 11 11")

    output = sync()

    assert CoreArea.objects.get(external_uuid=TEKNIK).name == "Teknik og Miljø"
    assert str(CoreArea.objects.get(name="Børn og Familie").external_uuid) == BOERN
    anne = Employee.objects.get(external_uuid=ANNE)
    assert (anne.title, anne.core_area.name) == ("Vejingeniør", "Teknik og Miljø")
    typed.refresh_from_db()
    # Linked, not duplicated; OS2mo has no phone for Bo, so the one typed stays.
    assert (str(typed.external_uuid), typed.name, typed.phone) == (BO, "Bo Bech", "+45 11 11 11 11")
    assert Employee.objects.count() == 2
    assert "Employee updated: Anne Andersen (title, core_area)" in output


def test_an_ended_engagement_deactivates_and_makes_the_areas_handover_due(carl, os2mo):
    sync()

    carl.refresh_from_db()
    assert not carl.is_active
    glud = Assignment.objects.get(area__name="Glud")
    assert (glud.ends_on, glud.handover_due) == (None, True)
    deputy = Assignment.objects.get(area__name="Juelsminde")
    assert (deputy.ends_on, deputy.handover_due) == (ENDED, False)
    event = AreaEvent.objects.get(area__name="Glud", kind=AreaEvent.Kind.HANDOVER_DUE)
    assert event.data == {"employee": "Carl Carlsen", "engagement_ended": ENDED.isoformat()}
    with translation.override("en"):
        assert event.text == ("Handover from Carl Carlsen to a new contact is due. The employee's "
                              f"employment in OS2mo ended on {ENDED:%d/%m/%Y}.")
    ended = AreaEvent.objects.get(area__name="Juelsminde", kind=AreaEvent.Kind.ENDED)
    assert ended.data["engagement_ended"] == ENDED.isoformat()


def test_an_ended_engagement_ends_the_employees_login_and_sessions(carl, os2mo):
    carl.user = UserFactory(username="carl")
    carl.save()
    browser = Client()
    browser.force_login(carl.user)

    sync()

    assert browser.get("/mine-omraader/")["Location"].startswith("/log-ind/")
    carl.user.refresh_from_db()
    assert not carl.user.is_active and not carl.user.has_usable_password()
    assert AccountEvent.objects.filter(user=carl.user, kind=AccountEvent.Kind.DEACTIVATED,
                                       actor=None).exists()


def test_an_ended_engagement_takes_the_employee_off_the_coming_meetings(carl, os2mo):
    coming = AttendanceFactory(employee=carl)
    held = AttendanceFactory(employee=carl, meeting=MeetingFactory(held=True))

    sync()

    assert list(carl.attendances.all()) == [held]
    assert Attendance.history.filter(id=coming.pk, history_type="-").exists()


def test_an_engagement_os2mo_no_longer_returns_counts_as_ended_today(carl, os2mo):
    del os2mo.data.engagements["b1a0a1f6-0003-4000-8000-000000000003"]

    output = sync()

    assert f"Employee deactivated: Carl Carlsen (engagement ended {TODAY.isoformat()})" in output
    event = AreaEvent.objects.get(area__name="Glud", kind=AreaEvent.Kind.HANDOVER_DUE)
    assert event.data["engagement_ended"] == TODAY.isoformat()


def test_dry_run_prints_the_plan_and_changes_nothing(carl, os2mo):
    before = snapshot()

    output = sync("--dry-run")

    assert snapshot() == before
    assert not SyncRun.objects.exists()
    assert "Would: Core area created: Børn og Familie" in output
    assert "Would: Employee created: Anne Andersen" in output
    assert f"Would: Employee deactivated: Carl Carlsen (engagement ended {ENDED.isoformat()})" in output
    assert output.endswith("OS2mo: would change: 1 core areas created or updated, 2 employees "
                           "created or updated, 1 deactivated (dry run).\n")


def test_a_second_run_changes_nothing(carl, os2mo):
    sync()
    before = snapshot()

    output = sync()

    assert snapshot() == before
    assert output == "OS2mo: no changes.\n"


def test_engagements_are_read_page_by_page(db, os2mo, monkeypatch):
    monkeypatch.setattr("lokalkontakt.organisation.os2mo.queries.PAGE_SIZE", 1)

    sync()

    assert Employee.objects.count() == 2
    cursors = [q["variables"]["cursor"] for q in os2mo.data.queries if "engagements" in q["query"]]
    assert cursors == [None, "1", None]  # Teknik og Miljø: Anne, then Carl; Børn og Familie: Bo


def test_a_wrong_secret_is_a_clear_error_and_changes_nothing(carl, os2mo, settings):
    settings.OS2MO_CLIENT_SECRET = "forkert"
    before = snapshot()

    with pytest.raises(CommandError) as error:
        sync()

    assert str(error.value) == (
        "OS2mo sync failed, nothing changed: The token endpoint refused the client credentials "
        "(HTTP 401): check OS2MO_CLIENT_ID and OS2MO_CLIENT_SECRET (Invalid client or Invalid "
        "client credentials).")
    assert snapshot() == before
    assert not SyncRun.objects.get().succeeded


def test_a_graphql_error_changes_nothing(carl, os2mo):
    os2mo.data.fail_with = "Permission denied: FORBIDDEN read on engagement"
    before = snapshot()

    with pytest.raises(CommandError, match="OS2mo answered with GraphQL errors: Permission denied"):
        sync()

    assert snapshot() == before


def test_an_unknown_unit_is_an_error_not_an_empty_core_area(carl, os2mo, settings):
    settings.OS2MO_ORG_UNITS = [TEKNIK, "00000000-0000-4000-8000-000000000000"]
    before = snapshot()

    with pytest.raises(CommandError, match="OS2mo has no current organisation unit 00000000-"):
        sync()

    assert snapshot() == before


def test_os2mo_out_of_reach_is_a_clear_error(carl, os2mo, settings):
    os2mo.stop()

    with pytest.raises(CommandError, match=r"Could not reach the token endpoint at http://127\.0\.0\.1"):
        sync()

    carl.refresh_from_db()
    assert carl.is_active


def test_run_jobs_syncs_when_configured_and_then_waits(carl, os2mo):
    first, second = StringIO(), StringIO()

    call_command("run_jobs", stdout=first)
    call_command("run_jobs", stdout=second)

    assert "OS2mo: 1 core areas created or updated, 2 employees created or updated, 1 deactivated." \
        in first.getvalue()
    assert "OS2mo: synchronised less than OS2MO_SYNC_HOURS ago." in second.getvalue()
    assert SyncRun.objects.count() == 1


def test_run_jobs_says_nothing_of_os2mo_when_not_configured(db, settings):
    settings.OS2MO_URL = ""
    out = StringIO()

    call_command("run_jobs", stdout=out)

    assert "OS2mo" not in out.getvalue()
    assert "\n\n" not in out.getvalue()


def test_data_that_cannot_be_saved_is_a_clear_error_and_changes_nothing(carl, os2mo):
    CoreAreaFactory(name="Børn og Unge", external_uuid=BOERN)
    CoreAreaFactory(name="Børn og Familie")  # OS2mo renamed the unit to a name taken here
    before = snapshot()

    with pytest.raises(CommandError, match="OS2mo's data could not be saved: "):
        sync()

    assert snapshot() == before
    assert not SyncRun.objects.get().succeeded
