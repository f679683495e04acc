# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Fields the API's filters share."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers


class SinceField(serializers.DateTimeField):
    """A point in time to filter from (ISO 8601). Years outside 1900–9998 are refused: at the
    calendar's edges the conversion to UTC for the query would overflow."""

    default_error_messages = {"range": _("Give a time between the years 1900 and 9998.")}

    def enforce_timezone(self, value):
        # Before the time zone is applied: that is where the edges overflow.
        if not 1900 <= value.year <= 9998:
            self.fail("range")
        return super().enforce_timezone(value)
