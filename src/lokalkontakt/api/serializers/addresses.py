# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from rest_framework import serializers

from lokalkontakt.api.serializers.areas import AreaSerializer
from lokalkontakt.areas.addresses import lookup


class AddressQuerySerializer(serializers.Serializer):
    address = serializers.CharField(
        max_length=200, help_text="The address as a citizen types it, e.g. "
                                  "“Gludvej 12, 7130 Juelsminde”. Not stored.")


class AddressResultSerializer(serializers.Serializer):
    """Which local area an address lies in, and how that was found."""

    method = serializers.ChoiceField(
        choices=[lookup.OUTLINE, lookup.POSTCODE_AND_TOWN, lookup.NONE],
        help_text="`outline`: the national address register placed the address inside the "
                  "area's imported outline; `postcode`: matched on postcode and town; `none`: "
                  "not found (ask the citizen to choose the area).")
    service = serializers.ChoiceField(
        choices=[lookup.SERVICE_USED, lookup.SERVICE_UNAVAILABLE, lookup.SERVICE_OFF],
        help_text="Whether the national address register was asked: `used`, `unavailable` "
                  "(it did not answer; postcode and town were used) or `off` (not configured).")
    dar_id = serializers.CharField(
        help_text="The address's id in the Danish address register (DAR), when it found "
                  "exactly one; empty otherwise.")
    areas = AreaSerializer(
        many=True, help_text="One area: found. Several: the candidates to choose from (a "
                             "postcode several areas share). None: not found.")
