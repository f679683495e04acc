# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Hand-counted data for the focus-area reports: 2025 against 2024, for "Smidige processer".

Tagged with it: inquiries in Bjerre (2025 and 2024) and Aale (2025, by a citizen whose name and
contact details must never show); a consultation of 2025 answered by Bjerre and Øster Snede
(Aale still waiting); notes of each visibility (staff in Bjerre, council in Aale, public without
an area); a project in Bjerre and Øster Snede. Not tagged with it: an untagged inquiry, note and
consultation (with one answer), and an inquiry tagged "Kultur".
"""

import datetime
from types import SimpleNamespace

from django.utils import timezone

from lokalkontakt.consultations.models import Consultation, ConsultationTask
from lokalkontakt.core.models import FocusArea
from lokalkontakt.knowledge.models import Note
from lokalkontakt.projects.models import Project
from tests.areas.factories import LocalAreaFactory
from tests.consultations.factories import ConsultationFactory, ConsultationTaskFactory
from tests.inquiries.factories import InquiryFactory
from tests.people.factories import EmployeeFactory

SECRET_NAME = "Zacharias Hemmeligsen"
SECRET_EMAIL = "zacharias@hemmelig-borger.dk"
SECRET_PHONE = "+45 98 76 54 32"
D = datetime.date


def moment(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 12))


def inquiry(area, received_on, *focus, **fields):
    made = InquiryFactory(area=area, received_on=received_on, **fields)
    made.focus_areas.set(focus)
    return made


def note(area, title, visibility, created, *focus, author):
    made = Note.objects.create(area=area, title=title, text="Tekst", kind=Note.Kind.PLANS,
                               visibility=visibility, author=author)
    made.focus_areas.set(focus)
    Note.objects.filter(pk=made.pk).update(created_at=created)
    return made


def answer(consultation, area, status, day, response=""):
    return ConsultationTaskFactory(consultation=consultation, area=area, status=status,
                                   response=response, responded_at=day and moment(*day))


def consultation(title, created, *focus):
    made = ConsultationFactory(title=title)
    made.focus_areas.set(focus)
    Consultation.objects.filter(pk=made.pk).update(created_at=created)
    return made


def build_world():
    focus = FocusArea.objects.get(slug="smidige-processer")
    culture = FocusArea.objects.get(slug="kultur")
    bjerre, snede, aale = (LocalAreaFactory(name=name) for name in ["Bjerre", "Øster Snede", "Aale"])
    author = EmployeeFactory()
    w = SimpleNamespace(focus=focus, culture=culture, bjerre=bjerre, snede=snede, aale=aale)
    w.slow_case = inquiry(bjerre, D(2025, 3, 10), focus, subject="Langsom byggesag",
                          outcome="Sagen er afgjort", status="closed")
    w.secret = inquiry(aale, D(2025, 11, 5), focus, subject="Fortov ved skolen",
                       submitter_name=SECRET_NAME, submitter_email=SECRET_EMAIL,
                       submitter_phone=SECRET_PHONE)
    inquiry(bjerre, D(2024, 6, 1), focus, subject="Sidste års sag")
    inquiry(bjerre, D(2025, 4, 1), subject="Uden mærke")
    inquiry(snede, D(2025, 4, 2), culture, subject="Kulturhus")
    w.consultation = consultation("Ny affaldsordning", moment(2025, 2, 1), focus)
    w.answer = answer(w.consultation, bjerre, ConsultationTask.Status.RESPONDED, (2025, 2, 10),
                      "Vi støtter forslaget om hurtigere svar.")
    answer(w.consultation, snede, ConsultationTask.Status.NO_COMMENTS, (2025, 2, 12))
    answer(w.consultation, aale, ConsultationTask.Status.WAITING, None)
    untagged = consultation("Uden mærke", moment(2025, 3, 1))
    answer(untagged, bjerre, ConsultationTask.Status.RESPONDED, (2025, 3, 5), "Fint")
    V = Note.Visibility
    w.staff_note = note(bjerre, "Intern viden om sagsgange", V.STAFF, moment(2025, 5, 1), focus,
                        author=author)
    note(aale, "Lokalrådets ønsker", V.COUNCIL, moment(2025, 5, 2), focus, author=author)
    note(None, "Offentlig vejledning", V.PUBLIC, moment(2025, 5, 3), focus, author=author)
    note(bjerre, "Umærket note", V.STAFF, moment(2025, 5, 4), author=author)
    w.project = Project.objects.create(title="Hurtigere byggesager")
    w.project.areas.set([bjerre, snede])
    w.project.focus_areas.set([focus])
    Project.objects.filter(pk=w.project.pk).update(created_at=moment(2025, 5, 1))
    return w
