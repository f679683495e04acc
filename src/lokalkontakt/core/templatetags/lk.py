# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Template helpers: DKFDS form widgets and Danish presentation details."""

from django import template
from django.utils.translation import gettext as _

from lokalkontakt.core.text import format_duration, format_duration_range

register = template.Library()

_WIDGET_CLASSES = {"select": "form-select", "checkboxinput": "form-checkbox",
                   "clearablefileinput": "form-file-input", "fileinput": "form-file-input",
                   "multiplefileinput": "form-file-input"}


# Django's label for "nothing chosen" in a select box, which reads as nothing to a person.
_DASHES = "---------"


@register.simple_tag
def label_empty_choice(field) -> str:
    """Give a choice field's empty choice a label a person can read instead of Django's
    "---------": "All" on a filter form, "Choose …" elsewhere. Fields that name their empty
    choice themselves (empty_label=…) keep it. Renders nothing."""
    formfield = field.field
    empty = _("All") if getattr(field.form, "is_filter", False) else _("Choose …")
    if getattr(formfield, "empty_label", None) == _DASHES:  # a ModelChoiceField
        formfield.empty_label = empty
    elif isinstance(getattr(formfield, "choices", None), list):
        choices = formfield.choices
        if choices and choices[0][0] in ("", None) and choices[0][1] == _DASHES:
            formfield.choices = [(choices[0][0], empty), *choices[1:]]
    return ""


@register.filter
def widget_type(field) -> str:
    """The widget's kind: its class's name, or what a widget whose shape depends on its rows
    says it draws now (core.typed_multiple)."""
    widget = field.field.widget
    kind = getattr(widget, "widget_type", None)
    return kind() if callable(kind) else widget.__class__.__name__.lower()


@register.simple_tag
def widget(field):
    """Render a field's widget with the DKFDS class and the accessible hint/error references."""
    kind = widget_type(field)
    attrs = {"class": _WIDGET_CLASSES.get(kind, "form-input")}
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}-hint")
    if field.errors:
        described.append(f"{field.auto_id}-error")
        attrs["aria-invalid"] = "true"
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return field.as_widget(attrs=attrs)


@register.filter
def phone_link(number: str) -> str:
    """A tel: URI for a Danish phone number as people write it."""
    digits = "".join(ch for ch in number if ch.isdigit() or ch == "+")
    return f"tel:{digits}"


@register.simple_tag(takes_context=True)
def panel(context, bound):
    """Render a registered panel (core.registry.panels_for) with the page's context and its own."""
    template = context.template.engine.get_template(bound.template)
    with context.push(bound.context):
        return template.render(context)


@register.filter
def duration(minutes) -> str:
    """{{ minutes|duration }}: "1 h 30 min", "2 hours" (core.text.format_duration)."""
    return format_duration(minutes)


@register.filter
def duration_range(low, high) -> str:
    """{{ band.low|duration_range:band.high }}: "1–1½ hours" (core.text.format_duration_range)."""
    return format_duration_range(low, high)
