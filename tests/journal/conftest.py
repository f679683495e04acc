# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Cases to journalise, made through the apps' own services: an inquiry with the submitter's file,
a reply with a file and an internal comment; a consultation with two areas, one answered."""

import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from lokalkontakt.consultations.services import consultation_create, task_respond
from lokalkontakt.inquiries.models import Inquiry
from lokalkontakt.inquiries.services.handling import inquiry_comment
from lokalkontakt.inquiries.services.replies import inquiry_reply
from lokalkontakt.inquiries.services.submit import inquiry_submit
from tests.areas.factories import AssignmentFactory, LocalAreaFactory

# A real PDF's bytes are not needed: the package copies what was stored, byte for byte.
FOTO = b"%PDF-1.7\n% foto af vejen\n" + bytes(range(256)) * 40
PLAN = b"%PDF-1.7\n% plan for vejbump\n" + bytes(range(255, -1, -1)) * 30
FORSLAG = b"%PDF-1.7\n% forslag til skolestruktur\n"
SVAR = b"%PDF-1.7\n% lokalraadets svar\n"


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, "application/pdf")


def unzip(data) -> dict[str, bytes]:
    """Every file of a ZIP (bytes or a response's streamed content) by its path."""
    if not isinstance(data, bytes):
        data = b"".join(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def glud(contact_user):
    area = LocalAreaFactory(name="Glud")
    AssignmentFactory(area=area, employee=contact_user.employee)
    return area


@pytest.fixture
def inquiry(media, glud, contact_user) -> Inquiry:
    inquiry, _token = inquiry_submit(
        area=glud, submitter_kind=Inquiry.SubmitterKind.CITIZEN, subject="Vejbump på Skolevej",
        text="Bilerne kører for stærkt forbi skolen.", submitter_name="Bo Borger",
        submitter_email="bo@example.dk", submitter_phone="+45 20 00 00 00", client="192.0.2.1",
        files=[upload("foto.pdf", FOTO)])
    inquiry_comment(inquiry=inquiry, text="Vejafdelingen spørges internt.", actor=contact_user)
    inquiry_reply(inquiry=inquiry, text="Vi sætter vejbump op til foråret.", actor=contact_user,
                  files=[upload("plan.pdf", PLAN)])
    inquiry.refresh_from_db()
    return inquiry


@pytest.fixture
def consultation(media, coordinator, contact_user, glud):
    other = LocalAreaFactory(name="Hornsyld")
    consultation = consultation_create(
        title="Ny skolestruktur", description="Hvad mener området om forslaget?",
        areas=[glud, other], deadline=timezone.localdate() + datetime.timedelta(days=14),
        actor=coordinator, attachments=[upload("forslag.pdf", FORSLAG)])
    task = consultation.tasks.get(area=glud)
    task_respond(task=task, actor=contact_user, response="Lokalrådet støtter forslaget.",
                 heard="Lokalrådet i Glud", attachments=[upload("svar.pdf", SVAR)])
    return consultation


KLE_CSV = "KLE-nr;Titel\n05;Veje og trafik\n05.04;Trafikregulering\n05.04.08;Trafiksikkerhed\n"


@pytest.fixture
def kle_list(db):
    from lokalkontakt.journal.kle import kle_load

    return kle_load(data=KLE_CSV.encode(), file_name="kle.csv")
