# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A form field for one row that stays small however many rows there are (the base of
areas.fields.AreaField and people.fields.EmployeeField).

Up to the setting `select_max_setting` names it is the ordinary <select>. Above that the person
types the name; the server finds the row when the form is sent (the subclass's `exactly` and
`lookup`), so it works without JavaScript. A text that fits several rows is refused with the
first of them offered as radio buttons; with JavaScript, htmx fills a <datalist> with
suggestions from the widget's `suggestions_url_name` as the person types."""

from typing import NamedTuple

from django import forms
from django.conf import settings
from django.forms.models import ModelChoiceIterator
from django.urls import reverse


class _FewRows(ModelChoiceIterator):
    """The select's options from the rows the field read to decide how to offer the rows (no
    second query)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for row in self.field.few_rows():
            yield self.choice(row)

    def __len__(self):
        return len(self.field.few_rows()) + (self.field.empty_label is not None)

    def __bool__(self):
        return self.field.empty_label is not None or bool(self.field.few_rows())


class Typed(NamedTuple):
    """What a typed text names: one `row`, or the `matches` to choose among (`more` when there
    were more than those), or nothing (areas.picking, people.picking)."""

    row: object = None
    matches: list | tuple = ()
    more: bool = False


class TypedChoiceInput(forms.Select):
    """The select while the field's rows are few; otherwise a text input with a suggestion list
    and, after an ambiguous text, the matching rows to choose among. Subclasses give the
    template, the URL name of the suggestions and the attribute a chosen match sends."""

    typed_template_name = ""
    suggestions_url_name = ""
    choice_attribute = "pk"
    field = None  # set by the field

    def render(self, name, value, attrs=None, renderer=None):
        if not self.field.typed:
            return super().render(name, value, {**(attrs or {}), "class": "form-select"}, renderer)
        field = self.field
        attrs = self.build_attrs(self.attrs, attrs)
        element_id = attrs.get("id", name)
        context = {"widget": {
            "name": name, "value": "" if value is None else str(value), "attrs": attrs,
            "list_id": f"{element_id}-suggestions", "max_length": field.typed_max_length,
            "url": f"{reverse(self.suggestions_url_name)}?felt={name}",
            "choice_name": f"{name}-choice",
            "matches": [(getattr(row, self.choice_attribute), field.label_from_instance(row),
                         f"{element_id}-choice-{i}") for i, row in enumerate(field.matches)],
        }}
        return self._render(self.typed_template_name, context, renderer)

    def use_required_attribute(self, initial):
        # Select's version reads the first choice, which would read the rows.
        return forms.Widget.use_required_attribute(self, initial) and not self.field.typed

    def value_from_datadict(self, data, files, name):
        """A match chosen after an ambiguous text wins over the text."""
        return data.get(f"{name}-choice") or data.get(name)


class FewOrTyped:
    """What the fields for one row and for several (core.typed_multiple) share: the first
    select_max + 1 rows are read once to decide whether the field is the ordinary choice or
    typed, and forgotten when the queryset is set again."""

    select_max_setting = ""
    _few = None

    def _set_queryset(self, queryset):
        self._few = None
        super()._set_queryset(queryset)

    queryset = property(forms.ModelChoiceField._get_queryset, _set_queryset)

    @property
    def select_max(self) -> int:
        return getattr(settings, self.select_max_setting)

    def few_rows(self) -> list:
        """The first select_max + 1 rows: all of them unless the field is typed."""
        if self._few is None:
            self._few = [] if self.queryset is None else list(self.queryset[:self.select_max + 1])
        return self._few

    @property
    def typed(self) -> bool:
        return len(self.few_rows()) > self.select_max


class TypedModelChoiceField(FewOrTyped, forms.ModelChoiceField):
    """One row of `queryset`, typed when there are more than settings.<select_max_setting>.
    Subclasses give the widget, the setting's name, the longest text, the messages (lazy, with
    %(count)s and %(text)s as below) and the lookups `exactly` and `lookup`."""

    widget = TypedChoiceInput
    iterator = _FewRows
    model = None  # the queryset's model: its instances show their name
    select_max_setting = ""
    typed_max_length = 120
    name_hint = ""
    too_long_message = ""  # %(count)s: typed_max_length
    many_message = ""  # more than %(count)s match %(text)s
    several_message = ""  # %(count)s match %(text)s
    none_message = ""  # none matches %(text)s

    def __init__(self, *, typed_help_text=None, **kwargs):
        self._few = None
        kwargs.setdefault("queryset", self.model.objects.none())
        super().__init__(**kwargs)
        self.typed_help_text = typed_help_text or self.default_typed_help_text()
        self.matches, self.more, self._named = [], False, {}
        self.widget.field = self

    def default_typed_help_text(self):
        return self.name_hint

    def __deepcopy__(self, memo):
        result = super().__deepcopy__(memo)
        result.widget.field = result
        result.matches, result.more, result._named = [], False, {}
        return result

    @property
    def help_text(self):
        return self.typed_help_text if self.typed else self._help_text

    @help_text.setter
    def help_text(self, value):
        self._help_text = value

    def exactly(self, text: str):
        """The row of the queryset `text` names exactly, or None."""
        raise NotImplementedError

    def lookup(self, text: str) -> Typed:
        """What `text` names in the queryset."""
        raise NotImplementedError

    def to_python(self, value):
        if value in self.empty_values or not self.typed:
            return super().to_python(value)
        text = str(value).strip()
        if len(text) > self.typed_max_length:
            raise forms.ValidationError(self.too_long_message, code="max_length",
                                        params={"count": self.typed_max_length})
        row, matches, more = self._typed(text)
        if row is not None:
            return row
        if matches:
            self.matches, self.more = matches, more
            raise forms.ValidationError(self.many_message if more else self.several_message,
                                        code="ambiguous", params={"text": text, "count": len(matches)})
        raise forms.ValidationError(self.none_message, code="invalid_choice", params={"text": text})

    def prepare_value(self, value):
        """In a typed field, the row's name (from an instance, a resolved text or a pk)."""
        if not self.typed:
            return super().prepare_value(value)
        if isinstance(value, self.model):
            return value.name
        text = "" if value is None else str(value).strip()
        if not text:
            return ""
        row = self._typed(text, quiet=True).row
        return row.name if row is not None else text

    def _typed(self, text: str, *, quiet: bool = False) -> Typed:
        """What `text` names, read once per text; `quiet` (for showing a value) only looks for
        an exact name (or what `exactly` takes)."""
        if text not in self._named:
            if quiet:
                return Typed(self.exactly(text))
            self._named[text] = self.lookup(text)
        return self._named[text]
