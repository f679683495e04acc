# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The adapter for the national address service: Datafordeleren's DAR REST method `husnummer`
(version 2.0.0), which replaced DAWA's address look-ups.

Documented at https://confluence.sdfi.dk/x/vgV7Bg (the 2.0.0 methods Adresse and Husnummer)
and https://confluence.sdfi.dk/x/SwAeCg (DAR's REST services); the attributes follow DAR's data
model, as the Adressevælger's attribute list also gives them (https://confluence.sdfi.dk/x/LIIuDg).

Request: GET ADDRESS_SERVICE_URL (e.g. https://services.datafordeler.dk/DAR/DAR/2.0.0/rest/husnummer)
with the street name, the house number and (if typed) the postcode (PARAMETERS below), MedDybde=true
(the related objects in full), Format=JSON and the key as `apikey`.

Answer: a JSON list of DAR_Husnummer objects; this adapter reads of each
    id_lokalId                  the house number's (access address's) DAR id, a UUID
    adgangsadressebetegnelse    "Nr. Bjertvej 87A, Nr Bjert, 6000 Kolding"
    status                      "3" current; "4" retired and "5" shelved are left out
    adgangspunkt.position       the access point, WKT in ETRS89 / UTM zone 32:
                                "POINT (533640.58 6152135.2)" (longitude/latitude accepted too)
    postnummer.postnr, .navn    "6000", "Kolding"
    supplerendeBynavn.navn      "Nr Bjert" (may be missing)

Any failure - no answer within ADDRESS_SERVICE_TIMEOUT, an HTTP error, an answer that is not
such a list - makes the service "unavailable" for that look-up: it is logged (without the
address, which is personal data) and the look-up falls back to postcode and town.
"""

import http.client
import json
import logging
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from django.conf import settings

from lokalkontakt.areas.addresses.parse import ParsedAddress
from lokalkontakt.areas.addresses.utm import utm32_to_lonlat

logger = logging.getLogger(__name__)

PARAMETERS = {"street": "vejnavn", "number": "husnummertekst", "postcode": "postnr"}
RETIRED = {"4", "5"}
MAX_CANDIDATES = 20
_POINT = re.compile(r"POINT\s*Z?\s*\(\s*(-?[\d.]+)\s+(-?[\d.]+)", re.IGNORECASE)


class AddressServiceUnavailable(Exception):
    """The service did not answer usefully; the reason is for the log, not for the citizen."""


@dataclass(frozen=True)
class Candidate:
    """An address the national register knows, with its access point in longitude/latitude."""

    dar_id: str
    label: str
    lon: float | None
    lat: float | None
    postcode: str
    district: str  # the postcode's name
    town: str  # the supplementary town name, if any


def is_configured() -> bool:
    return bool(settings.ADDRESS_SERVICE_URL)


def search(address: ParsedAddress) -> list[Candidate]:
    """The register's addresses matching the street, number and postcode typed. Raises
    AddressServiceUnavailable on any failure (logged here)."""
    try:
        return _parse(_get(_query(address)))
    except AddressServiceUnavailable as error:
        logger.warning("Address service unavailable: %s", error)
        raise


def _query(address: ParsedAddress) -> dict:
    query = {PARAMETERS[part]: getattr(address, part) for part in PARAMETERS
             if getattr(address, part)}
    query.update({"MedDybde": "true", "Format": "JSON"})
    if settings.ADDRESS_SERVICE_KEY:
        query["apikey"] = settings.ADDRESS_SERVICE_KEY
    return query


def _get(query: dict):
    url = settings.ADDRESS_SERVICE_URL
    if not url.startswith(("https://", "http://")):
        raise AddressServiceUnavailable(f"ADDRESS_SERVICE_URL is not an http(s) URL: {url!r}")
    separator = "&" if "?" in url else "?"
    request = urllib.request.Request(  # noqa: S310 - the scheme is checked above
        url + separator + urllib.parse.urlencode(query), headers={"Accept": "application/json"})
    try:
        with urllib.request.urlopen(  # noqa: S310
                request, timeout=settings.ADDRESS_SERVICE_TIMEOUT) as response:
            payload = response.read(2_000_000)
    except urllib.error.HTTPError as error:
        raise AddressServiceUnavailable(f"{url} answered HTTP {error.code}") from None
    except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as error:
        # refused, timed out, a bad URL, or not HTTP at all (a bad status line, a cut-off body)
        raise AddressServiceUnavailable(f"{url}: {getattr(error, 'reason', error)}") from None
    try:
        return json.loads(payload)
    except ValueError:
        raise AddressServiceUnavailable(f"{url} did not answer with JSON") from None


def _parse(answer) -> list[Candidate]:
    if not isinstance(answer, list):
        raise AddressServiceUnavailable("the answer is not a list of house numbers")
    candidates = []
    for item in answer[:MAX_CANDIDATES]:
        if not isinstance(item, dict) or not isinstance(item.get("id_lokalId"), str):
            raise AddressServiceUnavailable("a house number in the answer has no id_lokalId")
        if str(item.get("status", "")) in RETIRED:
            continue
        lon, lat = _position(_nested(item, "adgangspunkt").get("position"))
        postcode = _nested(item, "postnummer")
        candidates.append(Candidate(
            dar_id=item["id_lokalId"], label=str(item.get("adgangsadressebetegnelse") or ""),
            lon=lon, lat=lat, postcode=str(postcode.get("postnr") or ""),
            district=str(postcode.get("navn") or ""),
            town=str(_nested(item, "supplerendeBynavn").get("navn") or "")))
    return candidates


def _nested(item: dict, key: str) -> dict:
    value = item.get(key)
    return value if isinstance(value, dict) else {}


def _position(wkt) -> tuple[float | None, float | None]:
    """A WKT point in UTM zone 32 (or already longitude/latitude) as longitude/latitude."""
    match = _POINT.search(wkt) if isinstance(wkt, str) else None
    if not match:
        return None, None
    try:
        x, y = float(match.group(1)), float(match.group(2))
        if abs(x) <= 180 and abs(y) <= 90:
            return x, y
        # Denmark in UTM zone 32 lies well inside these bounds; outside them it is no address.
        if not (0 < x < 1_500_000 and 5_500_000 < y < 7_000_000):
            return None, None
        return utm32_to_lonlat(x, y)
    except (ValueError, OverflowError):
        return None, None
