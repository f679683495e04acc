# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""sag.pdf: the whole case as a PDF/A-3b for the case system's archive (the reports' variant:
fonts embedded, an sRGB output intent, XMP metadata), every step on the timeline (internal and
public), the answers and the list of files."""

from django.conf import settings
from django.template.loader import render_to_string

from lokalkontakt.journal.content import Content, person

# As reports.exports (a sibling this app may not import): the archival PDF the ESDH systems accept.
PDF_VARIANT = "pdf/a-3b"


def case_pdf(content: Content, *, generated_at) -> bytes:
    """The PDF of a case's content, in the active language."""
    from lokalkontakt.core.pdf import html_to_pdf, static_url  # WeasyPrint is slow to import

    events = [{"event": event, "by": person(event.actor)} for event in content.events]
    tasks = [{"task": task, "by": person(task.responded_by)} for task in content.tasks]
    html = render_to_string("journal/case_pdf.html", {
        "content": content, "case": content.case, "obj": content.case.obj, "events": events,
        "tasks": tasks, "generated_at": generated_at,
        "stylesheet": static_url("css/briefing-pdf.css"),
        "municipality_name": settings.MUNICIPALITY_NAME})
    return html_to_pdf(html, variant=PDF_VARIANT)
