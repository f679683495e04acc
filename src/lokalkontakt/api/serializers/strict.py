# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A request body's values of the JSON type its schema gives, or 400.

DRF reads a body as it reads a form, where every value is text: a text field takes 0 as "0", a
true/false field takes "yes", 1 and "false". The schema promises strings and booleans, so a
system that sends another type has made a mistake it should hear about (Schemathesis sends such
bodies and checks that they are refused), not a guess at what it meant."""

from collections.abc import Mapping

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

NOT_TEXT = _("Send a text (a JSON string).")
NOT_BOOLEAN = _("Send true or false.")
NOT_LIST = _("Send a list.")


class StrictJsonTypes:
    """A Serializer mixin: each value given must be of its field's JSON type (null is left to
    the field's allow_null)."""

    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            errors = {name: [error] for name, field in self.fields.items()
                      if name in data and (error := _type_error(field, data[name]))}
            if errors:
                raise serializers.ValidationError(errors)
        return super().to_internal_value(data)


def _type_error(field, value):
    if value is None or field.read_only:
        return None
    if isinstance(field, serializers.BooleanField):
        return None if isinstance(value, bool) else NOT_BOOLEAN
    if isinstance(field, serializers.ManyRelatedField):
        if not isinstance(value, list):
            return NOT_LIST
        return next(filter(None, (_type_error(field.child_relation, item) for item in value)),
                    None)
    if isinstance(field, TEXTS):
        return None if isinstance(value, str) else NOT_TEXT
    return None


# The fields whose JSON type is a string (a date as ISO 8601, a related object by its slug).
TEXTS = (serializers.CharField, serializers.ChoiceField, serializers.DateField,
         serializers.SlugRelatedField)
