# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Suggestions on the forms where staff choose focus areas (an inquiry's, a consultation's, a
note's). The suggestions are computed when the page renders, so they need no JavaScript; a form
whose text is still being written offers a "Suggest focus areas" button (SUGGEST) that shows the
form again with what was typed, and the suggestions. A suggestion is ticked only while no focus
area is: staff's own choice is never overwritten. Saving is the form's ordinary save."""

from django import forms

from lokalkontakt.core.suggest.engine import suggest_focus_areas

SUGGEST = "foreslaa"  # the name of the button that asks for suggestions


def wants_suggestions(request) -> bool:
    """Whether the form was sent with the "Suggest focus areas" button (not to be saved)."""
    return request.method == "POST" and SUGGEST in request.POST


def kept_initial(form: forms.Form) -> dict:
    """A bound form's submitted values, as initial data for an unbound copy that shows them
    again without judging them (files cannot be kept: a browser sends them only once)."""
    return {name: field.widget.value_from_datadict(form.data, form.files, form.add_prefix(name))
            for name, field in form.fields.items() if not isinstance(field, forms.FileField)}


def offer_suggestions(form: forms.Form, *texts: str, field: str = "focus_areas",
                      button: bool = False) -> list:
    """Attach the suggestions for the texts to the form (rendered with its focus-area field by
    includes/field.html) and tick them when no focus area is chosen yet."""
    suggestions = suggest_focus_areas(*texts)
    form.offers_suggestions, form.suggest_button = True, button
    form.focus_suggestions = suggestions
    form.suggestions_ticked = False
    ids = [str(s.focus_area.pk) for s in suggestions]
    if not ids:
        return suggestions
    name = form.add_prefix(field)
    if form.is_bound:
        if not form.data.getlist(name):
            form.data = form.data.copy()
            form.data.setlist(name, ids)
            form.suggestions_ticked = True
    elif not form.initial.get(field):
        form.initial[field] = ids
        form.suggestions_ticked = True
    return suggestions
