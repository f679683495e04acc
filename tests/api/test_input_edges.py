# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""What a system may send at the edges, as the schema says it: an optional query parameter left
empty is as if left out, a cursor the list did not give and a body value of another JSON type
are refused with 400, an id in other digits than 0-9 finds nothing."""

import base64

import pytest
from django.utils import translation
from drf_spectacular.settings import spectacular_settings

from lokalkontakt.api.scopes import Scope
from lokalkontakt.inquiries.models import Inquiry
from tests.api.factories import keyed_client
from tests.api.world import build_api_world
from tests.areas.factories import LocalAreaFactory

pytestmark = pytest.mark.django_db
INQUIRIES = "/api/v1/inquiries/"


def danish(msgid: str) -> str:
    with translation.override("da"):
        return translation.gettext(msgid)


def optional_query_parameters() -> list[tuple[str, dict]]:
    """(path, parameter) for every optional query parameter of a list without path arguments."""
    with translation.override("en"):
        schema = spectacular_settings.DEFAULT_GENERATOR_CLASS().get_schema(request=None,
                                                                           public=True)
    return [(path, parameter) for path, operations in schema["paths"].items() if "{" not in path
            for parameter in operations.get("get", {}).get("parameters", [])
            if parameter["in"] == "query" and not parameter.get("required")]


@pytest.mark.parametrize(("path", "parameter"), optional_query_parameters(),
                         ids=lambda value: value if isinstance(value, str) else value["name"])
def test_an_empty_query_parameter_is_as_if_left_out(path, parameter):
    client = keyed_client(build_api_world().key)

    left_out, empty = client.get(path), client.get(path, {parameter["name"]: ""})

    assert parameter.get("allowEmptyValue") is True  # the schema says so
    assert (empty.status_code, empty.json()) == (200, left_out.json())


@pytest.mark.parametrize("cursor", [
    "x", "¹", base64.b64encode(b"p=yesterday").decode(), base64.b64encode(b"o=-1").decode()])
def test_a_cursor_the_list_did_not_give_is_refused(cursor):
    client = keyed_client(scopes=[Scope.INQUIRIES_READ])

    response = client.get(INQUIRIES, {"cursor": cursor})

    assert response.status_code == 400
    assert response.json() == {"cursor": [danish(
        "This is not a cursor the list gave: follow its next and previous links as they are.")]}


@pytest.mark.parametrize("reference", ["¹", "٤٢", "H-²", "１"])
def test_an_id_in_other_digits_than_0_to_9_finds_nothing(reference):
    client = keyed_client(scopes=[Scope.INQUIRIES_READ])

    response = client.get(f"{INQUIRIES}{reference}/")

    assert response.status_code == 404
    assert "detail" in response.json()


def sent(**overrides) -> dict:
    return {"subject": "Vejbump", "text": "Bilerne kører for stærkt.",
            "submitter_kind": "citizen", "submitter_name": "Bo Borger", **overrides}


def writer():
    return keyed_client(scopes=[Scope.INQUIRIES_WRITE, Scope.INQUIRIES_READ])


@pytest.mark.parametrize(("field", "value", "message"), [
    ("external_reference", 0, "Send a text (a JSON string)."),
    ("subject", 12, "Send a text (a JSON string)."),
    ("area", 7130, "Send a text (a JSON string)."),
    ("received_on", 20260101, "Send a text (a JSON string)."),
    ("shared_with_council", "true", "Send true or false."),
    ("shared_with_council", 1, "Send true or false."),
    ("focus_areas", "klima", "Send a list."),
    ("focus_areas", [1], "Send a text (a JSON string)."),
])
def test_a_body_value_of_another_json_type_is_refused_and_nothing_is_made(field, value, message):
    LocalAreaFactory(name="7130", slug="7130")  # a slug the number would otherwise find

    response = writer().post(INQUIRIES, sent(**{field: value}), format="json")

    assert response.status_code == 400
    assert response.json() == {field: [danish(message)]}
    assert not Inquiry.objects.exists()


@pytest.mark.parametrize("area", ["", None])
def test_an_empty_area_is_an_unknown_one_for_the_coordinator_to_route(area):
    response = writer().post(INQUIRIES, sent(area=area), format="json")

    assert response.status_code == 201
    assert response.json()["area"] is None
    assert Inquiry.objects.get().area is None
