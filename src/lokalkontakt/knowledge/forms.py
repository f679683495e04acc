# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django import forms
from django.utils.translation import gettext_lazy as _

from lokalkontakt.areas.fields import AreaField
from lokalkontakt.areas.selectors import area_choices
from lokalkontakt.core.forms import attachments_field
from lokalkontakt.core.models import FocusArea
from lokalkontakt.knowledge.models import Note


def _areas():
    return area_choices()  # Danish order (æ, ø, å last)


class NoteFilterForm(forms.Form):
    is_filter = True  # no "(optional)" on the labels

    area = AreaField(label=_("Local area"), required=False, empty_label=_("All areas"))
    kind = forms.ChoiceField(label=_("Kind"), required=False,
                             choices=[("", _("All kinds")), *Note.Kind.choices])
    focus_area = forms.ModelChoiceField(label=_("Focus area"), required=False, queryset=None,
                                        empty_label=_("All focus areas"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = _areas()
        self.fields["focus_area"].queryset = FocusArea.objects.order_by("number")


class NoteForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    area = AreaField(label=_("Local area"), required=False,
                     empty_label=_("General note for the whole scheme"),
                     typed_help_text=_("Type the name of the area, or the beginning of it; "
                                       "leave it empty for a general note for the whole scheme."))
    kind = forms.ChoiceField(label=_("Kind"), choices=Note.Kind.choices)
    text = forms.CharField(
        label=_("Text"), max_length=50000, widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Markdown: **bold**, *italic*, lists with - or 1., links as [text](https://…), "
                    "headings with ###."))
    visibility = forms.ChoiceField(label=_("Who may read the note"), choices=Note.Visibility.choices,
                                   widget=forms.RadioSelect, initial=Note.Visibility.STAFF)
    focus_areas = forms.ModelMultipleChoiceField(
        label=_("Focus areas"), required=False, queryset=None, widget=forms.CheckboxSelectMultiple)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args, note: Note | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = _areas()
        self.fields["focus_areas"].queryset = FocusArea.objects.order_by("number")
        # Added here so that the help text names the limits in force.
        self.fields["attachments"] = attachments_field()
        if note is not None and note.attachments.all():
            self.fields["remove_attachments"] = forms.ModelMultipleChoiceField(
                label=_("Remove attachments"), required=False, queryset=note.attachments.all(),
                widget=forms.CheckboxSelectMultiple)

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        arguments = {key: data[key] for key in
                     ["title", "area", "kind", "text", "visibility", "focus_areas", "attachments"]}
        if "remove_attachments" in self.fields:
            arguments["remove_attachments"] = list(data["remove_attachments"])
        return arguments

    @classmethod
    def initial_of(cls, note: Note) -> dict:
        return {"title": note.title, "area": note.area_id, "kind": note.kind, "text": note.text,
                "visibility": note.visibility, "version": note.version,
                "focus_areas": [focus.pk for focus in note.focus_areas.all()]}


class FollowForm(forms.Form):
    """What an employee follows: local areas (Danish order) and focus areas."""

    areas = forms.ModelMultipleChoiceField(
        label=_("Local areas"), required=False, queryset=None, widget=forms.CheckboxSelectMultiple)
    focus_areas = forms.ModelMultipleChoiceField(
        label=_("Focus areas"), required=False, queryset=None, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["areas"].queryset = _areas()
        self.fields["focus_areas"].queryset = FocusArea.objects.order_by("number")

    @classmethod
    def initial_of(cls, employee) -> dict:
        follows = employee.follows.all()
        return {"areas": [f.area_id for f in follows if f.area_id],
                "focus_areas": [f.focus_area_id for f in follows if f.focus_area_id]}
