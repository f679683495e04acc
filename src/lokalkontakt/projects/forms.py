# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django import forms
from django.utils.translation import gettext_lazy as _

from lokalkontakt.areas.fields import AreaMultipleField
from lokalkontakt.areas.selectors import area_choices
from lokalkontakt.core.forms import DATE_INPUT
from lokalkontakt.core.models import FocusArea
from lokalkontakt.people.fields import EmployeeField
from lokalkontakt.people.picking import active_employees
from lokalkontakt.projects.models import Project


class ProjectForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    status = forms.ChoiceField(label=_("Status"), choices=Project.Status.choices)
    description = forms.CharField(label=_("Description"), required=False, max_length=20000,
                                  widget=forms.Textarea(attrs={"rows": 5}))
    lead = EmployeeField(label=_("Lead"), required=False, empty_label=_("No lead yet"))
    areas = AreaMultipleField(label=_("Local areas"))
    focus_areas = forms.ModelMultipleChoiceField(label=_("Focus areas"), required=False,
                                                 queryset=None, widget=forms.CheckboxSelectMultiple)
    coordinator_part = forms.CharField(
        label=_("The coordinator's part"), required=False, max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}))
    notes = forms.CharField(label=_("Notes"), required=False, max_length=20000,
                            widget=forms.Textarea(attrs={"rows": 5}),
                            help_text=_("Internal: how the project is going, for staff."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead"].queryset = active_employees()
        self.fields["areas"].queryset = area_choices()
        self.fields["focus_areas"].queryset = FocusArea.objects.order_by("number")

    @classmethod
    def initial_of(cls, project: Project) -> dict:
        return {"title": project.title, "status": project.status,
                "description": project.description, "lead": project.lead_id,
                "areas": [a.pk for a in project.areas.all()],
                "focus_areas": [f.pk for f in project.focus_areas.all()],
                "coordinator_part": project.coordinator_part, "notes": project.notes}


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Milestone"), max_length=200)
    due_on = forms.DateField(label=_("Planned for"), required=False, widget=DATE_INPUT)


class ProjectFilterForm(forms.Form):
    is_filter = True  # no "(optional)" on the labels

    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("All")), *Project.Status.choices])
