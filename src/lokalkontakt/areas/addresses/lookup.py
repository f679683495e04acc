# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""From an address to the local area. The rule, in order:

1. With the national address service configured (areas.addresses.dar) and a street typed, the
   service gives the address's DAR id and access point; the area is the one whose imported
   outline holds the point (several candidates when the register knows the street in several
   places, or outlines overlap).
2. Otherwise, or when no outline holds the point, the postcode and town (as the register gives
   them, else as typed) are matched against the areas' postcodes and towns: the first town
   named that matches decides among the areas of the postcode (a supplementary town such as
   "Hjarnø" before the postal district "Juelsminde"); a postcode several areas share, with no
   town to tell them apart, gives those areas as candidates to choose from - never a guess.

Nothing is stored, and the service being down is never an error: the result says so.
"""

import re
from dataclasses import dataclass, field

from lokalkontakt.areas.addresses import dar
from lokalkontakt.areas.addresses.geometry import contains
from lokalkontakt.areas.addresses.parse import ParsedAddress, name_fold, parse_address
from lokalkontakt.areas.models import LocalArea

OUTLINE, POSTCODE_AND_TOWN, NONE = "outline", "postcode", "none"
SERVICE_USED, SERVICE_UNAVAILABLE, SERVICE_OFF = "used", "unavailable", "off"


@dataclass
class AddressResult:
    address: ParsedAddress
    areas: list = field(default_factory=list)  # one: found; several: the candidates
    method: str = NONE
    dar_id: str = ""  # the DAR id of the address the register found, if exactly one
    service: str = SERVICE_OFF

    @property
    def area(self) -> LocalArea | None:
        return self.areas[0] if len(self.areas) == 1 else None

    @property
    def candidates(self) -> list:
        return self.areas if len(self.areas) > 1 else []


def find_area(text: str, *, areas=None) -> AddressResult:
    """The local area of the address `text` (see the module's rule); the areas returned come
    from the queryset `areas` (default: every area), in its order."""
    result = AddressResult(address=parse_address(text))
    if result.address.is_empty:
        return result
    found, postcode, towns = [], result.address.postcode, result.address.towns
    if dar.is_configured() and result.address.street:
        try:
            candidates = dar.search(result.address)
        except dar.AddressServiceUnavailable:
            result.service = SERVICE_UNAVAILABLE
        else:
            result.service = SERVICE_USED
            found = _by_outline(candidates)
            result.method = OUTLINE if found else NONE
            if len(candidates) == 1:
                result.dar_id = candidates[0].dar_id
                postcode = candidates[0].postcode or postcode
                towns = tuple(t for t in (candidates[0].town, candidates[0].district) if t) or towns
    if not found:
        found = _by_postcode_and_town(postcode, towns)
        result.method = POSTCODE_AND_TOWN if found else NONE
    if found:
        queryset = LocalArea.objects.all() if areas is None else areas
        result.areas = list(queryset.filter(pk__in=found))
    return result


def areas_at(lon: float, lat: float) -> list[int]:
    """The areas whose outline holds the point: the database picks the outlines whose bounding
    box holds it, and ray casting decides."""
    boxes = LocalArea.objects.filter(
        boundary_west__lte=lon, boundary_east__gte=lon,
        boundary_south__lte=lat, boundary_north__gte=lat).order_by().only("pk", "boundary")
    return [area.pk for area in boxes if contains(area.boundary, lon, lat)]


def _by_outline(candidates) -> list[int]:
    found = []
    for candidate in candidates:
        if candidate.lon is not None:
            found += [pk for pk in areas_at(candidate.lon, candidate.lat) if pk not in found]
    return found


def _by_postcode_and_town(postcode: str, towns: tuple[str, ...]) -> list[int]:
    rows = LocalArea.objects.only("pk", "name", "towns", "postcodes")
    if postcode:
        with_postcode = [area for area in rows.filter(postcodes__contains=postcode)
                         if postcode in area.postcode_list]
        if with_postcode:
            return [area.pk for area in _narrow_by_town(with_postcode, towns) or with_postcode]
    return [area.pk for area in _narrow_by_town(list(rows), towns)]


def _narrow_by_town(areas: list, towns: tuple[str, ...]) -> list:
    """The areas named by the first of `towns` that names any."""
    names = {area.pk: _place_names(area) for area in areas}
    for town in map(name_fold, towns):
        named = [area for area in areas if town and town in names[area.pk]]
        if named:
            return named
    return []


def _place_names(area: LocalArea) -> set[str]:
    """The area's name and towns as compared; remarks in brackets are left out."""
    towns = re.sub(r"\([^)]*\)", " ", area.towns)
    return {name_fold(name) for name in re.split(r"[;,]", towns) + [area.name]} - {""}
