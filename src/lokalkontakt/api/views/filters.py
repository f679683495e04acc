# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Reading a list's filters from the query string with a serializer: a bad value answers 400 with
{parameter: [messages]} in the caller's language, and changes nothing."""


def filters(request, serializer_class) -> dict:
    """The valid filters given (those left out are not in the dict, or None)."""
    serializer = serializer_class(data=request.query_params)
    serializer.is_valid(raise_exception=True)
    return {name: value for name, value in serializer.validated_data.items() if value is not None}


def filtered(queryset, given: dict, lookups: dict):
    """`queryset` narrowed by the filters `given` (from `filters`), each through its lookup in
    `lookups` ({parameter: field lookup}); parameters without a lookup are the caller's."""
    return queryset.filter(**{lookups[name]: value for name, value in given.items()
                              if name in lookups})
