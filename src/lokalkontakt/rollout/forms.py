# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from lokalkontakt.areas.models import LocalArea, Participation
from lokalkontakt.core.forms import DATE_INPUT
from lokalkontakt.core.selects import PlainSelect
from lokalkontakt.rollout.models import RolloutMilestone

# "2020-03" (what a month picker sends), or as people type it: "03-2020", "3/2020", "03.2020".
_ISO_MONTH = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})$")
_TYPED_MONTH = re.compile(r"^(?P<month>\d{1,2})\s*[-/.]\s*(?P<year>\d{4})$")


class MonthInput(forms.TextInput):
    input_type = "month"


class MonthField(forms.Field):
    """A month, cleaned to its first day. Browsers without a month picker show a text box."""

    widget = MonthInput
    default_error_messages = {
        "invalid": _("Give a month as year and month, e.g. 2020-03."),
    }

    def prepare_value(self, value):
        return value.strftime("%Y-%m") if isinstance(value, datetime.date) else value

    def to_python(self, value):
        value = (value or "").strip()
        if not value:
            return None
        match = _ISO_MONTH.match(value) or _TYPED_MONTH.match(value)
        if not match or not 1 <= int(match["month"]) <= 12 or not 1900 <= int(match["year"]) <= 2100:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return datetime.date(int(match["year"]), int(match["month"]), 1)


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Task"), max_length=200)
    planned_from = MonthField(label=_("Planned from (month)"))
    planned_to = MonthField(label=_("Planned until (month)"),
                            help_text=_("The same month for a task within one month."))
    status = forms.ChoiceField(label=_("Status"), choices=RolloutMilestone.Status.choices,
                               initial=RolloutMilestone.Status.PLANNED)
    done_on = forms.DateField(label=_("Done on"), required=False, widget=DATE_INPUT,
                              help_text=_("For a task that is done; empty means today."))
    description = forms.CharField(label=_("Description"), required=False, max_length=5000,
                                  widget=forms.Textarea(attrs={"rows": 3}))

    @classmethod
    def initial_of(cls, milestone: RolloutMilestone) -> dict:
        return {"title": milestone.title, "planned_from": milestone.planned_from,
                "planned_to": milestone.planned_to, "status": milestone.status,
                "done_on": milestone.done_on, "description": milestone.description}


class StandardPlanForm(forms.Form):
    start = MonthField(label=_("First month"),
                       help_text=_("The month the proposal goes to the committee."))


class AnswerFilterForm(forms.Form):
    is_filter = True  # no "(optional)" on the labels

    answer = forms.ChoiceField(label=_("The council's answer"), required=False,
                               choices=[("", _("All areas")), *Participation.choices],
                               widget=PlainSelect)
    lacking = forms.BooleanField(label=_("Only areas lacking a local contact"), required=False)


class InvitationsForm(forms.Form):
    """The areas ticked in the table and the day their councils were invited."""

    areas = forms.ModelMultipleChoiceField(
        label=_("Local areas"), queryset=LocalArea.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one local area.")})
    invited_on = forms.DateField(label=_("Invitation sent on"), widget=DATE_INPUT,
                                 error_messages={"required": _("Give the date the invitation "
                                                               "was sent.")})
