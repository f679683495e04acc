# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lokalkontakt.areas.models import AssignmentRole, Coverage, LocalArea, Participation
from lokalkontakt.core.recipients import reason_label
from lokalkontakt.people.fields import EmployeeField
from lokalkontakt.people.models import Employee
from lokalkontakt.people.picking import active_employees


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


# The public directory says what coverage means to a citizen, not the coordinator's terms
# (areas/_coverage_badge.html with plain=True says the same).
COVERAGE_IN_PLAIN_WORDS = [
    (Coverage.COVERED, _("Has a local contact")),
    (Coverage.HANDOVER, _("New local contact on the way")),
    (Coverage.UNCOVERED, _("No local contact yet")),
]


class DirectorySearchForm(forms.Form):
    q = forms.CharField(label=_("Search by area, town or postcode"), required=False, max_length=100)
    coverage = forms.ChoiceField(
        label=_("Show"), required=False,
        choices=[("", _("All areas")), *COVERAGE_IN_PLAIN_WORDS],
    )


class AssignmentForm(forms.Form):
    employee = EmployeeField(label=_("Employee"), empty_label=_("Choose an employee"))
    role = forms.ChoiceField(label=_("Role"), choices=AssignmentRole.choices,
                             widget=forms.RadioSelect, initial=AssignmentRole.PRIMARY)
    starts_on = forms.DateField(label=_("From"), widget=DateInput())
    replace = forms.BooleanField(
        label=_("Replace the current holder of the role"), required=False,
        help_text=_("The current assignment ends on the start date and stays in the history."),
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    # Only for an area whose council has not said yes (areas.services.council_check decides).
    council_confirmed = forms.BooleanField(label=_("Assign anyway"), required=False)
    council_reason = forms.CharField(label=_("Reason for assigning anyway"), required=False,
                                     max_length=500, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, area: LocalArea, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employee"].queryset = active_employees()
        self.fields["employee"].label_from_instance = _employee_label
        self.fields["starts_on"].initial = timezone.localdate()
        if area.participation == Participation.INTERESTED:
            del self.fields["council_confirmed"], self.fields["council_reason"]
        else:
            self.fields["council_reason"].help_text = (
                _("Required, as the council has said no. Recorded in the area's history.")
                if area.participation == Participation.DECLINED
                else _("Recorded in the area's history."))

    def assignment_data(self) -> dict:
        """The service's arguments: the council's answer is always checked (council_confirmed
        False where the form does not ask, so an answer changed meanwhile is still caught)."""
        return {"council_confirmed": False, **self.cleaned_data}


def _employee_label(employee: Employee) -> str:
    details = ", ".join(part for part in [employee.title, str(employee.core_area or "")] if part)
    # and why the welcome e-mail would not reach them (core.recipients)
    return (f"{employee.name} ({details})" if details else employee.name) + reason_label(employee)


class EndAssignmentForm(forms.Form):
    ends_on = forms.DateField(label=_("Last day"), widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ends_on"].initial = timezone.localdate()


class HandoverForm(forms.Form):
    due = forms.TypedChoiceField(
        label=_("Handover"), coerce=lambda value: value == "1", widget=forms.RadioSelect,
        choices=[("1", _("A handover to a new contact is due")), ("0", _("No handover is due"))],
    )


class ParticipationForm(forms.Form):
    invited_on = forms.DateField(
        label=_("Invitation sent"), required=False, widget=DateInput(),
        help_text=_("The day the council was offered a local contact."))
    answer = forms.ChoiceField(label=_("The council's answer"), choices=Participation.choices,
                               widget=forms.RadioSelect)
    answered_on = forms.DateField(label=_("Date of the answer"), required=False, widget=DateInput())
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class AreaForm(forms.ModelForm):
    council_name = forms.CharField(label=_("Council"), required=False, max_length=200)
    council_email = forms.EmailField(label=_("Council's e-mail"), required=False)
    council_website = forms.URLField(label=_("Council's website"), required=False,
                                     assume_scheme="https")
    council_chair_name = forms.CharField(label=_("Chair"), required=False, max_length=150)
    council_chair_email = forms.EmailField(label=_("Chair's e-mail"), required=False)
    council_chair_phone = forms.CharField(label=_("Chair's phone"), required=False, max_length=30)

    class Meta:
        model = LocalArea
        fields = ["name", "towns", "postcodes", "parish", "population", "population_year",
                  "latitude", "longitude", "community_forming"]
        help_texts = {
            "towns": _("Separate towns with a semicolon."),
            "postcodes": _("Four digits each, separated by spaces."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        council = getattr(self.instance, "council", None) if self.instance.pk else None
        if council is not None:
            for name in self.council_fields():
                self.initial[f"council_{name}"] = getattr(council, name)

    @staticmethod
    def council_fields():
        return ["name", "email", "website", "chair_name", "chair_email", "chair_phone"]

    def council_data(self) -> dict:
        return {name: self.cleaned_data[f"council_{name}"] for name in self.council_fields()}

    def area_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File (CSV or XLSX)"),
        help_text=_("At most 2 MB. Download the template to see the columns."),
    )

    MAX_BYTES = 2 * 1024 * 1024

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Choose a CSV or XLSX file."))
        return upload


class BoundaryUploadForm(forms.Form):
    """The first step of the outlines' import: the file (areas.boundaries checks its content)."""

    file = forms.FileField(
        label=_("File (GeoJSON)"),
        help_text=_("A FeatureCollection of outlines (Polygon or MultiPolygon) in longitude and "
                    "latitude, WGS84 (EPSG:4326); at most 5 MB."),
    )

    MAX_BYTES = 5 * 1024 * 1024

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload


class BoundaryPreviewForm(forms.Form):
    """The second step: which property holds the name, then preview again or save."""

    kept = forms.CharField(widget=forms.HiddenInput)
    name_property = forms.ChoiceField(
        label=_("Property with the area's name"),
        help_text=_("The features are matched to the areas by this name (or the area's parish)."),
    )

    def __init__(self, *args, keys: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name_property"].choices = [(key, key) for key in keys]


class ConflictSettleForm(forms.Form):
    """Settling a source conflict: the value kept, and why."""

    kept = forms.ChoiceField(label=_("Value kept"), widget=forms.RadioSelect)
    note = forms.CharField(label=_("Note"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, choices: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kept"].choices = choices
