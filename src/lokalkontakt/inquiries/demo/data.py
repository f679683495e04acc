# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The demo's inquiries: invented local matters in Hedensted's areas, written by obviously
fictitious people (surnames Eksempel, Prøvesen, Demosen, Fiktiv, Testrup) with example.dk
addresses. Each row: days before today it was received, area, channel, who wrote, name, e-mail,
subject, text, focus areas (slugs), how far it came (state) and the handler's reply and outcome.

States: "closed" (answered within the deadline, then closed), "late" (answered after the
deadline, then closed), "answered", "answered_late", "acknowledged", "received". An inquiry
received long ago that is still "acknowledged" or "received" is overdue."""

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoInquiry:
    days_ago: int
    area: str | None
    channel: str
    kind: str
    name: str
    email: str
    subject: str
    text: str
    focus: tuple[str, ...] = ()
    state: str = "closed"
    reply: str = ""
    outcome: str = ""
    shared: bool = False


BY = "byudvikling-og-udstykninger"
SMIDIG = "smidige-processer"
KULTUR = "kultur"
LOKAL = "lokalsamfund-aktive-faellesskaber"
ERHVERV = "erhverv-turisme"
KLIMA = "klima-baeredygtighed"
SAGSB = "sagsbehandling-taet-paa-borgerne"
JOB = "formidling-af-arbejdskraft-opkvalificering-og-uddannelse-job-til-alle"
UNGE = "unge-paa-vej"
FAELLES = "faellesskab-forpligter"
BARN = "en-god-barndom-varer-hele-livet"
OEKONOMI = "oekonomi-i-balance"
VAEKST = "baeredygtig-vaekst"

D = DemoInquiry
