# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A national address service on loopback: an HTTP server that answers as Datafordeleren's DAR
REST method `husnummer` does with MedDybde=true (a JSON list of DAR_Husnummer objects whose
access point is WKT in ETRS89 / UTM zone 32), for the house numbers a test gives it.

`dar_service` points ADDRESS_SERVICE_URL at it; `.mode` makes it slow or broken; `.requests`
holds the query parameters it received."""

import json
import math
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

PATH = "/DAR/DAR/2.0.0/rest/husnummer"
KEY = "test-api-key"


def lonlat_to_utm32(lon: float, lat: float) -> tuple[float, float]:
    """EPSG:4326 to EPSG:25832 (Krüger's series, forward): an implementation independent of the
    application's inverse, so a round trip checks both."""
    a, f, k0 = 6378137.0, 1 / 298.257222101, 0.9996
    n = f / (2 - f)
    big_a = a / (1 + n) * (1 + n**2 / 4 + n**4 / 64)
    alpha = (n / 2 - 2 * n**2 / 3 + 5 * n**3 / 16, 13 * n**2 / 48 - 3 * n**3 / 5, 61 * n**3 / 240)
    phi, lam = math.radians(lat), math.radians(lon - 9)
    c = 2 * math.sqrt(n) / (1 + n)
    t = math.sinh(math.atanh(math.sin(phi)) - c * math.atanh(c * math.sin(phi)))
    xi, eta = math.atan2(t, math.cos(lam)), math.atanh(math.sin(lam) / math.sqrt(1 + t * t))
    easting = eta + sum(al * math.cos(2 * j * xi) * math.sinh(2 * j * eta)
                        for j, al in enumerate(alpha, start=1))
    northing = xi + sum(al * math.sin(2 * j * xi) * math.cosh(2 * j * eta)
                        for j, al in enumerate(alpha, start=1))
    return 500_000 + k0 * big_a * easting, k0 * big_a * northing


def house_number(*, street: str, number: str, postcode: str, district: str, lon: float,
                 lat: float, town: str = "", status: str = "3", dar_id: str = "") -> dict:
    """One DAR_Husnummer as the service answers it (the attributes the adapter reads and a few
    it does not)."""
    x, y = lonlat_to_utm32(lon, lat)
    town_part = f", {town}" if town else ""
    return {
        "id_lokalId": dar_id or str(uuid.uuid4()),
        "id_namespace": "http://data.gov.dk/dar/husnummer",
        "status": status,
        "husnummertekst": number,
        "adgangsadressebetegnelse": f"{street} {number}{town_part}, {postcode} {district}",
        "datafordelerOpdateringstid": "2026-10-01T02:00:00.000000+02:00",
        "adgangspunkt": {"id_lokalId": str(uuid.uuid4()), "status": "3",
                         "position": f"POINT ({x:.2f} {y:.2f})",
                         "oprindelse_kilde": "Grundkort", "oprindelse_tekniskStandard": "TK"},
        "navngivenVej": {"id_lokalId": str(uuid.uuid4()), "vejnavn": street,
                         "vejadresseringsnavn": street},
        "postnummer": {"id_lokalId": str(uuid.uuid4()), "postnr": postcode, "navn": district},
        "supplerendeBynavn": {"id_lokalId": str(uuid.uuid4()), "navn": town} if town else None,
    }


@dataclass
class DarServer:
    url: str
    house_numbers: list = field(default_factory=list)
    mode: str = "ok"  # "slow": answers after the timeout; "error": HTTP 500; "garbage": not JSON
    requests: list = field(default_factory=list)

    def answer(self, query: dict) -> list:
        def wanted(item, key, value):
            return key not in query or query[key] == value
        return [item for item in self.house_numbers
                if wanted(item, "vejnavn", item["navngivenVej"]["vejnavn"])
                and wanted(item, "husnummertekst", item["husnummertekst"])
                and wanted(item, "postnr", item["postnummer"]["postnr"])]


def _handler(server: DarServer):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            parts = urlsplit(self.path)
            query = {key: values[0] for key, values in parse_qs(parts.query).items()}
            server.requests.append(query)
            if server.mode == "slow":
                time.sleep(1.5)
            if parts.path != PATH or query.get("apikey") != KEY:
                return self._send(403 if parts.path == PATH else 404, b'{"message": "refused"}')
            if server.mode == "error":
                return self._send(500, b"Internal Server Error")
            if server.mode == "garbage":
                return self._send(200, b"<html>maintenance</html>")
            return self._send(200, json.dumps(server.answer(query)).encode())

        def _send(self, status: int, body: bytes):
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
                pass

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture
def dar_service(settings):
    """The service on a free loopback port, configured with its key and a short timeout."""
    dar = DarServer(url="")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(dar))
    dar.url = f"http://127.0.0.1:{httpd.server_address[1]}{PATH}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    settings.ADDRESS_SERVICE_URL, settings.ADDRESS_SERVICE_KEY = dar.url, KEY
    settings.ADDRESS_SERVICE_TIMEOUT = 0.5
    yield dar
    httpd.shutdown()
    httpd.server_close()
