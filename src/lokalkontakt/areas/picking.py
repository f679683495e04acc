# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Finding a local area from what a person typed: its name, the beginning of it, or (in a field
that shows them) a town or postcode. Every function reads a bounded number of rows."""


from django.db.models import Q

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.areas.selectors import area_choices
from lokalkontakt.core.text import danish_sort_key, search_fold
from lokalkontakt.core.typed_choice import Typed

# Suggestions and choices offered for a typed text, at most.
SHOWN = 10
# Rows read at most to find names that contain a text (the stored search text holds the towns).
NAME_SCAN = 200



# The longest text and the most words looked up (a name has a few; a crafted text of a thousand
# words would be a thousand conditions).
MAX_LENGTH = 120
MAX_WORDS = 8


def area_exactly(areas, text: str, *, by_pk: bool = True) -> LocalArea | None:
    """The area of `areas` called `text` (case and "Aa"/"Å" aside), with that slug, or (with
    `by_pk`, for links that name it so) that primary key."""
    text = text.strip()
    if not text:
        return None
    named = Q(sort_name=danish_sort_key(text)) | Q(slug=text.lower())
    if by_pk and text.isascii() and text.isdigit() and len(text) <= 18:  # "²" is a digit too
        named |= Q(pk=int(text))
    found = list(areas.filter(named)[:2])
    return found[0] if len(found) == 1 else None


def areas_named(areas, texts) -> dict[str, LocalArea]:
    """text -> the area of `areas` called it (as area_exactly without primary keys), for those of
    `texts` that name exactly one; one query for them all."""
    keys = {text: (danish_sort_key(text.strip()), text.strip().lower()) for text in texts}
    keys = {text: key for text, key in keys.items() if key[0]}
    if not keys:
        return {}
    found = list(areas.filter(Q(sort_name__in={key for key, _slug in keys.values()})
                              | Q(slug__in={slug for _key, slug in keys.values()})))
    named = {}
    for text, (key, slug) in keys.items():
        fits = [area for area in found if area.sort_name == key or area.slug == slug]
        if len(fits) == 1:
            named[text] = fits[0]
    return named


def areas_starting(areas, text: str, *, limit: int, places: bool = True) -> list[LocalArea]:
    """Areas whose name begins with `text`; then, to fill `limit`, those whose name (with
    `places` also towns, postcodes or parish) contains every word of it; in Danish order. (The
    Danish sort key is a prefix of the name's key exactly when the text begins the name.)"""
    key = danish_sort_key(text.strip())
    if not key:
        return []
    found = list(areas.filter(sort_name__startswith=key).order_by("sort_name")[:limit])
    if len(found) < limit:
        words = search_fold(text).split()[:MAX_WORDS]
        containing = areas.exclude(sort_name__startswith=key)
        for word in words:
            containing = containing.filter(search_text__contains=word)
        if places:
            found += list(containing.order_by("sort_name")[:limit - len(found)])
        else:  # the stored text holds the towns too: keep the names that contain the words
            found += [area for area in containing.order_by("sort_name")[:NAME_SCAN]
                      if all(word in search_fold(area.name) for word in words)][:limit - len(found)]
    return sorted(found, key=lambda area: area.sort_name)


def area_typed(areas, text: str, *, places: bool = False) -> Typed:
    """The area `text` names in `areas`: exactly (name, slug, or without `places` a pk), else
    the only one whose name it begins or is in (with `places`: or its towns, postcodes or
    parish); several are offered as matches."""
    if area := area_exactly(areas, text, by_pk=not places):
        return Typed(area)
    return area_begun(areas, text, places=places)


def area_begun(areas, text: str, *, places: bool = False) -> Typed:
    """The only area of `areas` whose name `text` begins or is in (with `places`: or its towns,
    postcodes or parish); several are offered as matches (the first SHOWN)."""
    found = areas_starting(areas, text, limit=SHOWN + 1, places=places)
    if len(found) == 1:
        return Typed(found[0])
    return Typed(matches=found[:SHOWN], more=len(found) > SHOWN)


def place_label(area: LocalArea) -> str:
    """The area's name with its towns and postcodes in brackets, where they say more."""
    towns = [town.strip() for town in area.towns.split(";") if town.strip()]
    details = ", ".join([*towns, area.postcodes] if area.postcodes else towns)
    return f"{area.name} ({details})" if details and details != area.name else area.name


def area_suggestions(text: str) -> list[LocalArea]:
    """At most SHOWN areas for what is typed so far, in Danish order (any visitor may see every
    area's name, towns and postcodes: the directory shows them)."""
    return areas_starting(area_choices("towns", "postcodes"), text[:MAX_LENGTH], limit=SHOWN)
