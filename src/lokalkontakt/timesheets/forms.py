# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.core.forms import DATE_INPUT
from lokalkontakt.core.selects import PlainSelect
from lokalkontakt.timesheets.models import TimeEntry

MAX_PERIOD_DAYS = 3 * 366


class TimeEntryForm(forms.Form):
    """Quick to fill in: today, the contact's own areas first, minutes as a number."""

    area = forms.ModelChoiceField(label=_("Local area"), required=False, queryset=None,
                                  empty_label=_("Not one area (e.g. a coordination meeting)"))
    day = forms.DateField(label=_("Date"), widget=DATE_INPUT)
    minutes = forms.IntegerField(label=_("Minutes"), min_value=1, max_value=24 * 60,
                                 widget=forms.NumberInput(attrs={"inputmode": "numeric"}))
    kind = forms.ChoiceField(label=_("Kind of activity"), choices=TimeEntry.Kind.choices)
    outside_hours = forms.BooleanField(label=_("Outside normal working hours"), required=False)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, employee, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("day", timezone.localdate())
        super().__init__(*args, **kwargs)
        # The areas the employee covers now or has covered within the year (late registrations).
        year_ago = timezone.localdate() - datetime.timedelta(days=366)
        self.fields["area"].queryset = LocalArea.objects.filter(
            Q(assignments__ends_on__isnull=True) | Q(assignments__ends_on__gte=year_ago),
            assignments__employee=employee).distinct().order_by("sort_name")

    @classmethod
    def initial_of(cls, entry: TimeEntry) -> dict:
        return {"area": entry.area_id, "day": entry.day, "minutes": entry.minutes,
                "kind": entry.kind, "outside_hours": entry.outside_hours, "note": entry.note}


class CapacityFilterForm(forms.Form):
    is_filter = True  # no "(optional)" on the labels

    start = forms.DateField(label=_("From"), widget=DATE_INPUT, required=False)
    end = forms.DateField(label=_("To"), widget=DATE_INPUT, required=False)
    core_area = forms.ModelChoiceField(label=_("Core area"), required=False, queryset=None,
                                       empty_label=_("All I may see"), widget=PlainSelect)

    def __init__(self, *args, core_areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["core_area"].queryset = core_areas.order_by("sort_name")

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        data["start"] = data.get("start") or today.replace(month=1, day=1)
        data["end"] = data.get("end") or today
        if data["end"] < data["start"]:
            raise ValidationError(_("The period must end on or after its first day."))
        if (data["end"] - data["start"]).days > MAX_PERIOD_DAYS:
            raise ValidationError(_("Choose a period of at most three years."))
        return data

    @staticmethod
    def defaults() -> dict:
        today = timezone.localdate()
        return {"start": today.replace(month=1, day=1), "end": today, "core_area": None}
