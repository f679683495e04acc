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

The version is the scheme's report's (scheme_version) and what the focus report reads besides:
every note's and council's saves and deletes (their histories' highest ids: a note's title, kind,
area and visibility; a council's area), the focus areas of notes, consultations and projects, the
projects' areas, the inquiries' participants and core areas (through tables whose rows are only
added and deleted, with ids never reused), and the councils' members. (The councils' own
updated_at, read with the through tables' counts, makes SQLite's query twice as slow at 3,000
areas; their history's highest id costs nothing.)"""



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
    return scheme_version(models=(CouncilMember,), added=THROUGH, histories=(Note, Council))


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
