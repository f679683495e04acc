# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The pages bench.run times: name, path, who asks, requests, warm-up requests."""

from urllib.parse import quote

# The floors every case times first. /healthz: one request through the middleware stack and a
# database read, no template. The layout floors (issue 20): the privacy notice (/privatliv/),
# the cheapest page that renders the whole base template — header, main menu, language form,
# footer — around a block of static text from the settings, no query of its own. The layout
# differs by who asks (the signed-in coordinator gets the staff menu, their name and the staff
# guide's link; the public the login button), so it is timed twice: a coordinator's page is read
# against "layout (coord.)", every other page (anonymous, API key) against "layout (public)".
HEALTHZ = "healthz"
LAYOUT_PUBLIC = "layout (public)"
LAYOUT_STAFF = "layout (coord.)"
FLOORS = [
    (HEALTHZ, "/healthz", False, 200, 20),
    (LAYOUT_PUBLIC, "/privatliv/", False, 200, 10),
    (LAYOUT_STAFF, "/privatliv/", True, 200, 10),
]
FLOOR_NAMES = [floor[0] for floor in FLOORS]

# Issue 18: the reports (this year against last) and their exports, timed with both data sets.
REPORT_PAGES = [
    ("scheme's report", "/rapporter/", True, 50, 3),
    ("scheme's report, PDF", "/rapporter/?format=pdf", True, 5, 1),
    ("scheme's report, XLSX", "/rapporter/?format=xlsx", True, 10, 2),
    ("public summary", "/rapporter/offentlig/", False, 50, 3),
    ("focus areas", "/rapporter/fokusomraader/", True, 50, 3),
    ("focus area report", "/rapporter/fokusomraader/smidige-processer/", True, 50, 3),
    ("focus area, PDF", "/rapporter/fokusomraader/smidige-processer/?format=pdf", True, 5, 1),
]
# name, path (may hold {slug}), signed in as coordinator?, requests, warm-up requests
PAGES = [
    *FLOORS,
    ("directory", "/omraader/", False, 200, 10),
    ("directory search", "/omraader/?q=" + quote("øster"), False, 100, 5),
    ("directory uncovered", "/omraader/?coverage=uncovered", False, 100, 5),
    ("area page", "/omraader/{slug}/", False, 200, 10),
    ("area page (coord.)", "/omraader/{slug}/", True, 100, 5),
    ("coverage overview", "/koordinering/", True, 100, 5),
    # Issue 20: the overview's lists are cut to ten rows; the rest is paged, the map has its own page.
    ("coverage overview, contacts", "/koordinering/oversigt/lokalkontakter/?side=2", True, 100, 5),
    ("coverage map", "/koordinering/kort/", True, 100, 5),
    # Issue 17: the coordinator's start page (every block: a count and the first five rows).
    ("coordinator's overview", "/overblik/", True, 100, 5),
    # Issue 6: 12 meetings, every employee invited; 5 items a meeting at 30 areas, 500 at 3,000,
    # with two action items per held item (bench/generate_meetings.py). {meeting} is the next one.
    ("meetings", "/moeder/", True, 100, 5),
    ("meeting page", "/moeder/{meeting}/", True, 100, 5),
    ("agenda (arrange)", "/moeder/{meeting}/dagsorden/", True, 50, 3),
    ("action items, all", "/moeder/opfoelgning/?scope=all", True, 100, 5),
    # Issue 7: every contact registers twice a week for 26 weeks (bench/generate_time.py).
    ("time overview", "/tid/overblik/", True, 100, 5),
    # Issue 20: the overview pages its contacts; the time per local area is a page of its own.
    ("time per local area", "/tid/overblik/omraader/", True, 100, 5),
    ("time overview, XLSX", "/tid/overblik/eksport/", True, 20, 2),
    # Issue 7, the rest (bench/generate_scheme.py): the rollout, the handovers, the candidates,
    # the suggestions for an area without a contact and the briefing pack of a covered area.
    ("rollout", "/udrulning/", True, 100, 5),
    ("rollout, areas", "/udrulning/omraader/", True, 100, 5),
    ("handovers", "/overdragelser/", True, 100, 5),
    ("candidates", "/kandidater/", True, 100, 5),
    ("suggestions", "/kandidater/forslag/{uncovered}/", True, 100, 5),
    ("briefing pack", "/omraader/{slug}/introduktionspakke/", True, 50, 3),
    ("briefing pack, PDF", "/omraader/{slug}/introduktionspakke.pdf", True, 10, 2),
    # Issue 18: the coverage map coloured by the councils' answers (the directory above draws
    # it by coverage), then the reports.
    ("map by answer", "/omraader/?kort=svar", False, 100, 5),
    *REPORT_PAGES,
    # Issue 19: the public API (no key) a municipality's website reads: the directory's areas
    # as JSON (first page of 50, a search, one area) and the focus areas.
    ("API: areas", "/api/v1/areas/", False, 200, 10),
    ("API: areas, search", "/api/v1/areas/?q=" + quote("øster"), False, 100, 5),
    ("API: area", "/api/v1/areas/{slug}/", False, 200, 10),
    ("API: focus areas", "/api/v1/focus-areas/", False, 200, 10),
]
# Pages timed with an API key (the header is made in the child: API_HEADERS) instead of a session.
KEY = "key"
API_HEADERS: dict = {}
# The inquiry cases, all as the coordinator (who may see every inquiry). {area} is the list's
# area filter for the area with the most inquiries (see area_filter), {pk} the inquiry with 16
# events. The list sorts by answer deadline and shows 50 a page.
INQUIRY_PAGES = [
    *FLOORS,
    ("inquiry list", "/henvendelser/?scope=all", True, 100, 5),
    ("inquiries, any status", "/henvendelser/?scope=all&status=any", True, 100, 5),
    ("inquiries by area", "/henvendelser/?scope=all&status=any&{area}", True, 100, 5),
    ("inquiries by status", "/henvendelser/?scope=all&status=acknowledged", True, 100, 5),
    ("inquiry page", "/henvendelser/{pk}/", True, 100, 5),
    # Issue 19: the API's inquiry list with a key (inquiries:read), 50 a page by cursor: the
    # first page, and the page halfway down ({cursor}, as a `next` link makes it).
    ("API inquiries", "/api/v1/inquiries/", KEY, 100, 5),
    ("API inquiries, later", "/api/v1/inquiries/?cursor={cursor}", KEY, 100, 5),
    # Issue 17: the coordinator's start page and the inquiries waiting for them; the list's
    # XLSX export of every open inquiry (an export is not bounded: it is the full data).
    ("coordinator's overview", "/overblik/", True, 100, 5),
    ("inquiries waiting", "/henvendelser/venter/", True, 100, 5),
    ("inquiry list, XLSX", "/henvendelser/eksport/?scope=all", True, 5, 1),
    # Issue 18: the reports aggregate every inquiry of the period in SQL.
    *REPORT_PAGES,
    # Issue 15: about 5 access-log entries per inquiry over six months (bench/generate_access_log.py);
    # the newest page, who has seen one person's data (the inquiry page's submitter), and what
    # one user has looked at.
    ("access log", "/koordinering/adgangslog/", True, 50, 3),
    ("access log, a person", "/koordinering/adgangslog/?person={person}", True, 50, 3),
    ("access log, a user", "/koordinering/adgangslog/?user={user}", True, 50, 3),
    # Issue 19: what still needs journalising, oldest first (every inquiry is waiting here), 50
    # a page: each kind's first 51 by its index, merged, and no count (before: a COUNT and a
    # sorted UNION of both kinds: 109 ms, 22.8x healthz; now 29 ms, 6.5x; 2026-12-07).
    ("journalisation", "/journalisering/", True, 50, 3),
]
