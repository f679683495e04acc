# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Selects written in Python (issue 20): Django renders a select and each of its options through
templates (select.html, select_option.html, attrs.html), some 1.5 ms a select of 30 options, half
the inquiry list's template time. select_html writes the same markup from the widget's own
context (Select.get_context), so what is selected and each attribute stay Django's. A form
declares PlainSelect, or has every select of its own rendered so (render_selects_in_python:
for fields whose widget changes with the data, such as the typed fields)."""

from django import forms
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

SELECT_TEMPLATE = "django/forms/widgets/select.html"


def _attrs(attrs: dict) -> str:
    """attrs.html: ` name="value"` for each attribute, the name alone for True, none for False."""
    return "".join(
        f" {conditional_escape(name)}" if value is True else
        f' {conditional_escape(name)}="{conditional_escape(str(value))}"'
        for name, value in attrs.items() if value is not False)


def select_html(widget: dict) -> str:
    """select.html with select_option.html for each option (each option's template ends with a
    newline, as the file does), from a Select's context["widget"], as the form renderer gives it
    (stripped)."""
    parts = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for option in group_choices:
            parts.append(f'\n  <option value="{conditional_escape(str(option["value"]))}"'
                         f'{_attrs(option["attrs"])}>{conditional_escape(option["label"])}'
                         "</option>\n")
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")  # the renderer strips the template's closing newline
    return "".join(parts)


def render_selects_in_python(form) -> None:
    """Each of the form's select widgets renders select.html by select_html; any other template
    (a typed field's text input) as before."""
    for field in form.fields.values():
        widget = field.widget
        template_render = widget._render

        def _render(template_name, context, renderer=None, template_render=template_render):
            if template_name == SELECT_TEMPLATE and "optgroups" in context["widget"]:
                return mark_safe(select_html(context["widget"]))  # noqa: S308 - escaped
            return template_render(template_name, context, renderer)

        widget._render = _render


class PlainSelect(forms.Select):
    """Django's select, its markup written by select_html."""

    def widget_type(self) -> str:
        return "select"  # the DKFDS class of a select (core.templatetags.lk)

    def _render(self, template_name, context, renderer=None):
        if template_name == SELECT_TEMPLATE and "optgroups" in context["widget"]:
            return mark_safe(select_html(context["widget"]))  # noqa: S308 - escaped
        return super()._render(template_name, context, renderer)
