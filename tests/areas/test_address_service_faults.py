# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""An address service that answers nonsense is an unavailable service, never a 500: the public
lookup, the directory and the inquiry form fall back to postcode and town. (Found in review.)"""

import json
import socket
import threading

import pytest
from django.test import Client

from tests.areas.factories import AssignmentFactory, LocalAreaFactory

pytestmark = pytest.mark.django_db


def raw_server(reply: bytes):
    """A loopback server that answers every request with `reply`, byte for byte."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)

    def serve():
        while True:
            try:
                connection, _address = server.accept()
            except OSError:
                return
            connection.recv(65536)
            connection.sendall(reply)
            connection.close()

    threading.Thread(target=serve, daemon=True).start()
    return server, f"http://127.0.0.1:{server.getsockname()[1]}/husnummer"


def json_reply(payload) -> bytes:
    data = json.dumps(payload).encode()
    return (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + str(len(data)).encode() + b"\r\n\r\n" + data)


ITEM = {"id_lokalId": "x", "status": "3", "postnummer": {"postnr": "7130", "navn": "Juelsminde"}}


@pytest.mark.parametrize("reply", [
    b"GARBAGE\r\n\r\n",
    b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n[{\"id",
    json_reply([{**ITEM, "adgangspunkt": {"position": "POINT (1.2.3 4)"}}]),
    json_reply([{**ITEM, "adgangspunkt": {"position": "POINT (99999999999999999999 6152135)"}}]),
    json_reply([{**ITEM, "adgangspunkt": {"position": "POINT (. .)"}}]),
], ids=["not-http", "cut-off", "two-points", "huge-easting", "dots"])
def test_odd_answers_fall_back_to_postcode_and_town(settings, reply):
    LocalAreaFactory(name="Juelsminde", slug="juelsminde", postcodes="7130", towns="Juelsminde")
    server, settings.ADDRESS_SERVICE_URL = raw_server(reply)
    client = Client(raise_request_exception=False)
    try:
        api = client.get("/api/v1/areas/lookup/", {"address": "Gludvej 12, 7130 Juelsminde"})
        directory = client.get("/omraader/", {"adresse": "Gludvej 12, 7130 Juelsminde"})
    finally:
        server.close()

    assert api.status_code == 200
    assert [area["slug"] for area in api.json()["areas"]] == ["juelsminde"]
    assert directory.status_code == 200


def test_the_candidates_do_not_name_a_contact_who_has_left(client):
    left = AssignmentFactory(area=LocalAreaFactory(name="Glud", postcodes="7130", towns="Glud"),
                             employee__name="Lise Leftsen", employee__is_active=False)
    AssignmentFactory(area=LocalAreaFactory(name="Hjarnø", postcodes="7130", towns="Hjarnø"))

    body = client.get("/omraader/", {"adresse": "7130"}).content.decode()

    assert "Hjarnø" in body and left.area.name in body
    assert "Lise Leftsen" not in body
