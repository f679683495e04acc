# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The guides to the scheme: read by citizens, councils and staff, written and kept by the
coordinator with a history of who changed what and why."""

import html
import importlib
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test import Client
from django.urls import reverse

from lokalkontakt.guides.models import Guide
from lokalkontakt.guides.services import guide_save
from tests.conftest import site_text
from tests.guides.factories import GuideFactory
from tests.meetings.conftest import english_client

pytestmark = pytest.mark.django_db

PUBLIC, STAFF = Guide.Audience.PUBLIC, Guide.Audience.STAFF


def text(response) -> str:
    return html.unescape(response.content.decode())


def save(actor, audience=PUBLIC, title="Sådan bruger du Lokalkontakten",
         body="Skriv til **Lokalkontakten**.", note=""):
    return guide_save(actor=actor, audience=audience, title=title, body=body, note=note)


def edit_url(audience=PUBLIC) -> str:
    return reverse(f"guides:{audience}_edit")


# --- reading -----------------------------------------------------------------------------------


def test_anyone_reads_the_public_guide_with_its_markdown_as_html(db):
    GuideFactory(body="## Hvad er en Lokalkontakt?\n\nEn **kollega** i administrationen.")

    response = Client().get(reverse("guides:public"))

    assert response.status_code == 200
    content = text(response)
    assert "<h1>Sådan bruger du Lokalkontakten</h1>" in content
    assert "<h2>Hvad er en Lokalkontakt?</h2>" in content
    assert "En <strong>kollega</strong> i administrationen." in content


def test_the_public_guide_links_to_the_directory_to_find_your_contact(db):
    GuideFactory()

    content = Client().get(reverse("guides:public")).content.decode()

    assert f'href="{reverse("areas:directory")}"' in content
    assert f'href="{reverse("inquiries:new")}"' in content


def test_a_script_in_the_guide_is_not_rendered(db):
    GuideFactory(body='Hej <script>alert("x")</script> [klik](javascript:alert(1)) '
                      '<img src=x onerror="alert(2)">')

    content = Client().get(reverse("guides:public")).content.decode()

    assert "<script>alert" not in content
    assert "javascript:" not in content
    assert "onerror" not in content


def test_staff_read_the_staff_guide_and_who_changed_it_last(coordinator, colleague):
    save(coordinator, audience=STAFF, title="Sådan bruger du Lokalkontakterne",
         body="Hør området **før** du handler.")

    response = english_client(colleague).get(reverse("guides:staff"))

    content = text(response)
    assert "<h1>Sådan bruger du Lokalkontakterne</h1>" in content
    assert "Hør området <strong>før</strong> du handler." in content
    assert "by Karin Koordinator" in content
    assert "Edit the guide" not in content  # the coordinator's button


def test_the_coordinator_sees_the_buttons_to_edit_and_see_the_history(coordinator_client):
    GuideFactory()

    content = coordinator_client.get(reverse("guides:public")).content.decode()

    assert f'href="{edit_url()}"' in content
    assert f'href="{reverse("guides:public_history")}"' in content


def test_a_guide_missing_from_the_database_shows_that_it_is_not_written(db):
    response = english_client().get(reverse("guides:public"))

    assert response.status_code == 200
    assert "The guide has not been written yet." in text(response)


def test_the_footer_links_the_public_guide_for_everyone_and_the_staff_guide_for_staff(colleague):
    anonymous = Client().get(reverse("privacy")).content.decode()
    staff = Client()
    staff.force_login(colleague)
    signed_in = staff.get(reverse("privacy")).content.decode()

    assert f'href="{reverse("guides:public")}"' in anonymous
    assert f'href="{reverse("guides:staff")}"' not in anonymous
    assert f'href="{reverse("guides:staff")}"' in signed_in


# --- the default text from the data migration --------------------------------------------------


def test_the_data_migration_writes_both_guides_with_a_first_version(db):
    Guide.objects.all().delete()
    Guide.history.all().delete()
    migration = importlib.import_module("lokalkontakt.guides.migrations.0002_default_guides")

    # The models as the migration sees them (no simple_history signals there).
    state = MigrationLoader(connection).project_state(("guides", "0001_guide"))

    migration.create_guides(state.apps, None)

    guides = {guide.audience: guide for guide in Guide.objects.all()}
    assert guides[PUBLIC].title == "Sådan bruger du Lokalkontakten"
    assert "## Hvad Lokalkontakten ikke er" in guides[PUBLIC].body
    assert "## Sådan hører du et område, før du handler" in guides[STAFF].body
    assert [(r.audience, r.history_change_reason) for r in Guide.history.order_by("audience")] == [
        (PUBLIC, "Første udgave"), (STAFF, "Første udgave")]


# --- editing -----------------------------------------------------------------------------------


def test_saving_through_the_form_keeps_a_version_with_the_editor_and_the_note(coordinator):
    GuideFactory()

    response = english_client(coordinator).post(edit_url(), {
        "title": "Sådan bruger du Lokalkontakten", "body": "Ny tekst om **Lokalkontakten**.",
        "note": "Nyt afsnit om henvendelser"}, follow=True)

    assert response.redirect_chain == [(reverse("guides:public"), 302)]
    assert "The guide is saved." in text(response)
    assert "Ny tekst om <strong>Lokalkontakten</strong>." in text(response)
    record = Guide.history.latest("history_id")
    assert (record.history_user, record.history_change_reason, record.body) == (
        coordinator, "Nyt afsnit om henvendelser", "Ny tekst om **Lokalkontakten**.")
    assert Guide.objects.get().updated_by == coordinator


def test_the_first_save_creates_the_guide_when_none_is_stored(coordinator):
    save(coordinator, audience=STAFF, title="Vejledning", body="Tekst.", note="Ny")

    guide = Guide.objects.get(audience=STAFF)
    assert (guide.title, guide.body) == ("Vejledning", "Tekst.")
    assert guide.history.get().history_type == "+"


def test_preview_shows_the_text_and_saves_nothing(coordinator):
    guide = GuideFactory()
    versions = Guide.history.count()

    response = english_client(coordinator).post(edit_url(), {
        "title": "Ny titel", "body": "Et **udkast**.", "note": "", "preview": "1"})

    assert response.status_code == 200
    content = text(response)
    assert "Preview – not saved yet" in content
    assert "Et <strong>udkast</strong>." in content
    assert 'value="Ny titel"' in content  # the form keeps what was written
    guide.refresh_from_db()
    assert guide.title == "Sådan bruger du Lokalkontakten"
    assert Guide.history.count() == versions


def test_the_preview_of_a_script_is_not_rendered(coordinator):
    GuideFactory()

    response = english_client(coordinator).post(edit_url(), {
        "title": "Titel", "body": "Hej <script>alert(1)</script>", "preview": "1"})

    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.parametrize(("field", "message"), [("title", "Write the guide's title."),
                                                ("body", "Write the guide's text.")])
def test_an_empty_title_or_text_is_refused_and_changes_nothing(coordinator, field, message):
    guide = GuideFactory()
    versions = Guide.history.count()
    client = Client()
    client.force_login(coordinator)
    data = {"title": "Titel", "body": "Tekst.", "note": "", field: "   "}

    response = client.post(edit_url(), data)

    assert response.status_code == 400
    assert site_text(message) in text(response)  # Danish once the translations are merged
    guide.refresh_from_db()
    assert (guide.title, guide.body) == ("Sådan bruger du Lokalkontakten",
                                         "Lokalkontakten er din **indgang** til kommunen.")
    assert Guide.history.count() == versions


def test_a_save_that_changes_nothing_is_refused(coordinator):
    save(coordinator, body="Tekst.")

    with pytest.raises(ValidationError) as error:
        save(coordinator, body=" Tekst. ")

    assert error.value.messages == [site_text("Nothing has changed: the guide reads as saved.")]
    assert Guide.history.count() == 1


def test_only_the_coordinator_saves_a_guide(colleague):
    with pytest.raises(PermissionDenied):
        save(colleague)

    assert not Guide.objects.exists()


# --- history -----------------------------------------------------------------------------------


def test_the_history_lists_who_saved_each_version_when_and_why(coordinator):
    save(coordinator, body="Første.", note="Første udgave")
    save(coordinator, body="Anden.", note="Ny telefontid")

    content = text(english_client(coordinator).get(reverse("guides:public_history")))

    assert content.index("Ny telefontid") < content.index("Første udgave")
    assert content.count("Karin Koordinator") >= 2
    for record in Guide.history.all():
        assert reverse("guides:public_version", kwargs={"history_id": record.history_id}) in content


def test_an_old_version_reads_as_it_was(coordinator):
    save(coordinator, body="Den **gamle** tekst.", note="Første udgave")
    save(coordinator, body="Den nye tekst.", note="Omskrevet")
    old = Guide.history.get(history_change_reason="Første udgave")

    response = english_client(coordinator).get(
        reverse("guides:public_version", kwargs={"history_id": old.history_id}))

    assert response.status_code == 200
    content = text(response)
    assert "Den <strong>gamle</strong> tekst." in content
    assert "Den nye tekst." not in content
    assert "Saved by Karin Koordinator." in content
    assert "Første udgave" in content


def test_a_version_of_the_other_guide_is_not_found_at_this_guides_address(coordinator):
    save(coordinator, audience=STAFF, body="Internt.")
    record = Guide.history.get()

    response = english_client(coordinator).get(
        reverse("guides:public_version", kwargs={"history_id": record.history_id}))

    assert response.status_code == 404


def test_the_guides_sections_are_h2_under_its_h1(client):
    GuideFactory(body="## Hvad Lokalkontakten ikke er\n\nEn sagsbehandler.\n\n### Et eksempel")

    html = client.get(reverse("guides:public")).content.decode()

    headings = re.findall(r"<(h[1-6])[ >]", html[html.index("<main"):])
    assert headings[0] == "h1" and headings[1] == "h2"
    assert "<h2>Hvad Lokalkontakten ikke er</h2>" in html and "<h3>Et eksempel</h3>" in html
