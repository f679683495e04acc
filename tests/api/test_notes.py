# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""GET /api/v1/notes/: the knowledge notes any member of staff may read, for a key with
notes:read; the authors' names written to the access log."""

import datetime

import pytest
from django.utils import timezone

from lokalkontakt.api.models import ApiKey
from lokalkontakt.api.scopes import Scope
from lokalkontakt.core.models import AccessLogEntry, FocusArea
from lokalkontakt.knowledge.models import Note, NoteAttachment
from tests.api.factories import keyed_client, make_key
from tests.areas.factories import LocalAreaFactory
from tests.people.factories import EmployeeFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/notes/"


def make_note(*, title="Forsamlingshuset", area=None, visibility=Note.Visibility.STAFF,
              author=None, focus=(), kind=Note.Kind.ASSOCIATIONS):
    note = Note.objects.create(title=title, text="Nøglen hænger hos **Bente**.", kind=kind,
                               visibility=visibility, area=area,
                               author=author or EmployeeFactory(name="Lise Lokal"))
    note.focus_areas.set(FocusArea.objects.filter(slug__in=focus))
    return note


@pytest.fixture
def glud():
    return LocalAreaFactory(name="Glud")


def test_a_note_is_given_with_its_area_focus_areas_author_and_files(glud):
    note = make_note(area=glud, focus=["smidige-processer"])
    NoteAttachment.objects.create(note=note, file="viden/plan.pdf", name="plan.pdf", size=2048,
                                  content_type="application/pdf")

    response = keyed_client(scopes=[Scope.NOTES_READ]).get(f"{URL}{note.pk}/")

    assert response.status_code == 200
    body = response.json()
    assert body == {
        "id": note.pk, "area": "glud", "title": "Forsamlingshuset",
        "text": "Nøglen hænger hos **Bente**.", "kind": "associations", "visibility": "staff",
        "focus_areas": ["smidige-processer"], "author": "Lise Lokal",
        "attachments": [{"name": "plan.pdf", "size": 2048, "content_type": "application/pdf"}],
        "created_at": body["created_at"], "updated_at": body["updated_at"]}
    assert datetime.datetime.fromisoformat(body["created_at"]) == note.created_at


def test_every_visibility_staff_may_read_is_listed_newest_first(glud):
    staff = make_note(title="Kun personale", area=glud)
    council = make_note(title="Med lokalrådet", area=glud, visibility=Note.Visibility.COUNCIL)
    public = make_note(title="Offentlig", visibility=Note.Visibility.PUBLIC)

    response = keyed_client(scopes=[Scope.NOTES_READ]).get(URL)

    assert [n["id"] for n in response.json()["results"]] == [public.pk, council.pk, staff.pk]
    assert response.json()["results"][0]["area"] is None  # a note about the whole scheme


@pytest.mark.parametrize("query, titles", [
    ("area=glud", ["Glud, offentlig", "Glud"]),
    ("area=ukendt", []),
    ("focus_area=smidige-processer", ["Juelsminde"]),
    ("visibility=public", ["Glud, offentlig"]),
    ("kind=events", ["Glud, offentlig"]),
    ("area=glud&visibility=staff", ["Glud"]),
])
def test_the_list_is_filtered(query, titles, glud):
    make_note(title="Glud", area=glud)
    make_note(title="Juelsminde", area=LocalAreaFactory(name="Juelsminde"),
              focus=["smidige-processer"])
    make_note(title="Glud, offentlig", area=glud, visibility=Note.Visibility.PUBLIC,
              kind=Note.Kind.EVENTS)

    response = keyed_client(scopes=[Scope.NOTES_READ]).get(f"{URL}?{query}")

    assert [n["title"] for n in response.json()["results"]] == titles


def test_updated_since_gives_the_notes_changed_since(glud):
    old = make_note(title="Gammel", area=glud)
    Note.objects.filter(pk=old.pk).update(updated_at=timezone.now() - datetime.timedelta(days=3))
    make_note(title="Ny", area=glud)
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()

    response = keyed_client(scopes=[Scope.NOTES_READ]).get(URL, {"updated_since": since})

    assert [n["title"] for n in response.json()["results"]] == ["Ny"]


@pytest.mark.parametrize("query, field, message", [
    ("visibility=secret", "visibility", "\"secret\" er ikke et gyldigt valg."),
    ("updated_since=i-går", "updated_since", None),
])
def test_a_bad_filter_is_refused_in_danish(query, field, message):
    response = keyed_client(scopes=[Scope.NOTES_READ]).get(f"{URL}?{query}")

    assert response.status_code == 400
    assert list(response.json()) == [field]
    if message:
        assert response.json()[field] == [message]


def test_the_authors_are_written_to_the_access_log_once_per_call(glud):
    author = EmployeeFactory(name="Lise Lokal")
    make_note(title="En", area=glud, author=author)
    make_note(title="To", area=glud, author=author)
    row, key = make_key(scopes=[Scope.NOTES_READ], name="Intranet")

    keyed_client(key).get(URL)

    entry = AccessLogEntry.objects.get()
    assert (entry.object_type, entry.object_id) == ("people.employee", author.pk)
    assert (entry.how, entry.user_id, entry.path) == ("api", None, URL)
    assert entry.username == f"API: Intranet ({row.prefix})"


def test_the_list_takes_a_fixed_number_of_queries(glud, django_assert_num_queries):
    client = keyed_client(scopes=[Scope.NOTES_READ])
    for number in range(6):
        note = make_note(title=f"Note {number}", area=glud, author=EmployeeFactory(),
                         focus=["smidige-processer"])
        NoteAttachment.objects.create(note=note, file="x.pdf", name="x.pdf", size=1)
    client.get(URL)  # last_used_at is written at most once a minute

    # the key, the count, the notes, their focus areas and files, the access log
    with django_assert_num_queries(6):
        response = client.get(URL)

    assert response.json()["count"] == 6


# --- who may call --------------------------------------------------------------------------


@pytest.fixture
def note(glud):
    return make_note(area=glud)


@pytest.mark.parametrize("path", ["", "{pk}/"])
@pytest.mark.parametrize("scopes, status", [
    (None, 401),
    ([Scope.ORGANISATION_READ, Scope.INQUIRIES_READ], 403),
    ([Scope.NOTES_READ], 200),
])
def test_the_scope_matrix(path, scopes, status, note):
    client = keyed_client(scopes=scopes) if scopes else keyed_client("")
    if scopes is None:
        client.credentials()

    response = client.get(URL + path.format(pk=note.pk))

    assert response.status_code == status


@pytest.mark.parametrize("change", [
    {"expires_on": datetime.date(2020, 1, 1)}, {"revoked_at": datetime.datetime(2026, 1, 1,
                                                                                 tzinfo=datetime.UTC)}])
def test_an_expired_or_revoked_key_is_refused(change, note):
    row, key = make_key(scopes=[Scope.NOTES_READ])
    ApiKey.objects.filter(pk=row.pk).update(**change)

    assert keyed_client(key).get(URL).status_code == 401
    assert not AccessLogEntry.objects.exists()


def test_an_unknown_note_answers_404():
    response = keyed_client(scopes=[Scope.NOTES_READ]).get(f"{URL}999999/")

    assert response.status_code == 404
