# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A demo handover: Bilag 1 says Glud, Snaptun and Hjarnø (Susanne Ernst) "bør videregives til ny
Lokalkontakt". Glud is planned to go to the demo contact in three weeks, with a handover note
(written by the demo coordinator: Susanne Ernst has no login), waiting for the demo contact to
confirm from "Mine områder". Snaptun and Hjarnø stay "handover due" for the coordinator to plan."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.handovers.models import Handover
from lokalkontakt.handovers.services import handover_note_save, handover_start
from lokalkontakt.people.models import Employee

DEMO_NOTE = (
    "Lokalrådet mødes første tirsdag i måneden i forsamlingshuset; formanden er den faste "
    "indgang.\n"
    "Åbne sager: ønsket om en stiforbindelse til stranden (Vej og Park kender sagen) og "
    "ansøgningen til Landdistriktspuljen om nyt tag på forsamlingshuset.\n"
    "Lokalrådet sætter pris på en kort tilbagemelding, også når svaret er nej.")


def load_demo_handovers() -> Handover | None:
    """Plan the handover of Glud to the demo contact (once; nothing when it is not there)."""
    area = LocalArea.objects.filter(name="Glud").first()
    contact = Employee.objects.filter(user__username="lokalkontakt").first()
    coordinator = get_user_model().objects.filter(username="koordinator").first()
    if area is None or contact is None or coordinator is None:
        return None
    if Handover.objects.filter(area=area).exists():
        return None
    handover = handover_start(area=area, to_employee=contact, actor=coordinator,
                              switch_on=timezone.localdate() + datetime.timedelta(weeks=3))
    return handover_note_save(handover=handover, note=DEMO_NOTE, actor=coordinator)


def load_demo(*, with_users: bool, stdout=None) -> None:
    """The handovers' part of `load_demo` (core.registry.demo_loaders), with the demo logins only."""
    if with_users:
        load_demo_handovers()
