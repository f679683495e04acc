# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The time registration pages as a browser uses them (issue 7, item 1): registering from "Mine
områder" and on the full form, refusals, my week and my year against the band, correcting and
deleting, the overview per contact, area and core area for the coordinator and the core-area
leaders, and its XLSX export. English pages, so the assertions do not depend on the state of the
Danish translation."""

import datetime
import html
import io
import re

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import formats, timezone, translation

from lokalkontakt.core.roles import COORDINATOR_GROUP
from lokalkontakt.people.models import CoreArea
from lokalkontakt.timesheets.models import TimeEntry
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.inquiries.conftest import english_client
from tests.people.factories import CoreAreaFactory, EmployeeFactory, UserFactory
from tests.timesheets.factories import TimeEntryFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate
MINE = "/mine-omraader/"
WEEK_48 = datetime.date(2026, 11, 24)  # a Tuesday in 2026-W48 (23–29 November, no holidays)


@pytest.fixture(autouse=True)
def _coordinator_group(db):
    """The group comes from a data migration, which a transactional test's flush removes."""
    Group.objects.get_or_create(name=COORDINATOR_GROUP)


@pytest.fixture
def glud(contact_user):
    """Glud, covered by the contact (Lise Lokal, core area "Teknik og Miljø") since 2024."""
    employee = contact_user.employee
    employee.core_area = CoreAreaFactory(name="Teknik og Miljø")
    employee.save()
    area = LocalAreaFactory(name="Glud")
    AssignmentFactory(area=area, employee=employee)
    return area


def text(response) -> str:
    """The page as a person reads it (entities such as &#x27; decoded)."""
    return html.unescape(response.content.decode())


def english_date(day: datetime.date, date_format: str = "SHORT_DATE_FORMAT") -> str:
    with translation.override("en"):
        return formats.date_format(day, date_format)


def entry(employee, *, day=WEEK_48, minutes=45, area=None, kind=TimeEntry.Kind.COUNCIL,
          outside_hours=False, note="") -> TimeEntry:
    return TimeEntryFactory(employee=employee, area=area, day=day, minutes=minutes, kind=kind,
                            outside_hours=outside_hours, note=note)


def registration(area=None, **changes) -> dict:
    data = {"area": area.pk if area else "", "day": TODAY().isoformat(), "minutes": "45",
            "kind": "council", "note": "Bestyrelsesmøde"}
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def week_of(day: datetime.date) -> str:
    iso = day.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


# Registering from "Mine områder"


def test_my_areas_has_the_quick_form_that_comes_back_to_it(contact_user, glud):
    response = english_client(contact_user).get(MINE)

    content = text(response)
    assert response.status_code == 200
    assert '<html lang="en">' in content
    form = content[content.index('action="/tid/ny/'):]
    form = form[:form.index("</form>")]
    for label in ["Local area", "Date", "Minutes", "Kind of activity",
                  "Outside normal working hours", "Note", "Register time"]:
        assert label in form
    assert f'<option value="{glud.pk}">Glud</option>' in form
    assert "Not one area (e.g. a coordination meeting)" in form
    assert "With the local council" in form
    assert f'name="next" value="{MINE}"' in form
    assert f'value="{TODAY().isoformat()}"' in form  # today by default
    assert "My time this week and this year" in content


def test_my_areas_without_an_employee_record_has_no_quick_form(db):
    user = UserFactory(username="koordinator-uden-medarbejder")
    user.groups.add(Group.objects.get(name=COORDINATOR_GROUP))

    content = text(english_client(user).get(MINE))

    assert 'action="/tid/ny/' not in content


def test_registering_from_my_areas_comes_back_there_with_the_message(contact_user, glud):
    client = english_client(contact_user)

    response = client.post(reverse("time:new"), {**registration(glud, outside_hours="on"),
                                                 "next": MINE}, follow=True)

    assert response.redirect_chain == [(MINE, 302)]
    assert f"Registered: 45 min on {english_date(TODAY())}." in text(response)
    saved = TimeEntry.objects.get()
    assert (saved.employee, saved.area, saved.day, saved.minutes, saved.kind, saved.outside_hours,
            saved.note) == (contact_user.employee, glud, TODAY(), 45, "council", True,
                            "Bestyrelsesmøde")
    assert saved.history.get().history_user == contact_user


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/",
                                    "javascript:alert(1)"])
def test_an_unsafe_next_is_ignored(contact_user, glud, target):
    response = english_client(contact_user).post(reverse("time:new"),
                                                 {**registration(glud), "next": target})

    assert response.status_code == 302
    assert response["Location"] == reverse("time:mine")
    assert TimeEntry.objects.count() == 1


def test_registering_from_my_week_comes_back_to_that_week(contact_user, glud):
    back = f"{reverse('time:mine')}?uge=2026-W48"

    response = english_client(contact_user).post(
        reverse("time:new"), {**registration(glud, day=WEEK_48.isoformat()), "next": back})

    assert response["Location"] == back


def test_an_error_in_the_quick_form_keeps_the_way_back_to_my_areas(contact_user, glud):
    client = english_client(contact_user)
    page = text(client.get(MINE))
    action = html.unescape(re.search(r'action="(/tid/ny/[^"]*)"', page)[1])

    response = client.post(action, {**registration(glud, minutes=""), "next": MINE})

    assert response.status_code == 400
    content = text(response)
    assert "Minutes: This field is required." in content
    # The full form posts back to the address it was shown on; its cancel link leads back, too.
    resent = client.post(response.wsgi_request.get_full_path(), registration(glud))
    assert resent["Location"] == MINE
    assert f'href="{MINE}">Cancel' in content.replace('class="button button-secondary" ', "")


# The full form


def test_the_full_form_chooses_the_area_from_the_address(contact_user, glud):
    response = english_client(contact_user).get(f"{reverse('time:new')}?omraade={glud.pk}")

    content = text(response)
    assert response.status_code == 200
    assert "<h1>Register time</h1>" in content
    assert f'<option value="{glud.pk}" selected>Glud</option>' in content
    assert "My time" in content  # the breadcrumb
    assert "(optional)" in content  # the area, outside hours and note may be left out


def test_the_full_form_registers_and_shows_my_week(contact_user, glud):
    client = english_client(contact_user)

    response = client.post(reverse("time:new"), registration(glud, minutes="30"), follow=True)

    assert response.redirect_chain == [(reverse("time:mine"), 302)]
    content = text(response)
    assert f"Registered: 30 min on {english_date(TODAY())}." in content
    assert "Glud" in content
    assert TimeEntry.objects.get().minutes == 30


def test_time_on_the_scheme_in_general_has_no_area(contact_user, glud):
    client = english_client(contact_user)

    response = client.post(reverse("time:new"), registration(kind="coordination"))

    assert response.status_code == 302
    saved = TimeEntry.objects.get()
    assert (saved.area, saved.kind) == (None, "coordination")


def test_an_area_covered_last_year_can_still_be_registered_on_days_it_was_covered(contact_user):
    ended = LocalAreaFactory(name="Hornborg")
    AssignmentFactory(area=ended, employee=contact_user.employee,
                      starts_on=TODAY() - datetime.timedelta(days=200),
                      ends_on=TODAY() - datetime.timedelta(days=10))
    day = TODAY() - datetime.timedelta(days=20)

    response = english_client(contact_user).post(
        reverse("time:new"), registration(ended, day=day.isoformat()))

    assert response.status_code == 302
    assert TimeEntry.objects.get().area == ended


BAD_INPUT = [
    ({"minutes": None}, "Minutes", "This field is required."),
    ({"minutes": "0"}, "Minutes", "Ensure this value is greater than or equal to 1."),
    ({"minutes": "tre kvarter"}, "Minutes", "Enter a whole number."),
    ({"minutes": "1441"}, "Minutes", "Ensure this value is less than or equal to 1440."),
    ({"day": None}, "Date", "This field is required."),
    ({"day": "31-02-2026"}, "Date", "Enter a valid date."),
    ({"kind": "holiday"}, "Kind of activity",
     "Select a valid choice. holiday is not one of the available choices."),
    ({"note": "x" * 301}, "Note",
     "Ensure this value has at most 300 characters (it has 301)."),
]


@pytest.mark.parametrize(("changes", "label", "message"), BAD_INPUT)
def test_bad_input_is_refused_with_the_fields_message(contact_user, glud, changes, label, message):
    response = english_client(contact_user).post(
        reverse("time:new"), {**registration(glud, **changes), "next": MINE})

    assert response.status_code == 400
    content = text(response)
    assert "The form has errors" in content
    assert f"{label}: {message}" in content
    assert not TimeEntry.objects.exists()


def test_a_future_date_is_refused(contact_user, glud):
    tomorrow = TODAY() + datetime.timedelta(days=1)

    response = english_client(contact_user).post(
        reverse("time:new"), registration(glud, day=tomorrow.isoformat()))

    assert response.status_code == 400
    assert "Date: Register time once it has been spent." in text(response)
    assert not TimeEntry.objects.exists()


def test_an_area_not_covered_is_refused(contact_user, glud):
    other = LocalAreaFactory(name="Stouby")
    AssignmentFactory(area=other)  # someone else's

    response = english_client(contact_user).post(reverse("time:new"), registration(other))

    assert response.status_code == 400
    assert ("Local area: Select a valid choice. That choice is not one of the available choices."
            in text(response))
    assert not TimeEntry.objects.exists()


def test_a_day_before_the_area_was_covered_is_refused(contact_user, glud):
    response = english_client(contact_user).post(
        reverse("time:new"), registration(glud, day="2023-12-29"))

    assert response.status_code == 400
    assert "Local area: Lise Lokal did not cover Glud on that day." in text(response)
    assert not TimeEntry.objects.exists()


def test_a_signed_in_user_who_is_not_an_employee_cannot_register(db):
    member = UserFactory(username="udenfor")

    response = english_client(member).post(reverse("time:new"), registration())

    assert response.status_code == 403
    assert not TimeEntry.objects.exists()


def test_an_anonymous_visitor_is_sent_to_log_in(db):
    response = english_client().get(reverse("time:mine"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


# My week


def test_the_week_shows_its_entries_with_correct_and_delete_links(contact_user, glud):
    mine = entry(contact_user.employee, area=glud, minutes=45, note="Generalforsamling",
                 outside_hours=True)
    general = entry(contact_user.employee, day=WEEK_48 + datetime.timedelta(days=2), minutes=30,
                    kind=TimeEntry.Kind.COORDINATION)
    entry(contact_user.employee, day=datetime.date(2026, 11, 30), minutes=90)  # week 49
    entry(EmployeeFactory(), day=WEEK_48, minutes=120)  # someone else's

    response = english_client(contact_user).get(f"{reverse('time:mine')}?uge=2026-W48")

    assert response.status_code == 200
    content = text(response)
    assert "My time: week 48" in content
    assert (f"{english_date(datetime.date(2026, 11, 23), 'DATE_FORMAT')} – "
            f"{english_date(datetime.date(2026, 11, 29), 'DATE_FORMAT')}") in content
    assert "1 h 15 min registered" in content
    assert "Within the band" in content
    assert "(expected 1–1½ hours)" in content
    for row in [f"{english_date(WEEK_48, 'D')} {english_date(WEEK_48)}", "Glud",
                "With the local council", "Generalforsamling", "Coordination meeting"]:
        assert row in content
    for saved in (mine, general):
        assert f'href="{reverse("time:edit", args=[saved.pk])}"' in content
        assert f'action="{reverse("time:delete", args=[saved.pk])}"' in content
    assert f'Correct <span class="sr-only">the entry of {english_date(WEEK_48)}</span>' in content
    assert f'Delete <span class="sr-only">the entry of {english_date(WEEK_48)}</span>' in content
    assert "120" not in content.split("<tbody>")[1].split("</tbody>")[0]
    assert 'href="?uge=2026-W47">Previous week' in content
    assert 'href="?uge=2026-W49">Next week' in content


def test_the_week_is_this_week_by_default(contact_user, glud):
    entry(contact_user.employee, day=TODAY(), minutes=100, area=glud)

    response = english_client(contact_user).get(reverse("time:mine"))

    content = text(response)
    assert response.status_code == 200
    assert f"My time: week {TODAY().isocalendar().week}" in content
    assert "1 h 40 min registered" in content
    assert "Register time" in content  # the quick form under the week


def test_an_empty_week_is_below_the_band(contact_user, glud):
    content = text(english_client(contact_user).get(f"{reverse('time:mine')}?uge=2026-W48"))

    assert "No time registered this week." in content
    assert "0 min registered" in content
    assert "Below the band" in content


def test_a_week_with_public_holidays_expects_its_share(contact_user, glud):
    entry(contact_user.employee, day=datetime.date(2026, 3, 31), minutes=60, area=glud)

    # 2026-W14: Maundy Thursday and Good Friday leave three working days.
    content = text(english_client(contact_user).get(f"{reverse('time:mine')}?uge=2026-W14"))

    assert "(expected 36 min – 54 min)" in content
    assert "Above the band" in content


def test_a_week_across_the_new_year_links_to_its_neighbours(contact_user, glud):
    content = text(english_client(contact_user).get(f"{reverse('time:mine')}?uge=2027-W01"))

    assert "My time: week 1" in content
    assert 'href="?uge=2026-W53">Previous week' in content
    assert 'href="?uge=2027-W2">Next week' in content


@pytest.mark.parametrize("week", ["2026-48", "2026-W54", "2025-W53", "uge", "2026-W", "2026-W00",
                                  "0001-W01", "9999-W52"])
def test_a_bad_week_is_refused_with_a_message(contact_user, glud, week):
    response = english_client(contact_user).get(reverse("time:mine"), {"uge": week})

    assert response.status_code == 400
    assert text(response) == "The week must be written as year and week, e.g. 2026-W48."


@pytest.mark.parametrize("year", ["26", "tyve", "1999", "2101", "-2026"])
def test_a_bad_year_is_refused_with_a_message(contact_user, glud, year):
    response = english_client(contact_user).get(reverse("time:mine"), {"aar": year})

    assert response.status_code == 400
    assert text(response) == "The year must be written as four digits, e.g. 2026."


def test_my_time_needs_an_employee_record(db):
    user = UserFactory(username="koordinator-uden-medarbejder")
    user.groups.add(Group.objects.get(name=COORDINATOR_GROUP))

    assert english_client(user).get(reverse("time:mine")).status_code == 403


# My year


def test_the_year_shows_every_week_against_the_band(contact_user, glud):
    entry(contact_user.employee, area=glud, minutes=45)
    entry(contact_user.employee, day=WEEK_48 + datetime.timedelta(days=1), minutes=30)
    entry(contact_user.employee, day=datetime.date(2026, 1, 2), minutes=100)
    entry(contact_user.employee, day=datetime.date(2025, 12, 30), minutes=500)  # 2026-W01 too
    entry(contact_user.employee, day=datetime.date(2025, 6, 3), minutes=999)  # another year

    response = english_client(contact_user).get(reverse("time:mine"), {"aar": "2026"})

    assert response.status_code == 200
    content = text(response)
    assert "My time: 2026" in content
    assert "11 h 15 min registered this year" in content
    rows = re.findall(r"<tr>\s*<td><a href=\"([^\"]+)\">(\d+)</a></td>\s*<td>[^<]*</td>\s*"
                      r"<td>([^<]+)</td>", content)
    assert len(rows) == 53  # 2026 has 53 ISO weeks
    assert rows[47] == ("/tid/?uge=2026-W48", "48", "1 h 15 min")
    assert rows[0] == ("/tid/?uge=2026-W1", "1", "10 hours")
    assert rows[1][2] == "0 min"
    assert 'href="?aar=2025">Previous year' in content
    assert 'href="?aar=2027">Next year' in content
    assert content.count("Within the band") == 1
    assert content.count("Above the band") == 1
    assert content.count("Below the band") == 51


def test_the_year_links_lead_to_the_week(contact_user, glud):
    entry(contact_user.employee, area=glud, day=datetime.date(2026, 1, 2), minutes=100)
    client = english_client(contact_user)

    response = client.get("/tid/?uge=2026-W1")

    assert response.status_code == 200
    assert "1 h 40 min registered" in text(response)


# Correcting and deleting


def test_the_owner_corrects_an_entry(contact_user, glud):
    saved = entry(contact_user.employee, area=glud, minutes=45, note="Møde")
    client = english_client(contact_user)

    form = client.get(reverse("time:edit", args=[saved.pk]))
    response = client.post(reverse("time:edit", args=[saved.pk]), {
        "area": glud.pk, "day": WEEK_48.isoformat(), "minutes": "60", "kind": "event",
        "note": "Møde og rundvisning"}, follow=True)

    assert form.status_code == 200
    assert "<h1>Correct the entry</h1>" in text(form)
    assert 'value="45"' in text(form)
    assert response.redirect_chain == [("/tid/?uge=2026-W48", 302)]
    assert "The entry is saved." in text(response)
    saved.refresh_from_db()
    assert (saved.minutes, saved.kind, saved.note) == (60, "event", "Møde og rundvisning")
    assert [h.minutes for h in saved.history.order_by("history_date")] == [45, 60]


def test_a_correction_into_another_week_shows_that_week(contact_user, glud):
    saved = entry(contact_user.employee, area=glud)

    response = english_client(contact_user).post(reverse("time:edit", args=[saved.pk]), {
        "area": glud.pk, "day": "2026-11-16", "minutes": "45", "kind": "council"})

    assert response["Location"] == "/tid/?uge=2026-W47"


def test_a_correction_with_bad_input_changes_nothing(contact_user, glud):
    saved = entry(contact_user.employee, area=glud, minutes=45)

    response = english_client(contact_user).post(reverse("time:edit", args=[saved.pk]), {
        "area": glud.pk, "day": WEEK_48.isoformat(), "minutes": "0", "kind": "council"})

    assert response.status_code == 400
    assert "Minutes: Ensure this value is greater than or equal to 1." in text(response)
    saved.refresh_from_db()
    assert saved.minutes == 45


def test_the_owner_deletes_an_entry(contact_user, glud):
    saved = entry(contact_user.employee, area=glud)

    response = english_client(contact_user).post(reverse("time:delete", args=[saved.pk]),
                                                  follow=True)

    assert response.redirect_chain == [("/tid/?uge=2026-W48", 302)]
    assert "The entry is deleted." in text(response)
    assert not TimeEntry.objects.exists()
    assert TimeEntry.history.filter(id=saved.pk, history_type="-").get().history_user == \
        contact_user


def test_deleting_needs_a_post(contact_user, glud):
    saved = entry(contact_user.employee, area=glud)

    response = english_client(contact_user).get(reverse("time:delete", args=[saved.pk]))

    assert response.status_code == 405
    assert TimeEntry.objects.exists()


@pytest.mark.parametrize("who", ["colleague", "leader"])
def test_another_employee_cannot_see_correct_or_delete_an_entry(contact_user, colleague, glud,
                                                                 who):
    saved = entry(contact_user.employee, area=glud, minutes=45, note="Privat aftale")
    if who == "leader":
        contact_user.employee.core_area.leaders.add(colleague.employee)
    client = english_client(colleague)

    shown = client.get(reverse("time:edit", args=[saved.pk]))
    corrected = client.post(reverse("time:edit", args=[saved.pk]), {
        "area": glud.pk, "day": WEEK_48.isoformat(), "minutes": "5", "kind": "council"})
    deleted = client.post(reverse("time:delete", args=[saved.pk]))

    assert (shown.status_code, corrected.status_code, deleted.status_code) == (404, 404, 404)
    saved.refresh_from_db()
    assert saved.minutes == 45
    assert "Privat aftale" not in text(client.get(f"{reverse('time:mine')}?uge=2026-W48"))


def test_the_coordinator_corrects_and_deletes_anyones_entry(contact_user, coordinator, glud):
    saved = entry(contact_user.employee, area=glud, minutes=45)
    client = english_client(coordinator)

    form = client.get(reverse("time:edit", args=[saved.pk]))
    corrected = client.post(reverse("time:edit", args=[saved.pk]), {
        "area": glud.pk, "day": WEEK_48.isoformat(), "minutes": "50", "kind": "council"})

    assert form.status_code == 200
    assert "The entry is Lise Lokal's." in text(form)
    assert f'<option value="{glud.pk}" selected>Glud</option>' in text(form)  # the owner's areas
    assert corrected.status_code == 302
    saved.refresh_from_db()
    assert saved.minutes == 50
    assert saved.history.latest("history_date").history_user == coordinator
    assert saved.employee == contact_user.employee  # still the contact's

    deleted = client.post(reverse("time:delete", args=[saved.pk]))

    assert deleted.status_code == 302
    assert not TimeEntry.objects.exists()


# The overview


@pytest.fixture
def staff(contact_user, colleague, glud):
    """Two contacts in two core areas with time in week 48, a leader of the contact's core area
    (the colleague, in Læring) and time from an ended assignment outside the period."""
    laering = CoreAreaFactory(name="Læring")
    colleague.employee.core_area = laering
    colleague.employee.save()
    contact_user.employee.core_area.leaders.add(colleague.employee)
    hornsyld = LocalAreaFactory(name="Hornsyld")
    other = EmployeeFactory(name="Ole Anden", core_area=laering)
    AssignmentFactory(area=hornsyld, employee=other)
    entry(contact_user.employee, area=glud, minutes=45, outside_hours=True)
    entry(contact_user.employee, day=WEEK_48 + datetime.timedelta(days=1), minutes=30,
          kind=TimeEntry.Kind.COORDINATION)
    entry(other, area=hornsyld, minutes=100)
    entry(other, area=hornsyld, day=datetime.date(2026, 10, 1), minutes=1000)  # outside
    return other


PERIOD = {"start": "2026-11-23", "end": "2026-11-29"}


def overview_rows(content: str) -> list[tuple[str, ...]]:
    table = content.split('aria-labelledby="contacts-heading"')[1].split("</table>")[0]
    return [tuple(re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(
        r"<td[^>]*>(.*?)</td>", row, re.S)) for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)
        if "<td" in row]


def test_the_coordinator_sees_every_contact_against_the_band(coordinator, staff):
    response = english_client(coordinator).get(reverse("time:overview"), PERIOD)

    assert response.status_code == 200
    content = text(response)
    assert "<h1 id=\"overview-heading\">Time overview</h1>" in content
    assert (f"{english_date(datetime.date(2026, 11, 23))} – "
            f"{english_date(datetime.date(2026, 11, 29))}: each contact is expected to spend "
            "1–1½ hours.") in content
    assert overview_rows(content) == [
        ("Lise Lokal", "Teknik og Miljø", "1", "1 h 15 min", "45 min", "Within the band"),
        ("Ole Anden", "Læring", "1", "1 h 40 min", "0 min", "Above the band"),
    ]
    core = content.split('aria-labelledby="core-areas-heading"')[1].split("</table>")[0]
    assert re.findall(r"<tr><td>([^<]+)</td><td>(\d+)</td><td>([^<]+)</td></tr>", core) == [
        ("Læring", "1", "1 h 40 min"), ("Teknik og Miljø", "1", "1 h 15 min")]
    assert '<tfoot><tr><th scope="row">In all</th><td>2</td><td>2 h 55 min</td></tr>' in core
    # The core areas come first; the time per local area is a page of its own.
    assert content.index("Per core area") < content.index("Per contact")
    assert (f'href="{reverse("time:overview_areas")}?start=2026-11-23&amp;end=2026-11-29">'
            "See the time per local area") in response.content.decode()
    assert "Hornsyld" not in content
    assert (f'href="{reverse("time:export")}?start=2026-11-23&amp;end=2026-11-29">'
            "Download as a spreadsheet (XLSX)") in response.content.decode()


def test_the_overview_covers_this_year_by_default(coordinator, contact_user, glud):
    entry(contact_user.employee, area=glud, day=TODAY(), minutes=45)
    entry(contact_user.employee, area=glud,
          day=TODAY().replace(month=1, day=1) - datetime.timedelta(days=1), minutes=500)

    content = text(english_client(coordinator).get(reverse("time:overview")))

    assert (f"{english_date(TODAY().replace(month=1, day=1))} – {english_date(TODAY())}"
            in content)
    assert overview_rows(content)[0][:4] == ("Lise Lokal", "Teknik og Miljø", "1", "45 min")


def test_the_coordinator_narrows_the_overview_to_a_core_area(coordinator, staff):
    laering = CoreArea.objects.get(name="Læring")

    content = text(english_client(coordinator).get(reverse("time:overview"), {
        **PERIOD, "core_area": laering.pk}))

    assert [row[0] for row in overview_rows(content)] == ["Ole Anden"]


def test_a_leader_sees_only_their_core_areas_staff(colleague, staff):
    response = english_client(colleague).get(reverse("time:overview"), PERIOD)

    assert response.status_code == 200
    content = text(response)
    assert overview_rows(content) == [
        ("Lise Lokal", "Teknik og Miljø", "1", "1 h 15 min", "45 min", "Within the band")]
    assert "Ole Anden" not in content
    assert "Hornsyld" not in content
    core = content.split('aria-labelledby="core-areas-heading"')[1]
    assert "Læring" not in core.split("</table>")[0]
    # The core areas to choose from are the ones they lead.
    select = content.split('name="core_area"')[1].split("</select>")[0]
    assert "Teknik og Miljø" in select
    assert "Læring" not in select


def test_a_leader_cannot_choose_another_core_area(colleague, staff):
    laering = CoreArea.objects.get(name="Læring")

    response = english_client(colleague).get(reverse("time:overview"), {
        **PERIOD, "core_area": laering.pk})

    assert response.status_code == 400
    assert ("Core area: Select a valid choice. That choice is not one of the available choices."
            in text(response))
    assert "Ole Anden" not in text(response)


@pytest.mark.parametrize("who", ["contact_user", "plain colleague"])
def test_a_contact_or_colleague_who_leads_nothing_is_refused(request, contact_user, colleague,
                                                             glud, who):
    user = contact_user if who == "contact_user" else colleague
    client = english_client(user)

    assert client.get(reverse("time:overview")).status_code == 403
    assert client.get(reverse("time:export")).status_code == 403
    assert "Time overview" not in text(client.get(reverse("time:mine")))


def test_the_time_pages_link_to_the_overview_for_those_who_see_it(coordinator, colleague, staff):
    for user in (coordinator, colleague):
        content = text(english_client(user).get(reverse("time:mine")))
        assert f'href="{reverse("time:overview")}">Time overview' in content


@pytest.mark.parametrize(("period", "message"), [
    ({"start": "2026-11-29", "end": "2026-11-23"},
     "The period must end on or after its first day."),
    ({"start": "2020-01-01", "end": "2026-11-23"}, "Choose a period of at most three years."),
])
def test_a_bad_period_is_refused_with_the_message(coordinator, staff, period, message):
    client = english_client(coordinator)

    response = client.get(reverse("time:overview"), period)
    export = client.get(reverse("time:export"), period)

    assert response.status_code == 400
    content = text(response)
    assert "The form has errors" in content
    assert message in content
    assert "Lise Lokal" not in content
    assert export.status_code == 400
    assert export.content.decode() == message


def test_a_date_that_is_not_a_date_is_refused(coordinator, staff):
    client = english_client(coordinator)

    response = client.get(reverse("time:overview"), {"start": "2026-13-01"})

    assert response.status_code == 400
    assert "From: Enter a valid date." in text(response)
    assert client.get(reverse("time:export"), {"start": "2026-13-01"}).status_code == 400


def test_the_overview_is_paginated_keeping_the_period(coordinator, db):
    core_area = CoreAreaFactory(name="Job og Velfærd")
    for number in range(51):
        AssignmentFactory(employee=EmployeeFactory(name=f"Kontakt {number:02d}",
                                                   core_area=core_area))
    client = english_client(coordinator)

    first = text(client.get(reverse("time:overview"), PERIOD))
    second = text(client.get(reverse("time:overview"), {**PERIOD, "side": "2"}))

    assert len(overview_rows(first)) == 50
    assert "Page 1 of 2" in first
    assert 'href="?start=2026-11-23&end=2026-11-29&side=2">Next' in first
    assert [row[0] for row in overview_rows(second)] == ["Kontakt 50"]
    assert 'href="?start=2026-11-23&end=2026-11-29&side=1">Previous' in second
    assert "side=" not in second.split("Download as a spreadsheet")[0].rsplit("href=", 1)[1]


def test_a_page_beyond_the_last_shows_the_last(coordinator, staff):
    content = text(english_client(coordinator).get(reverse("time:overview"),
                                                   {**PERIOD, "side": "99"}))

    assert [row[0] for row in overview_rows(content)] == ["Lise Lokal", "Ole Anden"]



def test_a_core_area_counts_its_contacts_without_time_too(coordinator, staff):
    EmployeeFactory(name="Uden Tid", core_area=CoreArea.objects.get(name="Læring"))  # no contact
    AssignmentFactory(employee=EmployeeFactory(name="Ny Kontakt", core_area=None))

    content = text(english_client(coordinator).get(reverse("time:overview"), PERIOD))

    core = content.split('aria-labelledby="core-areas-heading"')[1].split("</table>")[0]
    assert re.findall(r"<tr><td>([^<]+)</td><td>(\d+)</td><td>([^<]+)</td></tr>", core) == [
        ("Læring", "1", "1 h 40 min"), ("Teknik og Miljø", "1", "1 h 15 min"),
        ("No core area", "1", "0 min")]
    assert "<th scope=\"row\">In all</th><td>3</td><td>2 h 55 min</td>" in core


def test_an_empty_overview_has_no_totals(coordinator, db):
    content = text(english_client(coordinator).get(reverse("time:overview"), PERIOD))

    core = content.split('aria-labelledby="core-areas-heading"')[1].split("</table>")[0]
    assert "No contacts in the core areas you may see." in core
    assert "In all" not in core


# The time per local area


def area_rows(content: str) -> list[tuple[str, str]]:
    table = content.split('aria-labelledby="overview-heading"')[1].split("</table>")[0]
    return re.findall(r'<td><a href="/omraader/[^"]+/">([^<]+)</a></td><td>([^<]+)</td>', table)


def test_the_time_per_local_area_by_name_and_the_time_on_no_area(coordinator, staff):
    response = english_client(coordinator).get(reverse("time:overview_areas"), PERIOD)

    assert response.status_code == 200
    content = text(response)
    assert "<h1 id=\"overview-heading\">Time per local area</h1>" in content
    assert area_rows(content) == [("Glud", "45 min"), ("Hornsyld", "1 h 40 min")]
    assert "Not one area (e.g. coordination meetings): 30 min." in content
    assert (f'href="{reverse("time:overview")}?start=2026-11-23&amp;end=2026-11-29">Back to the '
            "time overview") in response.content.decode()
    assert (f'href="{reverse("time:export")}?start=2026-11-23&amp;end=2026-11-29">'
            "Download as a spreadsheet (XLSX)") in response.content.decode()


def test_a_leader_sees_the_time_on_the_areas_of_their_staff(colleague, staff):
    content = text(english_client(colleague).get(reverse("time:overview_areas"), PERIOD))

    assert area_rows(content) == [("Glud", "45 min")]
    assert "Hornsyld" not in content


def test_the_time_per_local_area_is_paginated_keeping_the_filters(coordinator, contact_user,
                                                                   glud):
    core_area = contact_user.employee.core_area
    for number in range(51):
        area = LocalAreaFactory(name=f"Område {number:02d}")
        entry(contact_user.employee, area=area, minutes=number + 1)
    client = english_client(coordinator)
    filters = {**PERIOD, "core_area": core_area.pk}

    first = text(client.get(reverse("time:overview_areas"), filters))
    second = text(client.get(reverse("time:overview_areas"), {**filters, "side": "2"}))

    assert len(area_rows(first)) == 50
    assert "Page 1 of 2" in first
    assert (f'href="?start=2026-11-23&end=2026-11-29&core_area={core_area.pk}&side=2">Next'
            in first)
    assert area_rows(second) == [("Område 50", "51 min")]
    assert (f'href="?start=2026-11-23&end=2026-11-29&core_area={core_area.pk}&side=1">Previous'
            in second)


def test_a_bad_period_on_the_areas_page_is_refused_with_the_message(coordinator, staff):
    response = english_client(coordinator).get(reverse("time:overview_areas"), {
        "start": "2026-11-29", "end": "2026-11-23"})

    assert response.status_code == 400
    assert "The period must end on or after its first day." in text(response)
    assert "Hornsyld" not in text(response)


def test_the_areas_page_is_for_those_who_see_the_overview(contact_user, glud):
    assert english_client(contact_user).get(reverse("time:overview_areas")).status_code == 403


# The export


def workbook(response) -> openpyxl.Workbook:
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    return openpyxl.load_workbook(io.BytesIO(response.content))


def rows(sheet) -> list[tuple]:
    return list(sheet.iter_rows(values_only=True))


HEADER = ("Name", "Core area", "Areas", "Minutes", "Outside working hours (minutes)",
          "Expected at least", "Expected at most", "Status")


def test_the_export_has_a_sheet_per_view(coordinator, staff):
    response = english_client(coordinator).get(reverse("time:export"), PERIOD)

    book = workbook(response)
    assert response["Content-Disposition"] == 'attachment; filename="tid-20261123-20261129.xlsx"'
    assert book.sheetnames == ["Contacts", "Local areas", "Core areas"]
    assert rows(book["Contacts"]) == [
        HEADER,
        ("Lise Lokal", "Teknik og Miljø", 1, 75, 45, 60, 90, "Within the band"),
        ("Ole Anden", "Læring", 1, 100, 0, 60, 90, "Above the band"),
    ]
    assert rows(book["Local areas"]) == [("Local area", "Minutes"), ("Hornsyld", 100),
                                         ("Glud", 45), ("Not one area", 30)]
    assert rows(book["Core areas"]) == [("Core area", "Contacts", "Minutes"),
                                        ("Læring", 1, 100), ("Teknik og Miljø", 1, 75)]


def test_a_contact_below_the_band_is_marked_so(coordinator, contact_user, glud):
    entry(contact_user.employee, area=glud, minutes=20)

    book = workbook(english_client(coordinator).get(reverse("time:export"), PERIOD))

    assert rows(book["Contacts"])[1] == ("Lise Lokal", "Teknik og Miljø", 1, 20, 0, 60, 90,
                                         "Below the band")


def test_a_leaders_export_has_only_their_staff(colleague, staff):
    book = workbook(english_client(colleague).get(reverse("time:export"), PERIOD))

    assert [row[0] for row in rows(book["Contacts"])] == ["Name", "Lise Lokal"]
    assert rows(book["Local areas"]) == [("Local area", "Minutes"), ("Glud", 45),
                                         ("Not one area", 30)]
    assert rows(book["Core areas"]) == [("Core area", "Contacts", "Minutes"),
                                        ("Teknik og Miljø", 1, 75)]


def test_a_name_that_looks_like_a_formula_is_neutralised(coordinator, db):
    employee = EmployeeFactory(name='=HYPERLINK("https://evil.example","Klik")',
                               core_area=CoreAreaFactory(name="+Kerneområde"))
    area = LocalAreaFactory(name="@Område")
    AssignmentFactory(area=area, employee=employee)
    entry(employee, area=area, minutes=45)

    book = workbook(english_client(coordinator).get(reverse("time:export"), PERIOD))

    assert rows(book["Contacts"])[1][:2] == ("'=HYPERLINK(\"https://evil.example\",\"Klik\")",
                                             "'+Kerneområde")
    assert rows(book["Local areas"])[1] == ("'@Område", 45)
    assert rows(book["Core areas"])[1][0] == "'+Kerneområde"
    assert all(cell.data_type != "f" for sheet in book for row in sheet.iter_rows()
               for cell in row)


# English throughout


def test_every_time_page_is_in_english(contact_user, coordinator, staff):
    saved = TimeEntry.objects.filter(employee=contact_user.employee).first()
    pages = {
        "week": (contact_user, f"{reverse('time:mine')}?uge=2026-W48", [
            "My time", "This week", "This year", "registered", "Previous week",
            "Next week", "Date", "Local area", "Kind of activity", "Time spent",
            "Outside working hours", "Note", "Actions", "Correct", "Delete", "Yes", "No",
            "With the local council", "Coordination meeting", "Within the band", "expected",
            "Register time", "Outside normal working hours", "optional"]),
        "year": (contact_user, f"{reverse('time:mine')}?aar=2026", [
            "My time: 2026", "registered this year", "Previous year", "Next year",
            "Week", "From", "Time spent", "Against the band", "Below the band"]),
        "new": (contact_user, reverse("time:new"), [
            "Register time", "Not one area (e.g. a coordination meeting)", "Cancel",
            "Preparation and follow-up", "Inquiries and consultations",
            "Meeting or event in the area", "Other"]),
        "edit": (coordinator, reverse("time:edit", args=[saved.pk]), [
            "Correct the entry", "Save the entry", "The entry is Lise Lokal's."]),
        "overview": (coordinator, f"{reverse('time:overview')}?start=2026-11-23&end=2026-11-29", [
            "Time overview", "The time the contacts spend on the role, against the expected "
            "1–1½ hours a week. A week with public holidays expects its share.", "From", "To",
            "Core area", "All I may see", "Show", "Per contact", "Per local area",
            "Per core area", "Name", "Areas", "Against the band", "Contacts",
            "Download as a spreadsheet (XLSX)", "In all", "See the time per local area",
            "Above the band"]),
        "areas": (coordinator, f"{reverse('time:overview_areas')}?start=2026-11-23&end=2026-11-29",
                  ["Time per local area", "Back to the time overview", "The time registered on "
                   "each local area from", "Local area", "Time spent", "Not one area (e.g. "
                   "coordination meetings): 30 min.", "Download as a spreadsheet (XLSX)"]),
    }
    for name, (user, url, texts) in pages.items():
        response = english_client(user).get(url)
        content = text(response)
        assert response.status_code == 200, name
        assert '<html lang="en">' in content, name
        missing = [phrase for phrase in texts if phrase not in content]
        assert not missing, (name, missing)


def test_the_messages_and_refusals_are_in_english(contact_user, glud):
    client = english_client(contact_user)

    registered = client.post(reverse("time:new"), registration(glud), follow=True)
    saved = TimeEntry.objects.get()
    corrected = client.post(reverse("time:edit", args=[saved.pk]), {
        "area": glud.pk, "day": TODAY().isoformat(), "minutes": "50", "kind": "council"},
        follow=True)
    deleted = client.post(reverse("time:delete", args=[saved.pk]), follow=True)

    assert f"Registered: 45 min on {english_date(TODAY())}." in text(registered)
    assert "The entry is saved." in text(corrected)
    assert "The entry is deleted." in text(deleted)
