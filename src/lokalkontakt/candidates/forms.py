# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from lokalkontakt.candidates import selectors
from lokalkontakt.candidates.models import Nomination
from lokalkontakt.core.forms import DATE_INPUT
from lokalkontakt.core.selects import PlainSelect
from lokalkontakt.people.fields import EmployeeField
from lokalkontakt.people.models import CoreArea


def _staff_label(employee) -> str:
    details = ", ".join(part for part in [employee.title, str(employee.core_area or "")] if part)
    return f"{employee.name} ({details})" if details else employee.name


def _area_label(area) -> str:
    if getattr(area, "has_contact", True):
        return area.name
    return _("%(area)s – without a contact") % {"area": area.name}


def _leader_label(leader) -> str:
    return f"{leader.name} – {', '.join(core_area.name for core_area in leader.led)}"


class NominationForm(forms.Form):
    employee = EmployeeField(
        label=_("Employee"), empty_label=_("Choose an employee"),
        error_messages={"invalid_choice": _(
            "Choose one of the staff of the core areas you lead who is not already nominated.")})
    areas = forms.ModelMultipleChoiceField(
        label=_("Local areas"), required=False, queryset=None, widget=forms.CheckboxSelectMultiple,
        help_text=_("Optional: the areas the employee could take. Areas without a contact come "
                    "first."))
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Why the employee would be a good local contact, e.g. knows the area."))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employee"].queryset = selectors.nominable_staff(user=user)
        self.fields["employee"].label_from_instance = _staff_label
        self.fields["areas"].queryset = selectors.areas_uncovered_first()
        self.fields["areas"].label_from_instance = _area_label


class DecisionForm(forms.Form):
    ACCEPT, DECLINE = "accept", "decline"

    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect, choices=[
        (ACCEPT, _("Accept the nomination")), (DECLINE, _("Not chosen"))])
    area = forms.ModelChoiceField(
        label=_("Assign in"), required=False, queryset=None, empty_label=_("Assign later"),
        help_text=_("When accepting: the area to assign the employee to next. Areas without a "
                    "contact; those the nomination names first."))
    note = forms.CharField(label=_("Note to the leader"), required=False, max_length=500,
                           widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, nomination: Nomination, **kwargs):
        super().__init__(*args, **kwargs)
        named = Nomination.areas.through.objects.filter(nomination=nomination,
                                                        localarea=OuterRef("pk"))
        self.fields["area"].queryset = (selectors.areas_without_contact()
                                        .annotate(named=Exists(named))
                                        .order_by("-named", "sort_name"))

    @property
    def accepted(self) -> bool:
        return self.cleaned_data["decision"] == self.ACCEPT


class CandidateRequestForm(forms.Form):
    areas = forms.ModelMultipleChoiceField(
        label=_("Local areas"), queryset=None, widget=forms.CheckboxSelectMultiple,
        help_text=_("The areas without a contact. Chosen to begin with: those whose council is "
                    "interested or has not answered."))
    leaders = forms.ModelMultipleChoiceField(
        label=_("Leaders to ask"), queryset=None, widget=forms.CheckboxSelectMultiple)
    message = forms.CharField(label=_("Message"), required=False, max_length=5000,
                              widget=forms.Textarea(attrs={"rows": 5}))
    reply_by = forms.DateField(label=_("Answer by"), required=False, widget=DATE_INPUT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["areas"].queryset = selectors.areas_without_contact()
        self.fields["areas"].label_from_instance = lambda area: _(
            "%(area)s (council: %(answer)s)") % {
            "area": area.name, "answer": area.get_participation_display().lower()}
        self.fields["leaders"].queryset = selectors.leaders()
        self.fields["leaders"].label_from_instance = _leader_label


class ListedCoreAreaField(forms.ModelChoiceField):
    """A core area out of a list already loaded (`listed`): its choices and its validation need
    no query of their own (issue 20)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, queryset=CoreArea.objects.none(), **kwargs)
        self.listed = []

    def list(self, core_areas: list) -> None:
        self.listed = core_areas
        self.choices = [("", self.empty_label),
                        *((core_area.pk, core_area.name) for core_area in core_areas)]

    def to_python(self, value):
        if value in self.empty_values:
            return None
        self.validate_no_null_characters(value)
        found = next((each for each in self.listed if str(each.pk) == str(value)), None)
        if found is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice",
                                  params={"value": value})
        return found


class StaffFilterForm(forms.Form):
    is_filter = True  # no "(optional)" on the labels

    core_area = ListedCoreAreaField(label=_("Core area"), required=False,
                                    empty_label=_("All I may see"), widget=PlainSelect)

    def __init__(self, *args, core_areas: list, **kwargs):
        """`core_areas`: those the user may see (selectors.core_areas_to_see), in order."""
        super().__init__(*args, **kwargs)
        self.fields["core_area"].list(core_areas)
