# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The municipality's own values: deadlines and limits of the scheme, attachments, maps, the
privacy notice."""

import os

from .base import env_list

# Inquiries: deadlines in Danish working days, spam limit per client and hour.
INQUIRY_ACKNOWLEDGE_DAYS = int(os.environ.get("INQUIRY_ACKNOWLEDGE_DAYS", "2"))
INQUIRY_ANSWER_DAYS = int(os.environ.get("INQUIRY_ANSWER_DAYS", "10"))
INQUIRY_RATE_LIMIT = int(os.environ.get("INQUIRY_RATE_LIMIT", "5"))
INQUIRY_FOLLOW_UP_LIMIT = int(os.environ.get("INQUIRY_FOLLOW_UP_LIMIT", "10"))
# Attachments on inquiries and consultations: at most this many files of this size and these types.
ATTACHMENT_MAX_BYTES = int(os.environ.get("ATTACHMENT_MAX_MB", "10")) * 1024 * 1024
ATTACHMENT_MAX_FILES = int(os.environ.get("ATTACHMENT_MAX_FILES", "5"))
# Office files are zip archives: refused when they unpack to more than this, or by more than this
# factor (a zip bomb posing as .docx).
ATTACHMENT_MAX_UNPACKED_BYTES = int(os.environ.get("ATTACHMENT_MAX_UNPACKED_MB", "100")) * 1024 * 1024
ATTACHMENT_MAX_PACK_RATIO = int(os.environ.get("ATTACHMENT_MAX_PACK_RATIO", "200"))
ATTACHMENT_EXTENSIONS = env_list("ATTACHMENT_EXTENSIONS", "pdf,png,jpg,jpeg,docx,xlsx,odt,ods,txt")
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Django's default (100) lets that many temporary files reach the disk before the count is checked.
DATA_UPLOAD_MAX_NUMBER_FILES = 20
# Council members sign in by a one-time link that is valid this many minutes.
COUNCIL_LOGIN_LINK_MINUTES = int(os.environ.get("COUNCIL_LOGIN_LINK_MINUTES", "30"))
# An invitation's link waits in the inbox longer: it is valid this many days.
COUNCIL_INVITATION_DAYS = int(os.environ.get("COUNCIL_INVITATION_DAYS", "7"))
# The address the application is reached at, for links in e-mails.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

# Coordination meetings: contacts propose agenda items until this many days before a meeting; a
# series plans this many months ahead; action items' owners are reminded this many days before
# the due date.
MEETING_PROPOSAL_DAYS = int(os.environ.get("MEETING_PROPOSAL_DAYS", "7"))
MEETING_SERIES_MONTHS = int(os.environ.get("MEETING_SERIES_MONTHS", "12"))
ACTION_ITEM_REMINDER_DAYS = int(os.environ.get("ACTION_ITEM_REMINDER_DAYS", "3"))
# The time the role is expected to take a contact, in minutes per working week (the seed: about
# 1-1½ hours); a week with holidays expects its share of it.
TIME_BAND_MINUTES = (int(os.environ.get("TIME_BAND_LOW_MINUTES", "60")),
                     int(os.environ.get("TIME_BAND_HIGH_MINUTES", "90")))
# Suggestions for an area without a contact: a contact covering an area within this distance
# (km, between the areas' coordinates) is a neighbour who might take it too.
SUGGESTION_NEIGHBOUR_KM = float(os.environ.get("SUGGESTION_NEIGHBOUR_KM", "8"))

# Days the municipality is closed besides weekends and public holidays, as MM-DD.
WORKDAY_CLOSED_DAYS = env_list("WORKDAY_CLOSED_DAYS", "06-05,12-24,12-31")

# Map tiles are optional (docs/operations.md): with no URL the coverage map is the server-drawn
# SVG (areas.maps) and the area page shows its point on a plain background; with a URL template
# ({z}/{x}/{y}, optionally {s}) Leaflet draws them over the tiles and the tile host is allowed in
# the CSP's img-src only (settings.security.tile_source). The attribution the provider requires.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "")
MAP_TILE_ATTRIBUTION = os.environ.get("MAP_TILE_ATTRIBUTION", "")
MUNICIPALITY_NAME = os.environ.get("MUNICIPALITY_NAME", "Hedensted Kommune")
# The privacy notice (/privatliv/, GDPR art. 13): the controller's and the data-protection
# officer's contact details; a line without a value is left out.
PRIVACY_CONTROLLER_ADDRESS = os.environ.get("PRIVACY_CONTROLLER_ADDRESS", "")
PRIVACY_CONTROLLER_EMAIL = os.environ.get("PRIVACY_CONTROLLER_EMAIL", "")
PRIVACY_CONTROLLER_PHONE = os.environ.get("PRIVACY_CONTROLLER_PHONE", "")
PRIVACY_DPO_NAME = os.environ.get("PRIVACY_DPO_NAME", "")
PRIVACY_DPO_EMAIL = os.environ.get("PRIVACY_DPO_EMAIL", "")
PRIVACY_DPO_PHONE = os.environ.get("PRIVACY_DPO_PHONE", "")
# Who processes data on the municipality's behalf (hosting, e-mail), as the notice names them.
PRIVACY_PROCESSORS = os.environ.get("PRIVACY_PROCESSORS", "")
ACCESSIBILITY_STATEMENT_URL = os.environ.get(
    "ACCESSIBILITY_STATEMENT_URL", "https://www.was.digst.dk/hedensted-dk"
)

# The national address service (Datafordeleren's DAR REST method "husnummer", docs/operations.md)
# finds an address's coordinates, and so its area by the imported outlines. Optional: with no URL
# the area is found from the postcode and town alone. The key is the municipality's API key for
# Datafordeleren; a call waits at most ADDRESS_SERVICE_TIMEOUT seconds.
ADDRESS_SERVICE_URL = os.environ.get("ADDRESS_SERVICE_URL", "")
ADDRESS_SERVICE_KEY = os.environ.get("ADDRESS_SERVICE_KEY", "")
ADDRESS_SERVICE_TIMEOUT = float(os.environ.get("ADDRESS_SERVICE_TIMEOUT", "2"))
