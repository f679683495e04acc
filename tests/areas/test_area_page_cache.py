# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The public area page's own parts are kept in the cache (areas.views.area_page) until what
they show changes: a change made through any service shows on the next request, what is kept
for one language never reaches another, staff pages are never kept, and the notes between the
kept parts are read for each request."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from lokalkontakt.knowledge.models import Note
from lokalkontakt.knowledge.services import note_create
from lokalkontakt.projects.services import project_save
from tests.areas import test_directory_cache
from tests.areas.conftest import english_client
from tests.areas.factories import LocalAreaFactory
from tests.areas.pages import page_text
from tests.areas.test_directory_cache import CHANGES, main_of
from tests.councils.factories import CouncilMemberFactory
from tests.people.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


# The directory's cache tests' area, whose changes (CHANGES) are made here too.
glud = test_directory_cache.glud


def seen(area, client=None) -> str:
    """The area page's text as an English-speaking visitor reads it (by default anonymous)."""
    return page_text((client or english_client()).get(area.get_absolute_url()))


def _start_project(area, coordinator):
    project_save(actor=coordinator, title="Ny legeplads", status="active", areas=[area],
                 lead=EmployeeFactory(name="Pia Projektleder"))


def _move_project(area, coordinator):
    project = project_save(actor=coordinator, title="Ny legeplads", status="active",
                           areas=[LocalAreaFactory(name="Hornsyld")])
    project_save(actor=coordinator, project=project, title=project.title, status="active",
                 areas=[area])


# Each service that changes what the area page keeps, and a text the change brings.
AREA_CHANGES = {
    **{name: CHANGES[name] for name in ("new contact", "contact renamed", "core area renamed")},
    "area renamed": (CHANGES["area renamed"][0], "Glud Strand"),
    "council changed": (CHANGES["council changed"][0], "Glud og Omegns Lokalråd E-mail post@glud.dk"),
    "contact ended": (CHANGES["contact ended"][0], "The area has no local contact yet."),
    "handover marked": (CHANGES["handover marked"][0], "New local contact on the way"),
    "council's answer": (CHANGES["council's answer"][0], "contact: declined"),
    "project started": (_start_project, "Ny legeplads – led by Pia Projektleder"),
    "project moved here": (_move_project, "Ny legeplads"),
}


@pytest.mark.parametrize("change", AREA_CHANGES, ids=list(AREA_CHANGES))
def test_a_change_through_a_service_shows_at_once(change, glud, coordinator):
    make, text = AREA_CHANGES[change]
    before = seen(glud)
    assert seen(glud) == before and text not in before  # kept, and without the change

    make(glud, coordinator)
    glud.refresh_from_db()

    assert text in seen(glud)


def test_the_notes_a_visitor_may_read_are_read_for_each_request(glud, colleague):
    seen(glud)  # kept

    note_create(actor=colleague, title="Forsamlingshuset", text="Udlejes til alle.",
                kind=Note.Kind.ASSOCIATIONS, visibility=Note.Visibility.PUBLIC, area=glud)

    assert "Forsamlingshuset" in seen(glud)


def test_two_languages_are_kept_apart(glud):
    with translation.override("da"):
        danish = translation.gettext("Population")
    assert danish != "Population"

    for _ in range(2):
        english = seen(glud)
        in_danish = page_text(Client(HTTP_ACCEPT_LANGUAGE="da").get(glud.get_absolute_url()))

        assert "Population" in english and danish not in english
        assert danish in in_danish and "Population" not in in_danish


def test_staff_pages_are_not_kept_and_the_public_never_sees_what_staff_see(glud, coordinator):
    council = glud.council
    council.chair_name = "Carl Formand"
    council.save()
    staff = english_client(coordinator)

    for _ in range(2):
        for text, anonymous in [(seen(glud, staff), False), (seen(glud), True),
                                (seen(glud, staff), False)]:
            assert ("Carl Formand" in text) is not anonymous  # the council's chair: staff only
            assert ("Assign contact or deputy" in text) is not anonymous
            assert ("Who has covered the area" in text) is not anonymous


def test_a_council_member_gets_the_kept_parts_around_their_own_panels(glud, colleague):
    member = CouncilMemberFactory(council=glud.council)
    note_create(actor=colleague, title="Til rådet", text="Kun for rådet.",
                kind=Note.Kind.EVENTS, visibility=Note.Visibility.COUNCIL, area=glud)
    public = english_client().get(glud.get_absolute_url())

    response = english_client(member.user).get(glud.get_absolute_url())

    assert "Til rådet" in page_text(response) and "Til rådet" not in page_text(public)
    # the same kept parts before and after the notes, which the public does not get here
    facts = '</div>\n<div class="col-12 col-lg-5">'
    public_top, public_facts = main_of(public).split(facts)
    top, rest = main_of(response).split(facts)
    assert top.startswith(public_top.rstrip()) and "Til rådet" in top
    assert rest == public_facts


def test_an_unknown_area_answers_404_also_when_another_is_kept(glud):
    seen(glud)

    assert english_client().get("/omraader/findes-ikke/").status_code == 404


def test_a_walk_over_every_area_page_does_not_push_out_the_pages_everyone_reads(glud):
    """One copy per area and language is kept: as many as the areas, so in the cache of their
    own (areas.versions.kept_in), not in the one the directory and the map are kept in."""
    from django.core.cache import caches

    client = english_client()
    areas = [glud, *(LocalAreaFactory(name=f"Område {n}") for n in range(5))]
    client.get(reverse("areas:directory"))  # the new areas drawn into the kept directory
    everyone = dict(caches["default"]._cache)

    for area in areas:
        assert area.name in seen(area, client)

    assert dict(caches["default"]._cache) == everyone
    assert len(caches["chosen"]._cache) == len(areas)
