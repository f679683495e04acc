# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The demo's notes: written by the demo logins about Korning and Hornborg, and one for the whole
scheme, in each visibility."""

from django.contrib.auth import get_user_model

from lokalkontakt.knowledge.services import note_create

# A few notes to search for: (author, area, kind, visibility, title, text).
DEMO_NOTES = [
    ("kollega", "Korning", "associations", "council", "Energirenovering af forsamlingshuset",
     "Forsamlingshuset kan lejes af foreninger til møder og fester. Bestyrelsen ønsker en "
     "dialog om energirenovering og har spurgt om kommunale puljer."),
    ("lokalkontakt", "Hornborg", "local_conditions", "staff", "Trafik på skolevejen",
     "Flere borgerhenvendelser om fart og tung trafik på skolevejen. Lokalrådet ønsker en "
     "cykelsti mellem Hornborg og Korning og er i kontakt med vejafdelingen."),
    ("kollega", None, "experience", "staff", "Erfaringer fra borgermøder i lokalområderne",
     "Borgermøder fungerer bedst, når lokalrådet inviterer, og kommunen deltager med en kort "
     "orientering. Husk at sende dagsorden ud en uge før."),
    ("lokalkontakt", "Korning", "events", "public", "Sommerfest i sportshallen",
     "Lokalområdet holder sommerfest i sportshallen den sidste lørdag i juni. Alle er velkomne."),
]


def load_demo_notes(*, areas: dict, bilag, with_users: bool) -> None:
    """Knowledge's part of the Hedensted demo (core.registry.demo_area_loaders): a few notes by
    the demo logins, to search for."""
    if not with_users:
        return
    users = {user.username: user for user in get_user_model().objects.filter(
        username__in={author for author, *_rest in DEMO_NOTES})}
    for author, area, kind, visibility, title, text in DEMO_NOTES:
        note_create(actor=users[author], title=title, text=text, kind=kind, visibility=visibility,
                    area=areas.get(area))
