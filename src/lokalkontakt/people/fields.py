# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A form field for one employee that stays small however many employees there are
(core.typed_choice, as areas.fields.AreaField does for areas).

Up to settings.EMPLOYEE_SELECT_MAX employees it is the ordinary <select>. Above that the person
types the name (or its beginning, or a surname); the server finds the employee when the form is
sent (people.picking), so it works without JavaScript. A text that fits several employees is
refused with the first of them offered as radio buttons; with JavaScript, htmx fills a
<datalist> with suggestions from people:suggestions as the person types."""

from django.utils.translation import gettext_lazy as _

from lokalkontakt.core.typed_choice import Typed, TypedChoiceInput, TypedModelChoiceField
from lokalkontakt.people.models import Employee
from lokalkontakt.people.picking import (
    MAX_LENGTH,
    employee_exactly,
    employee_label,
    employee_typed,
)

NAME_HINT = _("Type the employee's name, or the beginning of it.")


class EmployeeInput(TypedChoiceInput):
    """The select while the field's employees are few; otherwise a text input with a suggestion
    list and, after an ambiguous text, the matching employees to choose among."""

    typed_template_name = "people/widgets/employee_input.html"
    suggestions_url_name = "people:suggestions"
    choice_attribute = "pk"


class EmployeeField(TypedModelChoiceField):
    """One employee of `queryset` (people.picking.active_employees() or a narrower set). A number
    is an employee's primary key (as filter links give it)."""

    widget = EmployeeInput
    model = Employee
    select_max_setting = "EMPLOYEE_SELECT_MAX"
    typed_max_length = MAX_LENGTH
    name_hint = NAME_HINT
    too_long_message = _("Type at most %(count)s characters of the employee's name.")
    many_message = _("More than %(count)s employees match “%(text)s”. Choose one of the "
                     "first ones below, or type more of the name.")
    several_message = _("Several employees match “%(text)s”. Choose the one you mean below, "
                        "or type more of the name.")
    none_message = _("No employee matches “%(text)s”. Check the spelling, or type the beginning "
                     "of the name.")

    def label_from_instance(self, obj):
        return employee_label(obj)

    def exactly(self, text: str):
        """The employee named `text` exactly (name or pk)."""
        return employee_exactly(self.queryset, text)

    def lookup(self, text: str) -> Typed:
        return employee_typed(self.queryset, text)
