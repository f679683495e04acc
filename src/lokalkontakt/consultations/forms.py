# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lokalkontakt.areas.fields import AreaMultipleField
from lokalkontakt.areas.selectors import area_choices
from lokalkontakt.consultations.models import Consultation
from lokalkontakt.core.forms import attachments_field
from lokalkontakt.core.models import FocusArea


class ConsultationForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), max_length=20000, widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What the initiative is about and what you would like the local areas' "
                    "view on."))
    deadline = forms.DateField(label=_("Deadline for responses"),
                               widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                               help_text=_("A date after today."))
    all_areas = forms.BooleanField(label=_("Ask all local areas"), required=False)
    areas = AreaMultipleField(
        label=_("Local areas"), required=False,
        help_text=_("Choose the areas to ask, or tick “Ask all local areas”."))
    focus_areas = forms.ModelMultipleChoiceField(
        label=_("Focus areas"), required=False, queryset=None, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["areas"].queryset = area_choices()
        self.fields["focus_areas"].queryset = FocusArea.objects.order_by("number")
        # Added here so that the help text names the limits in force.
        self.fields["attachments"] = attachments_field()

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline <= timezone.localdate():
            raise ValidationError(_("The deadline must be after today."))
        return deadline

    def clean(self):
        data = super().clean()
        if data.get("all_areas"):
            data["areas"] = list(self.fields["areas"].queryset)
        elif "areas" in data and not data["areas"]:
            self.add_error("areas", _("Choose at least one local area, or all areas."))
        return data

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {key: data[key] for key in
                ["title", "description", "deadline", "areas", "focus_areas", "attachments"]}


class ResponseForm(forms.Form):
    NO_COMMENTS = "no_comments"
    kind = forms.ChoiceField(label=_("The area's answer"), widget=forms.RadioSelect,
                             initial="response", choices=[
                                 ("response", _("A response")),
                                 (NO_COMMENTS, _("No comments"))])
    response = forms.CharField(label=_("Response"), required=False, max_length=20000,
                               widget=forms.Textarea(attrs={"rows": 8}),
                               help_text=_("Required unless you choose “No comments”."))
    heard = forms.CharField(
        label=_("Who was heard"), required=False, max_length=500,
        help_text=_("For example: the local council's board, a citizens' meeting on 3 March."))
    remove_attachments = forms.ModelMultipleChoiceField(
        label=_("Remove attachments"), required=False, queryset=None,
        widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, task, **kwargs):
        super().__init__(*args, **kwargs)
        # Required with "A response" (see clean): the field template then shows no "(optional)".
        self.fields["response"].required_when = True
        # Added here so that the help text names the limits in force.
        self.fields["attachments"] = attachments_field()
        self.fields["remove_attachments"].queryset = task.attachments.all()
        if not task.attachments.all():
            del self.fields["remove_attachments"]

    def clean(self):
        data = super().clean()
        if data.get("kind") != self.NO_COMMENTS and not (data.get("response") or "").strip():
            self.add_error("response", _("Write the response, or choose “No comments”."))
        return data

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {"no_comments": data["kind"] == self.NO_COMMENTS, "response": data["response"],
                "heard": data["heard"], "attachments": data["attachments"],
                "remove_attachments": data.get("remove_attachments") or []}


class ConsultationFilterForm(forms.Form):
    is_filter = True  # the field template marks no field "(optional)"

    scope = forms.ChoiceField(label=_("Show"), required=False, choices=[
        ("requested", _("Consultations I requested")), ("all", _("All I may see"))])
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[
        # "Open" as a filter of several consultations (Danish "Åbne"); the status itself is singular.
        (Consultation.Status.OPEN, pgettext_lazy("consultations filter", "Open")),
        (Consultation.Status.CLOSED, Consultation.Status.CLOSED.label), ("any", _("All"))])


class TaskFilterForm(forms.Form):
    is_filter = True  # the field template marks no field "(optional)"

    status = forms.ChoiceField(label=_("Show"), required=False, choices=[
        ("open", _("Of open consultations")), ("any", _("All"))])
