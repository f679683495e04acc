# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Import of areas, councils and contacts from CSV and XLSX: all rows or none, errors by row."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import Workbook, load_workbook

from lokalkontakt.areas import importer
from lokalkontakt.areas.importer import ImportRejected, RowError, import_file
from lokalkontakt.areas.models import AreaEvent, Assignment, Council, LocalArea, Participation
from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.onboarding.models import OnboardingStep, OnboardingTask
from lokalkontakt.people.models import Employee
from tests.areas.factories import AssignmentFactory
from tests.areas.pages import page_text
from tests.people.factories import CoreAreaFactory, EmployeeFactory

pytestmark = pytest.mark.django_db

HEADER = importer.COLUMN_NAMES
GLUD = {"omraade": "Glud", "byer": "Glud; Sønderby", "postnumre": "7130", "sogn": "Glud",
        "indbyggere": "450", "indbyggere_aar": "2024", "bredde": "55,7561", "laengde": "9,8950",
        "lokalraad": "Glud Lokalråd", "lokalraad_email": "lokalraad@glud.example.dk",
        "lokalraad_web": "https://glud.example.dk", "tilslutning": "interesseret",
        "lokalkontakt": "Susanne Ernst", "lokalkontakt_titel": "Konsulent",
        "lokalkontakt_email": "susanne.ernst@example.dk", "lokalkontakt_telefon": "+45 70 00 00 10",
        "kerneomraade": "Fritid og Fællesskab"}
OELSTED = {"omraade": "Ølsted", "byer": "Ølsted", "postnumre": "8723", "sogn": "Ølsted",
           "lokalkontakt": "Lars Mikkelsen", "lokalkontakt_titel": "Skoleleder",
           "lokalkontakt_email": "lars.mikkelsen@example.dk", "kerneomraade": "Læring"}


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English; the Danish catalogue may not be compiled yet."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def core_areas(db):
    CoreAreaFactory(name="Fritid og Fællesskab")
    CoreAreaFactory(name="Læring")


def table(*records, columns=HEADER):
    return [list(columns)] + [[record.get(name, "") for name in columns] for record in records]


def csv_file(rows, *, delimiter=";", encoding="utf-8-sig") -> bytes:
    """The rows as a spreadsheet program saves them: quoted where a cell holds the delimiter."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_file(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def counts() -> dict:
    return {model.__name__: model.objects.count()
            for model in (LocalArea, Council, Employee, Assignment, AreaEvent)}


def rejected(content: bytes, filename: str = "omraader.csv") -> list[RowError]:
    with pytest.raises(ImportRejected) as error:
        import_file(content=content, filename=filename)
    return error.value.errors


@pytest.fixture
def existing(db):
    """Data already in the database, which a refused import must leave exactly as it was."""
    AssignmentFactory(area__name="Barrit", employee__name="Line Holmgaard")
    return counts()


# --- good files --------------------------------------------------------------------------------


def test_a_semicolon_csv_creates_the_areas_with_their_facts():
    import_file(content=csv_file(table(GLUD, OELSTED)), filename="omraader.csv")

    glud = LocalArea.objects.get(name="Glud")
    assert (glud.towns, glud.postcodes, glud.parish, glud.population, glud.population_year) == (
        "Glud; Sønderby", "7130", "Glud", 450, 2024)
    assert (glud.latitude, glud.longitude) == (Decimal("55.7561"), Decimal("9.895"))
    assert sorted(LocalArea.objects.values_list("name", flat=True)) == ["Glud", "Ølsted"]


def test_an_import_creates_the_council_and_records_its_answer():
    import_file(content=csv_file(table(GLUD)), filename="omraader.csv")

    council = Council.objects.get(area__name="Glud")
    assert (council.name, council.email, council.website) == (
        "Glud Lokalråd", "lokalraad@glud.example.dk", "https://glud.example.dk")
    glud = LocalArea.objects.get(name="Glud")
    assert (glud.participation, glud.participation_date) == (
        Participation.INTERESTED, timezone.localdate())


def test_an_import_creates_the_contacts_and_makes_them_primary_from_today():
    import_file(content=csv_file(table(GLUD, OELSTED)), filename="omraader.csv")

    rows = sorted(Assignment.objects.values_list(
        "area__name", "employee__name", "employee__email", "employee__core_area__name", "role",
        "starts_on", "ends_on"))
    assert rows == [
        ("Glud", "Susanne Ernst", "susanne.ernst@example.dk", "Fritid og Fællesskab", "primary",
         timezone.localdate(), None),
        ("Ølsted", "Lars Mikkelsen", "lars.mikkelsen@example.dk", "Læring", "primary",
         timezone.localdate(), None),
    ]


def test_an_import_records_existing_contacts_without_onboarding_them():
    """An import records the contacts the municipality already has: no checklist, no welcome
    e-mail (a new assignment made in the application gets both; tests/areas/test_onboarding)."""
    OnboardingStep.objects.create(title="Mød lokalrådet")  # a template step in use

    import_file(content=csv_file(table(GLUD, OELSTED)), filename="omraader.csv")

    assert Assignment.objects.count() == 2
    assert not OnboardingTask.objects.exists()
    assert not OutgoingEmail.objects.exists()


def test_an_import_logs_the_source_file_and_the_assignment_on_each_area(coordinator):
    import_file(content=csv_file(table(GLUD)), filename="hedensted-2025.csv", actor=coordinator)

    events = [(e.kind, e.data) for e in AreaEvent.objects.filter(area__name="Glud").order_by("pk")]
    assert events == [
        (AreaEvent.Kind.IMPORTED, {"source": "hedensted-2025.csv"}),
        (AreaEvent.Kind.PARTICIPATION, {"answer": "interested",
                                        "date": timezone.localdate().isoformat()}),
        (AreaEvent.Kind.ASSIGNED, {"employee": "Susanne Ernst", "role": "primary",
                                   "date": timezone.localdate().isoformat()}),
    ]
    assert {e.actor for e in AreaEvent.objects.filter(kind=AreaEvent.Kind.ASSIGNED)} == {coordinator}


def test_a_comma_separated_csv_is_imported():
    import_file(content=csv_file(table(GLUD, OELSTED, columns=["omraade", "postnumre", "sogn"]),
                                 delimiter=","), filename="omraader.csv")

    assert sorted(LocalArea.objects.values_list("name", "postcodes")) == [
        ("Glud", "7130"), ("Ølsted", "8723")]


def test_a_utf8_csv_with_byte_order_mark_keeps_danish_letters_and_the_first_column():
    content = csv_file(table(OELSTED, columns=["omraade", "byer"]), encoding="utf-8-sig")
    assert content.startswith(b"\xef\xbb\xbf")

    import_file(content=content, filename="omraader.csv")

    assert list(LocalArea.objects.values_list("name", "towns")) == [("Ølsted", "Ølsted")]


def test_a_windows_1252_csv_keeps_danish_letters():
    content = csv_file(table(OELSTED, {"omraade": "Åle-Hjortsvang", "byer": "Åle; Hjortsvang"},
                             columns=["omraade", "byer"]), encoding="cp1252")

    import_file(content=content, filename="omraader.csv")

    assert list(LocalArea.objects.order_by("sort_name").values_list("name", "towns")) == [
        ("Ølsted", "Ølsted"), ("Åle-Hjortsvang", "Åle; Hjortsvang")]


def test_an_xlsx_file_with_numbers_in_cells_is_imported():
    rows = [HEADER, ["Glud", "Glud", 7130, "Glud", 450, 2024, 55.7561, 9.895, "Glud Lokalråd",
                     None, None, "ja", "Susanne Ernst", "Konsulent", "susanne.ernst@example.dk",
                     None, "fritid og fællesskab"]]

    import_file(content=xlsx_file(rows), filename="omraader.xlsx")

    glud = LocalArea.objects.get(name="Glud")
    assert (glud.postcodes, glud.population, glud.population_year) == ("7130", 450, 2024)
    assert glud.primary_assignment.employee.core_area.name == "Fritid og Fællesskab"
    assert Council.objects.get(area=glud).name == "Glud Lokalråd"


def test_danish_header_spellings_and_aliases_are_understood():
    rows = [["Område", "By", "Postnummer"], ["Hjarnø", "Hjarnø", "7130"]]

    import_file(content=csv_file(rows), filename="omraader.csv")

    assert list(LocalArea.objects.values_list("name", "towns", "postcodes")) == [
        ("Hjarnø", "Hjarnø", "7130")]


def test_an_existing_employee_is_recognised_by_e_mail():
    lars = EmployeeFactory(name="Lars Mikkelsen", email="LARS.MIKKELSEN@example.dk")

    import_file(content=csv_file(table(OELSTED)), filename="omraader.csv")

    assert Employee.objects.filter(name="Lars Mikkelsen").count() == 1
    assert LocalArea.objects.get(name="Ølsted").primary_assignment.employee == lars


def test_the_downloadable_template_is_accepted_and_imports_nothing(existing):
    result = import_file(content=importer.template_csv(), filename="skabelon.csv")

    assert (result.created, result.updated) == ([], [])
    assert counts() == existing


def test_blank_rows_are_skipped_and_later_rows_keep_their_number_in_the_file():
    rows = table(GLUD, columns=["omraade", "postnumre"]) + [["", ""], ["Ølsted", "87"]]

    assert rejected(csv_file(rows)) == [
        RowError(4, "postnumre", "“87” is not a postcode of four digits.")]


# --- re-import ---------------------------------------------------------------------------------


def test_importing_the_same_file_twice_creates_nothing_new():
    content = csv_file(table(GLUD, OELSTED))
    import_file(content=content, filename="omraader.csv")
    after_first = counts()

    result = import_file(content=content, filename="omraader.csv")

    assert counts() == after_first
    assert (len(result.created), len(result.updated), result.assigned) == (0, 2, [])


def test_a_re_import_updates_the_facts_of_an_existing_area_and_logs_the_change():
    import_file(content=csv_file(table(GLUD)), filename="omraader.csv")

    import_file(content=csv_file(table({**GLUD, "omraade": "GLUD", "indbyggere": "480"})),
                filename="omraader.csv")

    glud = LocalArea.objects.get()
    assert (glud.name, glud.population) == ("Glud", 480)
    assert AreaEvent.objects.filter(area=glud, kind=AreaEvent.Kind.UPDATED).get().data == {
        "fields": ["population"]}


def test_empty_cells_in_a_re_import_keep_the_stored_facts():
    import_file(content=csv_file(table(GLUD)), filename="omraader.csv")

    import_file(content=csv_file(table({"omraade": "Glud"})), filename="omraader.csv")

    glud = LocalArea.objects.get()
    assert (glud.population, glud.postcodes, glud.primary_assignment.employee.name) == (
        450, "7130", "Susanne Ernst")


def test_a_re_import_with_a_new_contact_ends_the_old_assignment_and_keeps_it():
    import_file(content=csv_file(table(GLUD)), filename="omraader.csv")

    import_file(content=csv_file(table({**GLUD, "lokalkontakt": "Lise Lokal",
                                        "lokalkontakt_email": "lise.lokal@example.dk"})),
                filename="omraader.csv")

    rows = sorted(Assignment.objects.values_list("employee__name", "ends_on"))
    assert rows == [("Lise Lokal", None), ("Susanne Ernst", timezone.localdate())]


# --- refused files: a report per row, and nothing changes -------------------------------------


def test_an_unknown_core_area_is_refused(existing):
    errors = rejected(csv_file(table({**GLUD, "kerneomraade": "Kultur"})))

    assert errors == [RowError(2, "kerneomraade", "Unknown core area “Kultur”.")]
    assert counts() == existing


def test_a_row_without_an_area_name_is_refused(existing):
    errors = rejected(csv_file(table(GLUD, {**OELSTED, "omraade": ""})))

    assert errors == [RowError(3, "omraade", "The area's name is missing.")]
    assert counts() == existing


def test_a_malformed_e_mail_is_refused(existing):
    errors = rejected(csv_file(table({**GLUD, "lokalkontakt_email": "susanne@"})))

    assert errors == [RowError(2, "lokalkontakt_email", "“susanne@” is not a valid e-mail address.")]
    assert counts() == existing


def test_a_malformed_council_e_mail_is_refused(existing):
    errors = rejected(csv_file(table({**GLUD, "lokalraad_email": "glud.dk"})))

    assert errors == [RowError(2, "lokalraad_email", "“glud.dk” is not a valid e-mail address.")]
    assert counts() == existing


def test_a_malformed_postcode_is_refused(existing):
    errors = rejected(csv_file(table({**GLUD, "postnumre": "7130 713"})))

    assert errors == [RowError(2, "postnumre", "“713” is not a postcode of four digits.")]
    assert counts() == existing


def test_an_area_twice_in_the_file_is_refused_naming_the_first_row(existing):
    errors = rejected(csv_file(table(GLUD, OELSTED, {**GLUD, "omraade": "glud"})))

    assert errors == [RowError(4, "omraade", "The area “glud” is also in row 2.")]
    assert counts() == existing


def test_an_unknown_column_is_refused(existing):
    errors = rejected(csv_file([["omraade", "Farve"], ["Glud", "blå"]]))

    assert errors == [RowError(1, "farve", "Unknown column “Farve”.")]
    assert counts() == existing


def test_a_file_without_the_area_column_is_refused(existing):
    errors = rejected(csv_file([["byer", "postnumre"], ["Glud", "7130"]]))

    assert errors == [RowError(1, "omraade", "The column “omraade” is missing.")]
    assert counts() == existing


@pytest.mark.parametrize(("column", "value", "message"), [
    ("indbyggere", "mange", "“mange” is not a whole number."),
    ("indbyggere_aar", "1850", "1850 is outside 1900–2100."),
    ("bredde", "nord", "“nord” is not a number."),
    ("bredde", "NaN", "“NaN” is not a number."),
    ("laengde", "20,5", "20,5 is outside 7–16."),
])
def test_a_bad_number_is_refused(existing, column, value, message):
    errors = rejected(csv_file(table({**GLUD, column: value})))

    assert errors == [RowError(2, column, message)]
    assert counts() == existing


def test_an_unknown_answer_is_refused(existing):
    errors = rejected(csv_file(table({**GLUD, "tilslutning": "måske"})))

    assert errors == [RowError(2, "tilslutning", "Write interesseret, afslaaet or ukendt.")]
    assert counts() == existing


def test_every_error_in_the_file_is_reported_at_once(existing):
    errors = rejected(csv_file(table({**GLUD, "postnumre": "71"}, OELSTED,
                                     {**OELSTED, "omraade": "Uldum", "indbyggere": "x"})))

    assert errors == [RowError(2, "postnumre", "“71” is not a postcode of four digits."),
                      RowError(4, "indbyggere", "“x” is not a whole number.")]
    assert counts() == existing


@pytest.mark.parametrize("content", [b"", b"\r\n\r\n", b";;;\r\n;;;\r\n"])
def test_an_empty_file_is_refused(existing, content):
    assert rejected(content) == [RowError(0, "", "The file is empty.")]
    assert counts() == existing


def test_an_unreadable_xlsx_file_is_refused(existing):
    errors = rejected(b"this is not a spreadsheet", filename="omraader.xlsx")

    assert errors == [RowError(0, "", "The file could not be read (BadZipFile).")]
    assert counts() == existing


def test_a_row_that_fails_when_saved_undoes_the_rows_before_it(existing):
    EmployeeFactory(name="Frank Kjær", email="frank@example.dk", is_active=False)
    rows = table(GLUD, {**OELSTED, "lokalkontakt": "Frank Kjær",
                        "lokalkontakt_email": "frank@example.dk"})

    errors = rejected(csv_file(rows))

    assert errors == [RowError(3, "", "Frank Kjær is no longer active.")]
    assert counts() == {**existing, "Employee": existing["Employee"] + 1}
    assert not LocalArea.objects.filter(name="Glud").exists()


# --- the upload page ---------------------------------------------------------------------------


def upload(client, content: bytes, name: str):
    return client.post(reverse("coordination:import"),
                       {"file": SimpleUploadedFile(name, content)}, headers={"Accept-Language": "en"})


def test_the_coordinator_uploads_a_good_file_and_the_areas_exist(coordinator_client):
    response = upload(coordinator_client, csv_file(table(GLUD, OELSTED)), "omraader.csv")

    assert response.status_code == 302
    assert response.url == reverse("coordination:overview")
    assert sorted(LocalArea.objects.values_list("name", flat=True)) == ["Glud", "Ølsted"]
    assert Assignment.objects.filter(ends_on__isnull=True).count() == 2


def test_the_coordinator_is_told_what_was_imported(coordinator_client):
    upload(coordinator_client, csv_file(table(GLUD, OELSTED)), "omraader.csv")

    overview = coordinator_client.get(reverse("coordination:overview"),
                                      headers={"Accept-Language": "en"})

    assert "Imported: 2 new areas, 0 updated, 2 contacts assigned." in page_text(overview)


def test_an_uploaded_xlsx_file_is_imported(coordinator_client):
    response = upload(coordinator_client, xlsx_file(table(GLUD)), "omraader.xlsx")

    assert response.status_code == 302
    assert LocalArea.objects.get().name == "Glud"


def test_a_bad_upload_shows_each_error_with_its_row_and_changes_nothing(coordinator_client, existing):
    response = upload(coordinator_client,
                      csv_file(table(GLUD, {**OELSTED, "lokalkontakt_email": "lars@"})), "fejl.csv")

    assert response.status_code == 400
    text = page_text(response)
    assert "Nothing was imported: the file has 1 error." in text
    assert "3 lokalkontakt_email “lars@” is not a valid e-mail address." in text
    assert counts() == existing


def test_a_file_larger_than_two_megabytes_is_refused(coordinator_client, existing):
    content = csv_file(table(GLUD)) + b"\r\n" + b"x" * (2 * 1024 * 1024)

    response = upload(coordinator_client, content, "stor.csv")

    assert response.status_code == 400
    assert "The file is larger than 2 MB." in page_text(response)
    assert counts() == existing


def test_a_text_file_is_refused(coordinator_client, existing):
    response = upload(coordinator_client, csv_file(table(GLUD)), "omraader.txt")

    assert response.status_code == 400
    assert "Choose a CSV or XLSX file." in page_text(response)
    assert counts() == existing


def test_the_csv_template_has_the_importers_columns(coordinator_client):
    response = coordinator_client.get(reverse("coordination:import_template", args=["csv"]))

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="lokalomraader-skabelon.csv"'
    assert response.content.decode("utf-8-sig").strip().split(";") == importer.COLUMN_NAMES


def test_the_xlsx_template_has_the_importers_columns_and_a_sheet_describing_them(coordinator_client):
    response = coordinator_client.get(reverse("coordination:import_template", args=["xlsx"]))

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="lokalomraader-skabelon.xlsx"'
    workbook = load_workbook(io.BytesIO(response.content), read_only=True)
    columns_sheet, guide = workbook.worksheets
    assert list(next(columns_sheet.iter_rows(values_only=True))) == importer.COLUMN_NAMES
    assert [row[0] for row in guide.iter_rows(min_row=2, values_only=True)] == importer.COLUMN_NAMES


# --- the management command --------------------------------------------------------------------


def test_the_import_command_imports_a_file(tmp_path):
    path = tmp_path / "omraader.csv"
    path.write_bytes(csv_file(table(GLUD, OELSTED)))
    out = io.StringIO()

    call_command("import_areas", str(path), stdout=out)

    assert "Importeret: 2 nye områder, 0 opdateret, 2 lokalkontakter tildelt." in out.getvalue()
    assert sorted(LocalArea.objects.values_list("name", flat=True)) == ["Glud", "Ølsted"]


def test_the_import_command_refuses_a_bad_file_and_changes_nothing(tmp_path, existing):
    path = tmp_path / "fejl.csv"
    path.write_bytes(csv_file(table(GLUD, {**OELSTED, "postnumre": "87"})))
    err = io.StringIO()

    with pytest.raises(CommandError, match=r"^Intet blev importeret: 1 fejl\.$"):
        call_command("import_areas", str(path), stderr=err)

    assert err.getvalue() == "række 3, kolonne postnumre: “87” is not a postcode of four digits.\n"
    assert counts() == existing


def test_the_import_command_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_areas", str(tmp_path / "findes-ikke.csv"))

