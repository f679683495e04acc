# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A form field for several rows that stays small however many rows there are (the base of
areas.fields.AreaMultipleField; the counterpart of core.typed_choice for one row).

Up to the setting `select_max_setting` rows it is the ordinary list of checkboxes. Above that
the person writes one row per line (its name, or the beginning of it); the server finds the
rows when the form is sent (the subclass's `named` for every line at once, then `lookup` for the
lines not named exactly), so it works without JavaScript. Lines that fit no row or several are
refused, one message each (the several name the first matches to copy); nothing is chosen until
every line fits one row. The rows the lines found are listed under the field."""

from django import forms
from django.utils.text import format_lazy

from lokalkontakt.core.typed_choice import FewOrTyped, Typed, _FewRows

# Names shown in a message about a line that fits several rows.
NAMED_IN_MESSAGE = 5


class TypedMultipleInput(forms.CheckboxSelectMultiple):
    """The checkboxes while the field's rows are few; otherwise a textarea, one row a line, with
    the rows found listed under it. Subclasses give the template."""

    typed_template_name = ""
    rows = 6
    field = None  # set by the field

    def widget_type(self) -> str:
        """How includes/field.html draws the field (core.templatetags.lk.widget_type)."""
        return "textarea" if self.field.typed else "checkboxselectmultiple"

    def render(self, name, value, attrs=None, renderer=None):
        if not self.field.typed:
            return super().render(name, value, attrs, renderer)
        attrs = self.build_attrs(self.attrs, attrs)
        element_id = attrs.get("id", name)
        context = {"widget": {
            "name": name, "value": "" if value is None else str(value), "attrs": attrs,
            "rows": self.rows, "chosen": self.field.chosen, "chosen_id": f"{element_id}-chosen",
        }}
        return self._render(self.typed_template_name, context, renderer)

    def id_for_label(self, id_, index=None):
        # One control (the textarea) when typed: the label names it, not the first checkbox.
        if self.field.typed:
            return id_
        return super().id_for_label(id_, index)

    def value_from_datadict(self, data, files, name):
        if self.field.typed:
            return data.get(name)
        return super().value_from_datadict(data, files, name)


class TypedModelMultipleChoiceField(FewOrTyped, forms.ModelMultipleChoiceField):
    """Rows of `queryset`, one per line when there are more than settings.<select_max_setting>.
    Subclasses give the widget, the setting's name, the longest line, the messages (lazy, with
    %(count)s, %(text)s and %(names)s as below) and the lookups `named` and `lookup`."""

    widget = TypedMultipleInput
    iterator = _FewRows
    model = None  # the queryset's model: its instances show their name
    select_max_setting = ""
    typed_max_length = 120
    max_lines = 200
    lines_hint = ""
    too_long_message = ""  # %(text)s: the line's beginning, %(count)s: typed_max_length
    too_many_message = ""  # %(count)s: max_lines
    many_message = ""  # more than %(count)s match %(text)s, the first are %(names)s
    several_message = ""  # %(count)s match %(text)s: %(names)s
    none_message = ""  # none matches %(text)s

    def __init__(self, *, typed_help_text=None, **kwargs):
        self._few = None
        kwargs.setdefault("queryset", self.model.objects.none())
        super().__init__(**kwargs)
        self.typed_help_text = typed_help_text
        self.chosen, self._given = [], (None, [])
        self.widget.field = self

    def __deepcopy__(self, memo):
        result = super().__deepcopy__(memo)
        result.widget.field = result
        result.chosen, result._given = [], (None, [])
        return result

    @property
    def help_text(self):
        if not self.typed:
            return self._help_text
        if self.typed_help_text:
            return self.typed_help_text
        return format_lazy("{} {}", self.lines_hint, self._help_text) if self._help_text \
            else self.lines_hint

    @help_text.setter
    def help_text(self, value):
        self._help_text = value

    def named(self, texts: list[str]) -> dict:
        """text -> the row of the queryset it names exactly, for those of `texts` that do (one
        query for them all)."""
        raise NotImplementedError

    def lookup(self, text: str) -> Typed:
        """What `text` names in the queryset."""
        raise NotImplementedError

    def clean(self, value):
        if not self.typed:
            return super().clean(value)
        lines = self.lines(value)
        if not lines:
            self.chosen = []
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return []
        if len(lines) > self.max_lines:
            raise forms.ValidationError(self.too_many_message, code="max_lines",
                                        params={"count": self.max_lines})
        rows, errors = self.resolve(lines)
        self.chosen = rows
        if errors:
            raise forms.ValidationError(errors)
        self.run_validators(rows)
        return rows

    @staticmethod
    def lines(value) -> list[str]:
        """The lines of the text that say something, without repeats, in their order."""
        if isinstance(value, (list, tuple)):
            value = "\n".join(str(v) for v in value)
        text = "" if value is None else str(value)
        return list(dict.fromkeys(line.strip() for line in text.splitlines() if line.strip()))

    def resolve(self, lines: list[str]) -> tuple[list, list]:
        """The rows the lines name (each once, in the lines' order) and the errors of the lines
        that name none or several."""
        short = [line for line in lines if len(line) <= self.typed_max_length]
        exact = self.named(short)
        rows, errors = {}, []
        for line in lines:
            if len(line) > self.typed_max_length:
                errors.append(forms.ValidationError(
                    self.too_long_message, code="max_length",
                    params={"text": line[:30] + "…", "count": self.typed_max_length}))
                continue
            found = Typed(exact[line]) if line in exact else self.lookup(line)
            if found.row is not None:
                rows.setdefault(found.row.pk, found.row)
            elif found.matches:
                names = ", ".join(self.label_from_instance(row)
                                  for row in found.matches[:NAMED_IN_MESSAGE])
                errors.append(forms.ValidationError(
                    self.many_message if found.more or len(found.matches) > NAMED_IN_MESSAGE
                    else self.several_message, code="ambiguous",
                    params={"text": line, "count": len(found.matches), "names": names}))
            else:
                errors.append(forms.ValidationError(self.none_message, code="invalid_choice",
                                                    params={"text": line}))
        return list(rows.values()), errors

    def prepare_value(self, value):
        """In a typed field, the text of the lines: the rows' names for rows or primary keys
        (as initial data gives them; one query), else the text as it was sent."""
        if not self.typed:
            return super().prepare_value(value)
        if value is None or isinstance(value, str):
            return value or ""
        rows = self._rows_of(tuple(value))
        if not self.chosen:
            self.chosen = rows
        return "\n".join(row.name for row in rows)

    def _rows_of(self, values: tuple) -> list:
        """The rows of `values` (rows or primary keys), read once per form."""
        if self._given[0] != values:
            keys = [int(v) for v in values if not isinstance(v, self.model) and str(v).isdigit()]
            by_pk = self.queryset.in_bulk(keys) if keys else {}
            self._given = (values, [v if isinstance(v, self.model) else by_pk[int(v)]
                                    for v in values
                                    if isinstance(v, self.model) or str(v).isdigit()
                                    and int(v) in by_pk])
        return self._given[1]

    def has_changed(self, initial, data):
        if not self.typed:
            return super().has_changed(initial, data)
        return self.lines(self.prepare_value(initial)) != self.lines(data)
