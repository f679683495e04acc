# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A form field for one local area that stays small however many areas there are.

Up to settings.AREA_SELECT_MAX areas it is the ordinary <select>. Above that the person types
the area's name (or its beginning, or a town or postcode); the server finds the area when the
form is sent (areas.picking), so it works without JavaScript. A text that fits several areas
is refused with the first of them offered as radio buttons; with JavaScript, htmx fills a
<datalist> with suggestions from areas:suggestions as the person types."""

from django import forms
from django.conf import settings
from django.forms.models import ModelChoiceIterator
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.areas.picking import MAX_LENGTH, Typed, area_exactly, area_typed

NAME_HINT = _("Type the name of the area, or the beginning of it.")
PLACES_HINT = _("Type the name of the area, or a town or postcode in it.")


class _FewAreas(ModelChoiceIterator):
    """The select's options from the rows the field read to decide how to offer the areas (no
    second query)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for area in self.field.few_areas():
            yield self.choice(area)

    def __len__(self):
        return len(self.field.few_areas()) + (self.field.empty_label is not None)

    def __bool__(self):
        return self.field.empty_label is not None or bool(self.field.few_areas())


class AreaInput(forms.Select):
    """The select while the field's areas are few; otherwise a text input with a suggestion
    list and, after an ambiguous text, the matching areas to choose among."""

    typed_template_name = "areas/widgets/area_input.html"
    field = None  # set by AreaField

    def render(self, name, value, attrs=None, renderer=None):
        if not self.field.typed:
            return super().render(name, value, {**(attrs or {}), "class": "form-select"}, renderer)
        field = self.field
        attrs = self.build_attrs(self.attrs, attrs)
        choice_name = f"{name}-choice"
        context = {"widget": {
            "name": name, "value": "" if value is None else str(value), "attrs": attrs,
            "list_id": f"{attrs.get('id', name)}-suggestions", "max_length": MAX_LENGTH,
            "url": f"{reverse('areas:suggestions')}?felt={name}",
            "choice_name": choice_name,
            "matches": [(area.slug, field.label_from_instance(area), f"{attrs.get('id', name)}-choice-{i}")
                        for i, area in enumerate(field.matches)],
        }}
        return self._render(self.typed_template_name, context, renderer)

    def use_required_attribute(self, initial):
        # Select's version reads the first choice, which would read the areas.
        return forms.Widget.use_required_attribute(self, initial) and not self.field.typed

    def value_from_datadict(self, data, files, name):
        """A match chosen after an ambiguous text wins over the text."""
        return data.get(f"{name}-choice") or data.get(name)


class AreaField(forms.ModelChoiceField):
    """One local area of `queryset` (areas.selectors.area_choices() or a narrower set). With
    `places` the field's labels show towns and postcodes, so a typed number is a postcode;
    without, a number is an area's primary key (as filter links give it)."""

    widget = AreaInput
    iterator = _FewAreas

    def __init__(self, *, places: bool = False, typed_help_text=None, **kwargs):
        self._few = None
        kwargs.setdefault("queryset", LocalArea.objects.none())
        super().__init__(**kwargs)
        self.places = places
        self.typed_help_text = typed_help_text or (PLACES_HINT if places else NAME_HINT)
        self.matches, self.more, self._named = [], False, {}
        self.widget.field = self

    def __deepcopy__(self, memo):
        result = super().__deepcopy__(memo)
        result.widget.field = result
        result.matches, result.more, result._named = [], False, {}
        return result

    def _set_queryset(self, queryset):
        self._few = None
        super()._set_queryset(queryset)

    queryset = property(forms.ModelChoiceField._get_queryset, _set_queryset)

    @property
    def help_text(self):
        return self.typed_help_text if self.typed else self._help_text

    @help_text.setter
    def help_text(self, value):
        self._help_text = value

    def few_areas(self) -> list:
        """The first AREA_SELECT_MAX + 1 areas: all of them unless the field is typed."""
        if self._few is None:
            self._few = [] if self.queryset is None else list(
                self.queryset[:settings.AREA_SELECT_MAX + 1])
        return self._few

    @property
    def typed(self) -> bool:
        return len(self.few_areas()) > settings.AREA_SELECT_MAX

    def to_python(self, value):
        if value in self.empty_values or not self.typed:
            return super().to_python(value)
        text = str(value).strip()
        if len(text) > MAX_LENGTH:
            raise forms.ValidationError(
                _("Type at most %(count)s characters of the area's name."), code="max_length",
                params={"count": MAX_LENGTH})
        found = self._typed(text)
        if found.area is not None:
            return found.area
        if found.matches:
            self.matches, self.more = found.matches, found.more
            message = (_("More than %(count)s local areas match “%(text)s”. Choose one of the "
                         "first ones below, or type more of the name.") if found.more else
                       _("Several local areas match “%(text)s”. Choose the one you mean below, "
                         "or type more of the name."))
            raise forms.ValidationError(message, code="ambiguous",
                                        params={"text": text, "count": len(found.matches)})
        raise forms.ValidationError(
            _("No local area matches “%(text)s”. Check the spelling, or type the beginning of "
              "the name."), code="invalid_choice", params={"text": text})

    def offer(self, areas):
        """Offer `areas` to choose among (e.g. those an address may belong to)."""
        if self.typed:
            self.matches = list(areas)
        else:
            self.queryset = self.queryset.filter(pk__in=[area.pk for area in areas])

    def prepare_value(self, value):
        """In a typed field, the area's name (from an instance, a resolved text or a pk)."""
        if not self.typed:
            return super().prepare_value(value)
        if isinstance(value, LocalArea):
            return value.name
        text = "" if value is None else str(value).strip()
        if not text:
            return ""
        found = self._typed(text, quiet=True)
        return found.area.name if found.area is not None else text

    def _typed(self, text: str, *, quiet: bool = False):
        """What `text` names, read once per text; `quiet` (for showing a value) only looks for
        an exact name, slug or pk."""
        if text not in self._named:
            if quiet:
                return Typed(area=area_exactly(self.queryset, text, by_pk=not self.places))
            self._named[text] = area_typed(self.queryset, text, places=self.places)
        return self._named[text]
