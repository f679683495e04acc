# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The demo's notes: written by the demo logins about Korning and Hornborg, and one for the whole
scheme, in each visibility."""

from django.contrib.auth import get_user_model

from lokalkontakt.core.models import FocusArea
from lokalkontakt.knowledge.models import Note
from lokalkontakt.knowledge.services import note_create, note_update

# A few notes to search for: (author, area, kind, visibility, title, text, focus areas' slugs).
DEMO_NOTES = [
    ("kollega", "Korning", "associations", "council", "Energirenovering af forsamlingshuset",
     "Forsamlingshuset kan lejes af foreninger til møder og fester. Bestyrelsen ønsker en "
     "dialog om energirenovering og har spurgt om kommunale puljer.",
     ["klima-baeredygtighed", "lokalsamfund-aktive-faellesskaber"]),
    ("lokalkontakt", "Hornborg", "local_conditions", "staff", "Trafik på skolevejen",
     "Flere borgerhenvendelser om fart og tung trafik på skolevejen. Lokalrådet ønsker en "
     "cykelsti mellem Hornborg og Korning og er i kontakt med vejafdelingen.",
     ["en-god-barndom-varer-hele-livet"]),
    ("kollega", None, "experience", "staff", "Erfaringer fra borgermøder i lokalområderne",
     "Borgermøder fungerer bedst, når lokalrådet inviterer, og kommunen deltager med en kort "
     "orientering. Husk at sende dagsorden ud en uge før.",
     ["sagsbehandling-taet-paa-borgerne", "lokalsamfund-aktive-faellesskaber"]),
    ("lokalkontakt", "Korning", "events", "public", "Sommerfest i sportshallen",
     "Lokalområdet holder sommerfest i sportshallen den sidste lørdag i juni. Alle er velkomne.",
     ["kultur", "faellesskab-forpligter"]),
]


def load_demo_notes(*, areas: dict, bilag, with_users: bool) -> None:
    """Knowledge's part of the Hedensted demo (core.registry.demo_area_loaders): a few notes by
    the demo logins, to search for."""
    if not with_users:
        return
    users = {user.username: user for user in get_user_model().objects.filter(
        username__in={author for author, *_rest in DEMO_NOTES})}
    focus = {f.slug: f for f in FocusArea.objects.all()}
    for author, area, kind, visibility, title, text, slugs in DEMO_NOTES:
        note_create(actor=users[author], title=title, text=text, kind=kind, visibility=visibility,
                    area=areas.get(area), focus_areas=[focus[slug] for slug in slugs if slug in focus])


# Notes the other apps' demo data wrote (the minutes' experiences): a word in the title and the
# focus areas a coordinator would give them.
DEMO_TAGS = [("borgermøde", ["sagsbehandling-taet-paa-borgerne",
                             "lokalsamfund-aktive-faellesskaber"])]


def tag_demo_notes(*, with_users: bool, stdout=None) -> None:
    """After the other demo loaders (core.registry.demo_loaders): the coordinator tags the
    untagged notes they wrote, so that the focus-area report and the suggestions have them."""
    coordinator = get_user_model().objects.filter(username="koordinator").first()
    if not with_users or coordinator is None:
        return
    focus = {f.slug: f for f in FocusArea.objects.all()}
    for note in Note.objects.filter(focus_areas__isnull=True):
        slugs = next((s for word, s in DEMO_TAGS if word in note.title.lower()), None)
        if slugs:
            note_update(note=note, actor=coordinator, version=note.version, title=note.title,
                        text=note.text, kind=note.kind, visibility=note.visibility,
                        area=note.area,
                        focus_areas=[focus[slug] for slug in slugs if slug in focus])
