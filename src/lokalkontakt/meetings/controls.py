# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The arrange form's order and decision controls, written as Django's widgets write them (the
same HTML, errors included) from each field's name, value, label and errors: per row in Python,
not through Django's widget templates nor a template loop per row and option, whose work grew
with the rows a page shows (issue 20). A control is described by a Control: a bound field's
figures, or an unbound form's (its initial value, no errors) without making a BoundField."""

from typing import NamedTuple

from django.utils.formats import localize
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe


class Control(NamedTuple):
    html_name: str
    auto_id: str
    label: str
    value: object
    errors: list


def control(form, name: str) -> Control:
    """The figures of the form's field `name`: from its BoundField when the form is bound, else
    from the field itself (its initial value, as the BoundField's) with no errors."""
    if form.is_bound:
        field = form[name]
        return Control(field.html_name, field.auto_id, field.label, field.value(), field.errors)
    html_name, field = form.add_prefix(name), form.fields[name]
    return Control(html_name, form.auto_id % html_name, field.label, field.initial, [])


def _invalid(field) -> SafeString:
    return format_html(' aria-invalid="true" aria-describedby="{}-error"', field.auto_id) \
        if field.errors else mark_safe("")


def order_control(field) -> SafeString:
    """The number input of an item's order, in its form group with label and errors."""
    value = field.value
    value_attr = format_html(' value="{}"', localize(value)) \
        if value is not None and value != "" else ""
    errors = format_html('<span class="form-error-message" id="{}-error">{}</span>',
                         field.auto_id, format_html_join(" ", "{}", ((e,) for e in field.errors))) \
        if field.errors else ""
    return format_html(
        '<div class="form-group{}"><label class="sr-only" for="{}">{}</label>{}'
        '<input type="number" name="{}"{} min="1" max="999" class="form-input"{} required'
        ' id="{}"></div>',
        " form-error" if field.errors else "", field.auto_id, field.label, errors,
        field.html_name, value_attr, _invalid(field), field.auto_id)


def decision_options(choices) -> dict[str | None, SafeString]:
    """The select's options for each chosen value (None: none chosen): the same few strings
    for every row."""
    def options(chosen):
        return format_html_join("", '  <option value="{}"{}>{}</option>\n\n', (
            (value, " selected" if value == chosen else "", label) for value, label in choices))
    return {chosen: options(chosen) for chosen in [None, *(value for value, _label in choices)]}


def decision_control(field, options: dict[str | None, SafeString]) -> SafeString:
    """The select of an item's decision, in its form group with label; `options` from
    decision_options (a value not among the choices selects none)."""
    chosen = str(field.value)
    return format_html(
        '<div class="form-group"><label class="sr-only" for="{}">{}</label><select name="{}"'
        ' class="form-select"{} id="{}">\n{}</select></div>',
        field.auto_id, field.label, field.html_name, _invalid(field), field.auto_id,
        options.get(chosen) or options[None])
