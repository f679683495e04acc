# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A form field for one local area that stays small however many areas there are
(core.typed_choice).

Up to settings.AREA_SELECT_MAX areas it is the ordinary <select>. Above that the person types
the area's name (or its beginning, or a town or postcode); the server finds the area when the
form is sent (areas.picking), so it works without JavaScript. A text that fits several areas
is refused with the first of them offered as radio buttons; with JavaScript, htmx fills a
<datalist> with suggestions from areas:suggestions as the person types."""

from django.utils.translation import gettext_lazy as _

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.areas.picking import (
    MAX_LENGTH,
    area_begun,
    area_exactly,
    area_typed,
    areas_named,
)
from lokalkontakt.core.typed_choice import Typed, TypedChoiceInput, TypedModelChoiceField
from lokalkontakt.core.typed_multiple import TypedModelMultipleChoiceField, TypedMultipleInput

NAME_HINT = _("Type the name of the area, or the beginning of it.")
PLACES_HINT = _("Type the name of the area, or a town or postcode in it.")


class AreaInput(TypedChoiceInput):
    """The select while the field's areas are few; otherwise a text input with a suggestion
    list and, after an ambiguous text, the matching areas to choose among."""

    typed_template_name = "areas/widgets/area_input.html"
    suggestions_url_name = "areas:suggestions"
    choice_attribute = "slug"


class AreaField(TypedModelChoiceField):
    """One local area of `queryset` (areas.selectors.area_choices() or a narrower set). With
    `places` the field's labels show towns and postcodes, so a typed number is a postcode;
    without, a number is an area's primary key (as filter links give it)."""

    widget = AreaInput
    model = LocalArea
    select_max_setting = "AREA_SELECT_MAX"
    typed_max_length = MAX_LENGTH
    too_long_message = _("Type at most %(count)s characters of the area's name.")
    many_message = _("More than %(count)s local areas match “%(text)s”. Choose one of the "
                     "first ones below, or type more of the name.")
    several_message = _("Several local areas match “%(text)s”. Choose the one you mean below, "
                        "or type more of the name.")
    none_message = _("No local area matches “%(text)s”. Check the spelling, or type the "
                     "beginning of the name.")

    def __init__(self, *, places: bool = False, **kwargs):
        self.places = places
        super().__init__(**kwargs)

    def default_typed_help_text(self):
        return PLACES_HINT if self.places else NAME_HINT

    def exactly(self, text: str):
        """The area named `text` exactly (name, slug, or without `places` a pk)."""
        return area_exactly(self.queryset, text, by_pk=not self.places)

    def lookup(self, text: str) -> Typed:
        return area_typed(self.queryset, text, places=self.places)

    def offer(self, areas):
        """Offer `areas` to choose among (e.g. those an address may belong to)."""
        if self.typed:
            self.matches = list(areas)
        else:
            self.queryset = self.queryset.filter(pk__in=[area.pk for area in areas])


class AreaLinesInput(TypedMultipleInput):
    """The checkboxes while the field's areas are few; otherwise a textarea, one area a line,
    with the areas the lines found listed under it."""

    typed_template_name = "areas/widgets/area_lines.html"


class AreaMultipleField(TypedModelMultipleChoiceField):
    """Local areas of `queryset` (areas.selectors.area_choices() or a narrower set): checkboxes
    up to settings.AREA_SELECT_MAX areas, above that one area per line, each line the area's
    name or the beginning of it (as AreaField without places)."""

    widget = AreaLinesInput
    model = LocalArea
    select_max_setting = "AREA_SELECT_MAX"
    typed_max_length = MAX_LENGTH
    lines_hint = _("Write one local area per line: its name, or the beginning of it.")
    too_long_message = _("The line “%(text)s” is too long: write at most %(count)s characters "
                         "of an area's name on a line.")
    too_many_message = _("Write at most %(count)s local areas, one per line.")
    many_message = _("Many local areas match “%(text)s”, among them %(names)s. Write more of "
                     "the name on that line.")
    several_message = _("Several local areas match “%(text)s”: %(names)s. Write the whole name "
                        "of the one you mean on that line.")
    none_message = _("No local area matches “%(text)s”. Check the spelling, or write the "
                     "beginning of the name.")

    def named(self, texts: list[str]) -> dict:
        return areas_named(self.queryset, texts)

    def lookup(self, text: str) -> Typed:
        """The only area whose name `text` begins or has every word of; else the matches (the
        exact names were found by `named` already)."""
        return area_begun(self.queryset, text)
