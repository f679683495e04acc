# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A small, hand-counted world for the scheme's report of 2024 (compared with 2023).

Areas: Glud (contact A until 1 June 2024, then B by a handover; interested since 2023), Hvirring
(never a contact; declined in March 2024), Stouby (contact C from September 2024, handover due).
Inquiries (deadlines counted as the service counts them, in working days):
- Påskeønske: Glud, received Tue 26 March 2024 (before Easter), Kultur; acknowledged 2 April and
  answered 12 April: both the last day in time (Easter's five closed days); 17 days.
- Sent svar: Glud, 6 May 2024, no focus area; acknowledged 10 May and answered 31 May: both late;
  25 days; closed 1 June.
- Glemt: Hvirring, 4 Nov 2024, Kultur and Smidige processer, by the council by phone;
  acknowledged the next day, never answered: open and overdue at the end of 2024.
- Brev uden område: no area, 3 June 2024 by letter, no focus area; answered the next day.
- Juleønske: Glud, Fri 22 Dec 2023 (before Christmas), no focus area; acknowledged 28 Dec and
  answered 10 Jan 2024: both the last day in time; 19 days.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings

from lokalkontakt.areas.models import Participation
from lokalkontakt.core.models import FocusArea
from lokalkontakt.core.workdays import add_working_days
from lokalkontakt.handovers.models import Handover
from lokalkontakt.inquiries.models import Inquiry
from lokalkontakt.meetings.schedule import local_datetime
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.inquiries.factories import InquiryFactory
from tests.people.factories import CoreAreaFactory, EmployeeFactory

D = datetime.date
CITIZEN_NAME = "Rasmussine Særpræg"
SUBJECT = "Påskeønske om bænke ved gadekæret"


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return local_datetime(day, datetime.time(hour))


def inquiry(*, received_on, acknowledged=None, answered=None, closed=None, tags=(), **fields):
    """An inquiry with the deadlines the service gives it (working days from received_on)."""
    found = InquiryFactory(
        received_on=received_on,
        acknowledge_due=add_working_days(received_on, settings.INQUIRY_ACKNOWLEDGE_DAYS),
        answer_due=add_working_days(received_on, settings.INQUIRY_ANSWER_DAYS),
        acknowledged_at=acknowledged and at(acknowledged), answered_at=answered and at(answered, 15),
        closed_at=closed and at(closed, 16),
        status=Inquiry.Status.CLOSED if closed else Inquiry.Status.ACKNOWLEDGED, **fields)
    found.focus_areas.set(FocusArea.objects.filter(name__in=tags))
    return found


@dataclass
class World:
    glud: object
    hvirring: object
    stouby: object
    core_area: object
    new_contact: object


def build_areas() -> World:
    glud = LocalAreaFactory(name="Glud", participation=Participation.INTERESTED,
                            participation_date=D(2023, 5, 1))
    hvirring = LocalAreaFactory(name="Hvirring", participation=Participation.DECLINED,
                                participation_date=D(2024, 3, 1))
    stouby = LocalAreaFactory(name="Stouby")
    core_area = CoreAreaFactory(name="Kultur og Fritid")
    old = AssignmentFactory(area=glud, starts_on=D(2023, 1, 2), ends_on=D(2024, 6, 1),
                            employee=EmployeeFactory(core_area=core_area))
    new_contact = EmployeeFactory(core_area=core_area)
    AssignmentFactory(area=glud, starts_on=D(2024, 6, 1), employee=new_contact)
    AssignmentFactory(area=stouby, starts_on=D(2024, 9, 1), handover_due=True,
                      employee=EmployeeFactory(core_area=core_area))
    Handover.objects.create(area=glud, from_assignment=old, from_employee=old.employee,
                            to_employee=new_contact, switch_on=D(2024, 6, 1),
                            status=Handover.Status.DONE)
    return World(glud, hvirring, stouby, core_area, new_contact)


def build_inquiries(world: World) -> None:
    inquiry(area=world.glud, subject=SUBJECT, submitter_name=CITIZEN_NAME,
            received_on=D(2024, 3, 26), acknowledged=D(2024, 4, 2), answered=D(2024, 4, 12),
            closed=D(2024, 4, 12), tags=["Kultur"])
    inquiry(area=world.glud, subject="Sent svar", submitter_kind="association", channel="email",
            received_on=D(2024, 5, 6), acknowledged=D(2024, 5, 10), answered=D(2024, 5, 31),
            closed=D(2024, 6, 1))
    inquiry(area=world.hvirring, subject="Glemt", submitter_kind="council", channel="phone",
            received_on=D(2024, 11, 4), acknowledged=D(2024, 11, 5),
            tags=["Kultur", "Smidige processer"])
    inquiry(area=None, subject="Brev uden område", channel="letter", received_on=D(2024, 6, 3),
            acknowledged=D(2024, 6, 4), answered=D(2024, 6, 4), closed=D(2024, 6, 4))
    inquiry(area=world.glud, subject="Juleønske", received_on=D(2023, 12, 22),
            acknowledged=D(2023, 12, 28), answered=D(2024, 1, 10), closed=D(2024, 1, 10))


def build_world() -> World:
    world = build_areas()
    build_inquiries(world)
    return world
