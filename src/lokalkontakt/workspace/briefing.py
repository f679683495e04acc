# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The area briefing pack (introduktionspakke): what a new contact, or anyone on the staff, should
know about an area. Its sections come from the apps through `core.registry.briefing_sections`
(areas: facts, council, contacts; knowledge: notes; inquiries; consultations; projects; meetings:
agenda items and local meetings), in a fixed number of queries whatever the data (9, and the
reader's permission checks).

Each section applies the visibility rules of its app for the reader: the open inquiries the reader
may see (all for the coordinator and the area's contacts), the consultation tasks likewise, the
notes staff may read. No submitter's name or contact details: inquiries are listed by reference,
subject, kind of submitter, dates and handler.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.core.registry import BoundPanel, briefing_sections, panels_for


@dataclass
class BriefingPack:
    area: LocalArea
    sections: list[BoundPanel]
    generated_at: datetime.datetime = field(default_factory=timezone.now)

    def section(self, key: str) -> dict | None:
        """The context of the section an app registered as `key`; None if it shows nothing."""
        return next((s.context for s in self.sections if s.key == key), None)


def briefing_pack(*, area: LocalArea, user) -> BriefingPack:
    """Every section of the area's briefing pack, with what `user` may see."""
    return BriefingPack(area=area, sections=panels_for(briefing_sections, user, area=area))
