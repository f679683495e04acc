# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The inquiry case of bench.run: the inquiries, the access log, the API key, the area filter."""

import time
from urllib.parse import quote

from bench.pages import API_HEADERS, INQUIRY_PAGES


def inquiry_case(count: int, result: dict) -> list:
    """Adds `count` inquiries; returns INQUIRY_PAGES with the area filter and inquiry filled in."""
    from django.conf import settings

    from bench.generate_inquiries import generate_inquiries

    started = time.perf_counter()
    generated = generate_inquiries(count)
    result["inquiries"] = count
    result["generate_inquiries_s"] = round(time.perf_counter() - started, 1)
    result["generated_inquiries"] = generated.__dict__
    print(f"   generated {count:,} inquiries and {generated.events:,} events in "
          f"{result['generate_inquiries_s']} s", flush=True)
    from bench.generate_access_log import generate_access_log

    started = time.perf_counter()
    log = generate_access_log(detail_pk=generated.detail_pk)
    result["generated_access_log"] = {**log.__dict__, "s": round(time.perf_counter() - started, 1)}
    print(f"   generated {log.entries:,} access-log entries in {result['generated_access_log']['s']} s "
          f"({log.person_entries:,} about inquiries from “{log.person}”)", flush=True)
    from bench.api import api_key_header, inquiries_cursor_halfway
    from lokalkontakt.api.scopes import Scope

    API_HEADERS["Authorization"] = api_key_header([Scope.INQUIRIES_READ])
    cursor = inquiries_cursor_halfway()
    query, warning = area_filter(generated.busiest_area_pk, generated.busiest_area_slug)
    if warning:
        result["warnings"].append(warning)
        print(f"   WARNING: {warning}", flush=True)
    pages = INQUIRY_PAGES
    if count > settings.EXPORT_INLINE_ROWS:
        # Above the limit the list's export is prepared by the worker (core.exports): the
        # request answers with a redirect to the export's page, and no file to time.
        pages = [page for page in pages if page[0] != EXPORT_PAGE]
        skipped = (f"'{EXPORT_PAGE}' not timed: {count:,} inquiries are over EXPORT_INLINE_ROWS "
                   f"({settings.EXPORT_INLINE_ROWS:,}), so the worker prepares the file")
        result["warnings"].append(skipped)
        print(f"   {skipped}", flush=True)
    return [(name, path.format(area=query, pk=generated.detail_pk, person=quote(log.person),
                               user=log.username, cursor=cursor), coord, n, warm)
            for name, path, coord, n, warm in pages]


EXPORT_PAGE = "inquiry list, XLSX"


AREA_FILTER_NAMES = ("area", "omraade", "local_area")


def area_filter(pk: int, slug: str) -> tuple[str, str]:
    """The inquiry list's area filter as a query string, from the list's filter form: the field
    named area (omraade, local_area) or choosing a LocalArea, by its to_field_name (pk or slug).
    Without such a field `area=<pk>` is sent anyway and a warning returned."""
    from django import forms

    from lokalkontakt.areas.models import LocalArea
    from lokalkontakt.inquiries.forms import ListFilterForm

    fields = ListFilterForm.base_fields
    for name, form_field in fields.items():
        model = getattr(getattr(form_field, "queryset", None), "model", None)
        if name in AREA_FILTER_NAMES or model is LocalArea:
            if isinstance(form_field, forms.ModelChoiceField):
                value = slug if form_field.to_field_name == "slug" else pk
            else:
                value = slug if any(choice == slug for choice, _label in
                                    getattr(form_field, "choices", [])) else pk
            return f"{name}={quote(str(value))}", ""
    return f"area={pk}", ("the inquiry list has no area filter yet (ListFilterForm has no area "
                          "field), so 'inquiries by area' shows every inquiry, like "
                          "'inquiries, any status'")


def check_area_filter(in_process: dict, result: dict) -> None:
    """Warn when the list by area shows the same rows as the unfiltered list (filter ignored)."""
    if "inquiries by area" not in in_process or "inquiries, any status" not in in_process:
        return  # not timed in this run (--page)
    by_area = in_process["inquiries by area"].get("_rows")
    unfiltered = in_process["inquiries, any status"].get("_rows")
    if by_area == unfiltered and not any("no area filter" in w for w in result["warnings"]):
        warning = ("'inquiries by area' shows the same rows as 'inquiries, any status': "
                   "the list ignores the area filter")
        result["warnings"].append(warning)
        print(f"   WARNING: {warning}", flush=True)
