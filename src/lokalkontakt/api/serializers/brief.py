# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Short forms of objects that other objects point to: an area, a member of staff."""

from rest_framework import serializers


class AreaBriefSerializer(serializers.Serializer):
    """A local area: its slug (its id in the API) and name."""

    slug = serializers.SlugField()
    name = serializers.CharField()


class StaffBriefSerializer(serializers.Serializer):
    """A member of staff: their name and work e-mail address."""

    name = serializers.CharField()
    email = serializers.EmailField(allow_blank=True, help_text="The work e-mail address.")
