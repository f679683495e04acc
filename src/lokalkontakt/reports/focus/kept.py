# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A focus area's report (the page) kept in the cache until what it counts or lists changes,
with its sections drawn as HTML, as the scheme's report is (reports.scheme.kept): one query tells
whether a kept report is current, instead of its ~16 grouped queries and drawing its tables.

The key holds what the report is drawn from besides the data: the focus area, the period, today's
date, the language and time zone, and what decides what the reader sees (the notes counted, the
inquiries and answers listed, the sentence that only some are listed):

- a reader who coordinates and may read internal notes sees everything: all such readers share
  one kept report;
- anyone else (a leader of a core area) has their own, keyed by their id and the two permissions
  (the groups they are in are read anew on each request). What else decides their view is in
  the data's version: their employee record and assignments (areas they cover), the inquiries
  forwarded to them or their core area, the consultations they asked for or answer, and their
  council membership.

The version is the scheme's report's (scheme_version) and the writes of what the focus report
reads besides: notes (title, kind, area, visibility), councils (their area) and their members,
the focus areas of notes, consultations and projects, the projects' areas, and the inquiries'
participants and core areas."""

from lokalkontakt.areas.models import Council
from lokalkontakt.consultations.models import Consultation
from lokalkontakt.councils.models import CouncilMember
from lokalkontakt.inquiries.models import Inquiry
from lokalkontakt.knowledge.models import Note
from lokalkontakt.projects.models import Project
from lokalkontakt.reports.focus.report import focus_report
from lokalkontakt.reports.period import Period
from lokalkontakt.reports.scheme.kept import kept_report, scheme_version
from lokalkontakt.reports.structure import Report

THROUGH = (Note.focus_areas.through, Consultation.focus_areas.through,
           Project.focus_areas.through, Project.areas.through, Inquiry.participants.through,
           Inquiry.core_areas.through)


def focus_version() -> str:
    """Changes whenever a figure or an item of a focus area's report may change (one query)."""
    return scheme_version(CouncilMember, Note, Council, *THROUGH)


def reader_key(reader) -> tuple:
    """What decides what `reader` sees of the report, besides the data (see the module)."""
    coordinates, internal = reader.has_perm("core.coordinate"), reader.has_perm("core.view_internal")
    if coordinates and internal:
        return ("all",)
    return ("reader", reader.pk, coordinates, internal)


def kept_focus_report(period: Period, focus, *, reader) -> tuple[Report, str]:
    """focus_report(period, focus, reader=reader) and its sections as HTML, from the cache while
    its data are unchanged."""
    return kept_report("reports:focus:", (focus_version(), focus.pk, period, reader_key(reader)),
                       lambda: focus_report(period, focus, reader=reader))
