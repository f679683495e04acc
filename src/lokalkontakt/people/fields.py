# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A form field for one employee that stays small however many employees there are (as
areas.fields.AreaField does for areas).

Up to settings.EMPLOYEE_SELECT_MAX employees it is the ordinary <select>. Above that the person
types the name (or its beginning, or a surname); the server finds the employee when the form is
sent (people.picking), so it works without JavaScript. A text that fits several employees is
refused with the first of them offered as radio buttons; with JavaScript, htmx fills a
<datalist> with suggestions from people:suggestions as the person types."""

from django import forms
from django.conf import settings
from django.forms.models import ModelChoiceIterator
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lokalkontakt.people.models import Employee
from lokalkontakt.people.picking import (
    MAX_LENGTH,
    Typed,
    employee_exactly,
    employee_label,
    employee_typed,
)

NAME_HINT = _("Type the employee's name, or the beginning of it.")


class _FewEmployees(ModelChoiceIterator):
    """The select's options from the rows the field read to decide how to offer the employees
    (no second query)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for employee in self.field.few_employees():
            yield self.choice(employee)

    def __len__(self):
        return len(self.field.few_employees()) + (self.field.empty_label is not None)

    def __bool__(self):
        return self.field.empty_label is not None or bool(self.field.few_employees())


class EmployeeInput(forms.Select):
    """The select while the field's employees are few; otherwise a text input with a suggestion
    list and, after an ambiguous text, the matching employees to choose among."""

    typed_template_name = "people/widgets/employee_input.html"
    field = None  # set by EmployeeField

    def render(self, name, value, attrs=None, renderer=None):
        if not self.field.typed:
            return super().render(name, value, {**(attrs or {}), "class": "form-select"}, renderer)
        field = self.field
        attrs = self.build_attrs(self.attrs, attrs)
        element_id = attrs.get("id", name)
        context = {"widget": {
            "name": name, "value": "" if value is None else str(value), "attrs": attrs,
            "list_id": f"{element_id}-suggestions", "max_length": MAX_LENGTH,
            "url": f"{reverse('people:suggestions')}?felt={name}",
            "choice_name": f"{name}-choice",
            "matches": [(employee.pk, field.label_from_instance(employee), f"{element_id}-choice-{i}")
                        for i, employee in enumerate(field.matches)],
        }}
        return self._render(self.typed_template_name, context, renderer)

    def use_required_attribute(self, initial):
        # Select's version reads the first choice, which would read the employees.
        return forms.Widget.use_required_attribute(self, initial) and not self.field.typed

    def value_from_datadict(self, data, files, name):
        """A match chosen after an ambiguous text wins over the text."""
        return data.get(f"{name}-choice") or data.get(name)


class EmployeeField(forms.ModelChoiceField):
    """One employee of `queryset` (people.picking.active_employees() or a narrower set). A number
    is an employee's primary key (as filter links give it)."""

    widget = EmployeeInput
    iterator = _FewEmployees

    def __init__(self, *, typed_help_text=None, **kwargs):
        self._few = None
        kwargs.setdefault("queryset", Employee.objects.none())
        super().__init__(**kwargs)
        self.typed_help_text = typed_help_text or NAME_HINT
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

    def label_from_instance(self, obj):
        return employee_label(obj)

    def few_employees(self) -> list:
        """The first EMPLOYEE_SELECT_MAX + 1 employees: all of them unless the field is typed."""
        if self._few is None:
            self._few = [] if self.queryset is None else list(
                self.queryset[:settings.EMPLOYEE_SELECT_MAX + 1])
        return self._few

    @property
    def typed(self) -> bool:
        return len(self.few_employees()) > settings.EMPLOYEE_SELECT_MAX

    def to_python(self, value):
        if value in self.empty_values or not self.typed:
            return super().to_python(value)
        text = str(value).strip()
        if len(text) > MAX_LENGTH:
            raise forms.ValidationError(
                _("Type at most %(count)s characters of the employee's name."), code="max_length",
                params={"count": MAX_LENGTH})
        found = self._typed(text)
        if found.employee is not None:
            return found.employee
        if found.matches:
            self.matches, self.more = found.matches, found.more
            message = (_("More than %(count)s employees match “%(text)s”. Choose one of the "
                         "first ones below, or type more of the name.") if found.more else
                       _("Several employees match “%(text)s”. Choose the one you mean below, "
                         "or type more of the name."))
            raise forms.ValidationError(message, code="ambiguous",
                                        params={"text": text, "count": len(found.matches)})
        raise forms.ValidationError(
            _("No employee matches “%(text)s”. Check the spelling, or type the beginning of the "
              "name."), code="invalid_choice", params={"text": text})

    def prepare_value(self, value):
        """In a typed field, the employee's name (from an instance, a resolved text or a pk)."""
        if not self.typed:
            return super().prepare_value(value)
        if isinstance(value, Employee):
            return value.name
        text = "" if value is None else str(value).strip()
        if not text:
            return ""
        found = self._typed(text, quiet=True)
        return found.employee.name if found.employee is not None else text

    def _typed(self, text: str, *, quiet: bool = False) -> Typed:
        """What `text` names, read once per text; `quiet` (for showing a value) only looks for an
        exact name or pk."""
        if text not in self._named:
            if quiet:
                return Typed(employee=employee_exactly(self.queryset, text))
            self._named[text] = employee_typed(self.queryset, text)
        return self._named[text]
