# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The package for the case system, unpacked and read back: the PDF/A with the whole case,
metadata.json, the attachments byte for byte."""

import hashlib
import io
import json
import zipfile

from django.utils import timezone
from pypdf import PdfReader

from lokalkontakt.inquiries.services.anonymise import inquiry_anonymise
from lokalkontakt.journal.packages import package_file, package_zip, write_package
from lokalkontakt.journal.selectors import case_for
from lokalkontakt.journal.services import journalise
from tests.journal.conftest import FORSLAG, FOTO, PLAN, SVAR, unzip
from tests.pdfa import assert_pdf_a, pdf_text


def test_an_inquiry_package_holds_the_pdf_the_files_and_the_metadata(inquiry):
    files = unzip(package_zip([case_for("inquiry", inquiry.pk)]))
    ref = inquiry.reference
    assert sorted(files) == sorted([f"{ref}/sag.pdf", f"{ref}/bilag/foto.pdf",
                                    f"{ref}/bilag/plan.pdf", f"{ref}/metadata.json"])
    assert files[f"{ref}/bilag/foto.pdf"] == FOTO
    assert files[f"{ref}/bilag/plan.pdf"] == PLAN


def test_the_case_pdf_is_pdf_a_with_the_subject_the_steps_and_the_submitter(inquiry):
    pdf = unzip(package_zip([case_for("inquiry", inquiry.pk)]))[f"{inquiry.reference}/sag.pdf"]
    assert_pdf_a(pdf)
    text = pdf_text(pdf)
    for expected in ["Vejbump på Skolevej", "Bilerne kører for stærkt forbi skolen.",
                     "Bo Borger", "bo@example.dk", "+45 20 00 00 00", "Borger",
                     "Vejafdelingen spørges internt.", "Vi sætter vejbump op til foråret.",
                     "Intern kommentar", "Svar", "bilag/foto.pdf", "bilag/plan.pdf"]:
        assert expected in text, expected


def test_the_metadata_reads_back_with_dates_parties_area_and_checksums(inquiry):
    files = unzip(package_zip([case_for("inquiry", inquiry.pk)]))
    metadata = json.loads(files[f"{inquiry.reference}/metadata.json"])
    assert metadata["format"] == "lokalkontakt-journal/1"
    assert (metadata["kind"], metadata["reference"], metadata["title"]) == (
        "inquiry", inquiry.reference, "Vejbump på Skolevej")
    assert metadata["dates"]["received"] == inquiry.received_on.isoformat()
    assert metadata["dates"]["deadline"] == inquiry.answer_due.isoformat()
    assert metadata["dates"]["answered"] is not None
    assert metadata["parties"]["submitter"] == {
        "name": "Bo Borger", "email": "bo@example.dk", "phone": "+45 20 00 00 00",
        "kind": "citizen", "kind_label": "Borger"}
    assert metadata["parties"]["handled_by"]["name"] == inquiry.assignee.name
    assert metadata["areas"] == [{"name": "Glud", "slug": inquiry.area.slug}]
    assert metadata["kle"] is None and metadata["journalisation"] is None
    assert metadata["personal_data_deleted"] is False
    by_path = {entry["path"]: entry for entry in metadata["files"]}
    assert set(by_path) == {"sag.pdf", "bilag/foto.pdf", "bilag/plan.pdf"}
    for path, entry in by_path.items():
        data = files[f"{inquiry.reference}/{path}"]
        assert (entry["size"], entry["sha256"]) == (len(data), hashlib.sha256(data).hexdigest())


def test_a_journalised_case_names_its_case_number_and_kle(inquiry, contact_user, kle_list):
    case = case_for("inquiry", inquiry.pk)
    journalise(case=case, case_number="27.00.00-A00-1-26", kle="05.04.08", actor=contact_user)
    files = unzip(package_zip([case_for("inquiry", inquiry.pk)]))
    metadata = json.loads(files[f"{inquiry.reference}/metadata.json"])
    assert metadata["journalisation"]["case_number"] == "27.00.00-A00-1-26"
    assert metadata["journalisation"]["journalised_by"] == contact_user.employee.name
    assert metadata["kle"] == {"number": "05.04.08", "title": "Trafiksikkerhed"}
    assert "27.00.00-A00-1-26" in pdf_text(files[f"{inquiry.reference}/sag.pdf"])


def test_an_anonymised_inquiry_says_so_and_holds_no_personal_data(inquiry):
    inquiry_anonymise(inquiry, now=timezone.now())
    files = unzip(package_zip([case_for("inquiry", inquiry.pk)]))
    ref = inquiry.reference
    metadata = json.loads(files[f"{ref}/metadata.json"])
    assert metadata["personal_data_deleted"] is True and metadata["anonymised_at"]
    assert metadata["parties"]["submitter"] is None
    assert f"{ref}/bilag/foto.pdf" not in files  # the submitter's file is gone
    assert files[f"{ref}/bilag/plan.pdf"] == PLAN  # staff's reply stays
    text = pdf_text(files[f"{ref}/sag.pdf"])
    assert "Bo Borger" not in text and "bo@example.dk" not in text
    assert "Personoplysninger slettet" in text  # the step on the timeline
    raw = b"".join(files.values())
    assert b"Bo Borger" not in raw and b"bo@example.dk" not in raw


def test_a_consultation_package_holds_every_areas_answer(consultation):
    files = unzip(package_zip([case_for("consultation", consultation.pk)]))
    ref = consultation.reference
    assert files[f"{ref}/bilag/forslag.pdf"] == FORSLAG
    assert files[f"{ref}/bilag/svar.pdf"] == SVAR
    assert_pdf_a(files[f"{ref}/sag.pdf"])
    text = pdf_text(files[f"{ref}/sag.pdf"])
    for expected in ["Ny skolestruktur", "Hvad mener området om forslaget?", "Glud",
                     "Lokalrådet støtter forslaget.", "Hornsyld", "Afventer",
                     "Høring sendt", "Høringssvar registreret"]:
        assert expected in text, expected
    metadata = json.loads(files[f"{ref}/metadata.json"])
    assert [area["name"] for area in metadata["areas"]] == ["Glud", "Hornsyld"]
    assert [(a["area"], a["status"]) for a in metadata["answers"]] == [
        ("Glud", "responded"), ("Hornsyld", "waiting")]
    assert metadata["parties"]["handled_by"]["name"] == consultation.requested_by.name


def test_several_cases_get_a_folder_each_and_files_of_the_same_name_are_kept_apart(
        inquiry, consultation):
    cases = [case_for("inquiry", inquiry.pk), case_for("consultation", consultation.pk)]
    with package_file(cases) as handle, zipfile.ZipFile(handle) as archive:
        folders = {name.split("/")[0] for name in archive.namelist()}
    assert folders == {inquiry.reference, consultation.reference}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        written = write_package(archive, cases[0])
        written_again = write_package(archive, cases[1])
    assert len(set(written + written_again)) == len(written) + len(written_again)


def test_a_file_missing_from_storage_is_listed_as_missing_not_invented(inquiry):
    attachment = inquiry.attachments.get(name="foto.pdf")
    attachment.file.storage.delete(attachment.file.name)
    files = unzip(package_zip([case_for("inquiry", inquiry.pk)]))
    metadata = json.loads(files[f"{inquiry.reference}/metadata.json"])
    [entry] = [entry for entry in metadata["files"] if entry["name"] == "foto.pdf"]
    assert entry["missing"] is True and entry["sha256"] is None
    assert f"{inquiry.reference}/bilag/foto.pdf" not in files
    assert isinstance(PdfReader(io.BytesIO(files[f"{inquiry.reference}/sag.pdf"])), PdfReader)
