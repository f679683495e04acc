# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django import forms
from django.utils.translation import gettext_lazy as _

from lokalkontakt.people.models import CoreArea, Employee


class CoreAreaForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    description = forms.CharField(label=_("Description"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    email = forms.EmailField(
        label=_("Shared mailbox"), required=False,
        help_text=_("Inquiries forwarded to the core area are e-mailed here; without one, to its "
                    "employees."))
    external_uuid = forms.UUIDField(label=_("External id (OS2mo/FK Organisation)"), required=False)
    leaders = forms.ModelMultipleChoiceField(
        label=_("Leaders"), required=False, queryset=Employee.objects.none(),
        help_text=_("They see which of the core area's staff are contacts and the time it costs. "
                    "Hold Ctrl (⌘ on a Mac) to choose more than one."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leaders"].queryset = Employee.objects.filter(is_active=True).order_by(
            "sort_name", "pk")


class EmployeeForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    title = forms.CharField(label=_("Job title"), max_length=150, required=False)
    core_area = forms.ModelChoiceField(label=_("Core area"), queryset=CoreArea.objects.none(),
                                       required=False, empty_label=_("No core area"))
    email = forms.EmailField(label=_("Work e-mail"), required=False)
    phone = forms.CharField(label=_("Work phone"), max_length=30, required=False)
    username = forms.CharField(
        label=_("User account"), max_length=150, required=False,
        help_text=_("The username the employee signs in with, if they have one."),
    )
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["core_area"].queryset = CoreArea.objects.order_by("sort_name")


class PasswordResetRequestForm(forms.Form):
    email = forms.EmailField(label=_("Your work e-mail"), max_length=254,
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))
