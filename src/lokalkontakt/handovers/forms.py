# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django import forms
from django.utils.translation import gettext_lazy as _

from lokalkontakt.core.forms import DATE_INPUT
from lokalkontakt.core.recipients import reason_label
from lokalkontakt.handovers.models import Handover
from lokalkontakt.people.fields import EmployeeField
from lokalkontakt.people.picking import active_employees

NOTE_MAX_LENGTH = Handover._meta.get_field("handover_note").max_length
REASON_MAX_LENGTH = Handover._meta.get_field("cancel_reason").max_length


class HandoverStartForm(forms.Form):
    to_employee = EmployeeField(
        label=_("New contact"),
        help_text=_("An active employee. They confirm before the handover is completed."))
    switch_on = forms.DateField(
        label=_("Handover date"), widget=DATE_INPUT,
        help_text=_("From this date the new contact is the area's contact (today or later)."))

    def __init__(self, *args, current=None, **kwargs):
        super().__init__(*args, **kwargs)
        employees = active_employees()
        if current is not None:
            employees = employees.exclude(pk=current.pk)
        self.fields["to_employee"].queryset = employees
        self.fields["to_employee"].label_from_instance = _employee_label


def _employee_label(employee) -> str:
    """The name, the core area, and why they would get no e-mail about the handover."""
    name = f"{employee.name} ({employee.core_area})" if employee.core_area else employee.name
    return name + reason_label(employee, needs_login=True)


class HandoverNoteForm(forms.Form):
    handover_note = forms.CharField(
        label=_("Handover note"), max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("What the new contact should know: the council's people, agreements, open "
                    "inquiries and matters, what is coming up."))


class HandoverRescheduleForm(forms.Form):
    switch_on = forms.DateField(label=_("New handover date"), widget=DATE_INPUT,
                                help_text=_("Today or later."))


class HandoverCancelForm(forms.Form):
    cancel_reason = forms.CharField(label=_("Reason for cancelling"), max_length=REASON_MAX_LENGTH,
                                    widget=forms.Textarea(attrs={"rows": 3}))
