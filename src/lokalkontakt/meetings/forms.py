# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from lokalkontakt.areas.fields import AreaField, AreaMultipleField
from lokalkontakt.areas.selectors import area_choices
from lokalkontakt.core.forms import DATE_INPUT
from lokalkontakt.core.models import FocusArea
from lokalkontakt.core.text import short_date
from lokalkontakt.meetings.controls import control, decision_control, decision_options, order_control
from lokalkontakt.meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Bulletin,
    LocalMeeting,
    Ordinal,
    Weekday,
)
from lokalkontakt.meetings.schedule import local_datetime, nth_weekday
from lokalkontakt.people.fields import EmployeeField
from lokalkontakt.people.models import CoreArea
from lokalkontakt.people.picking import active_employees

TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class SeriesForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200,
                            initial=_("Coordination meeting for local contacts"))
    interval_months = forms.TypedChoiceField(
        label=_("How often"), coerce=int, initial=2, choices=[
            (1, _("Every month")), (2, _("Every other month")), (3, _("Every third month")),
            (6, _("Every six months"))])
    ordinal = forms.TypedChoiceField(label=_("Which week"), coerce=int, choices=Ordinal.choices,
                                     initial=Ordinal.FIRST)
    weekday = forms.TypedChoiceField(label=_("Weekday"), coerce=int, choices=Weekday.choices,
                                     initial=Weekday.TUESDAY)
    start_time = forms.TimeField(label=_("Starts"), widget=TIME, initial="14:00")
    end_time = forms.TimeField(label=_("Ends"), widget=TIME, initial="16:00")
    first_month = forms.DateField(
        label=_("First month"), input_formats=["%Y-%m", "%Y-%m-%d", "%m.%Y", "%m-%Y"],
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
        help_text=_("The meetings of the following twelve months are planned, e.g. 2027-01."))
    location = forms.CharField(label=_("Place"), max_length=300, required=False)
    online_url = forms.URLField(label=_("Online meeting link"), required=False,
                                assume_scheme="https")

    def clean_first_month(self):
        first = self.cleaned_data["first_month"].replace(day=1)
        if first < timezone.localdate().replace(day=1):
            raise ValidationError(_("Choose this month or a later one."))
        return first

    def clean(self):
        data = super().clean()
        if data.get("start_time") and data.get("end_time") and data["end_time"] <= data["start_time"]:
            self.add_error("end_time", _("The meeting must end after it starts."))
        self._check_first_meeting(data)
        return data

    def _check_first_meeting(self, data) -> None:
        """This month is allowed, but not when its meeting day has passed: no invitations to a
        meeting in the past."""
        if not all(data.get(name) is not None for name in ("first_month", "weekday", "ordinal")):
            return
        first = data["first_month"]
        day = nth_weekday(first.year, first.month, data["weekday"], data["ordinal"])
        if day is not None and day < timezone.localdate():
            self.add_error("first_month", _(
                "The first meeting would be on %(date)s, which has passed. Choose a later month.")
                % {"date": short_date(day)})


class MeetingForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    date = forms.DateField(label=_("Date"), widget=DATE_INPUT)
    start_time = forms.TimeField(label=_("Starts"), widget=TIME)
    end_time = forms.TimeField(label=_("Ends"), widget=TIME)
    location = forms.CharField(label=_("Place"), max_length=300, required=False)
    online_url = forms.URLField(label=_("Online meeting link"), required=False,
                                assume_scheme="https")
    proposal_deadline = forms.DateField(
        label=_("Proposals until"), widget=DATE_INPUT,
        help_text=_("Contacts can propose agenda items until and including this day."))

    @classmethod
    def initial_of(cls, meeting) -> dict:
        starts, ends = timezone.localtime(meeting.starts_at), timezone.localtime(meeting.ends_at)
        return {"title": meeting.title, "date": starts.date(), "start_time": starts.time(),
                "end_time": ends.time(), "location": meeting.location,
                "online_url": meeting.online_url, "proposal_deadline": meeting.proposal_deadline}

    def clean(self):
        data = super().clean()
        if data.get("start_time") and data.get("end_time") and data["end_time"] <= data["start_time"]:
            self.add_error("end_time", _("The meeting must end after it starts."))
        if data.get("date") and data.get("proposal_deadline") and \
                data["proposal_deadline"] > data["date"]:
            self.add_error("proposal_deadline", _("The deadline must be on or before the meeting."))
        return data

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {"title": data["title"], "location": data["location"],
                "online_url": data["online_url"], "proposal_deadline": data["proposal_deadline"],
                "starts_at": local_datetime(data["date"], data["start_time"]),
                "ends_at": local_datetime(data["date"], data["end_time"])}


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("The participants are told the reason."))


class ItemForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(label=_("Description"), max_length=10000, required=False,
                           widget=forms.Textarea(attrs={"rows": 6}),
                           help_text=_("What you want to discuss, and what you need from the others."))
    area = AreaField(label=_("Local area"), required=False, empty_label=_("Not about one area"),
                     typed_help_text=_("Type the name of the area, or the beginning of it; "
                                       "leave it empty if the item is not about one area."))
    focus_areas = forms.ModelMultipleChoiceField(
        label=_("Focus areas"), required=False, queryset=None, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = area_choices()  # Danish order
        self.fields["focus_areas"].queryset = FocusArea.objects.order_by("number")

    @classmethod
    def initial_of(cls, item) -> dict:
        return {"title": item.title, "text": item.text, "area": item.area_id,
                "focus_areas": [f.pk for f in item.focus_areas.all()]}


class ArrangeForm(forms.Form):
    """The order and the decision (accept, defer) of every item of a meeting."""

    STATUSES = [(AgendaItem.Status.PROPOSED, _("Proposed")),
                (AgendaItem.Status.ACCEPTED, _("On the agenda")),
                (AgendaItem.Status.DEFERRED, _("Defer to the next meeting"))]

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        for item in self.items:
            self.fields[f"position_{item.pk}"] = forms.IntegerField(
                label=_("Order of “%(title)s”") % {"title": item.title}, min_value=1,
                max_value=999, initial=item.position or 1)
            self.fields[f"status_{item.pk}"] = forms.ChoiceField(
                label=_("Decision on “%(title)s”") % {"title": item.title}, choices=self.STATUSES,
                initial=item.status)

    def rows(self):
        """(item, order control, decision control): each row's controls as HTML."""
        options = decision_options([(str(value), str(label)) for value, label in self.STATUSES])
        return [(item, order_control(control(self, f"position_{item.pk}")),
                 decision_control(control(self, f"status_{item.pk}"), options))
                for item in self.items]

    def changes(self) -> dict[int, tuple[int, str]]:
        data = self.cleaned_data
        return {item.pk: (data[f"position_{item.pk}"], data[f"status_{item.pk}"])
                for item in self.items}


class AttendanceForm(forms.Form):
    def __init__(self, *args, attendances, **kwargs):
        super().__init__(*args, **kwargs)
        self.attendances = list(attendances)
        for attendance in self.attendances:
            self.fields[f"attendance_{attendance.pk}"] = forms.ChoiceField(
                label=attendance.employee.name, choices=Attendance.Status.choices,
                initial=attendance.status)

    def statuses(self) -> dict[int, str]:
        return {a.pk: self.cleaned_data[f"attendance_{a.pk}"] for a in self.attendances}


class MinutesForm(forms.Form):
    decisions = forms.CharField(label=_("Decisions"), max_length=10000, required=False,
                                widget=forms.Textarea(attrs={"rows": 4}))
    experiences = forms.CharField(
        label=_("Experiences"), max_length=10000, required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shared as a knowledge note for all staff when the minutes are sent."))
    challenges = forms.CharField(label=_("Challenges"), max_length=10000, required=False,
                                 widget=forms.Textarea(attrs={"rows": 4}))


class ActionForm(forms.Form):
    title = forms.CharField(label=_("Action item"), max_length=200)
    description = forms.CharField(label=_("Description"), max_length=5000, required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    owner = EmployeeField(label=_("Owner"))
    due_on = forms.DateField(label=_("Due"), widget=DATE_INPUT)
    agenda_item = forms.ModelChoiceField(label=_("Agenda item"), required=False, queryset=None,
                                         empty_label=_("Not tied to an item"))

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = active_employees()
        self.fields["agenda_item"].queryset = meeting.items.order_by("position", "pk")


class ActionUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionItem.Status.choices)
    note = forms.CharField(label=_("Comment"), max_length=2000, required=False,
                           widget=forms.Textarea(attrs={"rows": 3}),
                           help_text=_("Required when you drop the action item: give the reason."))
    owner = EmployeeField(label=_("Owner"))
    due_on = forms.DateField(label=_("Due"), widget=DATE_INPUT)

    def __init__(self, *args, coordinator: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if coordinator:
            self.fields["owner"].queryset = active_employees()
        else:
            del self.fields["owner"], self.fields["due_on"]

    def clean(self):
        data = super().clean()
        if data.get("status") == ActionItem.Status.DROPPED and not (data.get("note") or "").strip():
            self.add_error("note", _("Give the reason for dropping the action item."))
        return data


class ActionFilterForm(forms.Form):
    is_filter = True  # no "(optional)" on the labels

    scope = forms.ChoiceField(label=_("Whose"), required=False, choices=[
        ("mine", _("Mine")), ("all", _("Everyone's"))])
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[
        ("open", _("Open and in progress")), ("closed", _("Done and dropped")), ("all", _("All"))])


class BulletinForm(forms.Form):
    audience = forms.ChoiceField(
        label=_("To"), required=False, widget=forms.RadioSelect,
        initial=Bulletin.Audience.CONTACTS, choices=Bulletin.Audience.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(
        label=_("Text"), max_length=20000, widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Markdown: **bold**, *italic*, lists with - or 1., links as [text](https://…)."))
    core_areas = forms.ModelMultipleChoiceField(
        label=_("Only those in these core areas"), required=False, queryset=None,
        widget=forms.CheckboxSelectMultiple)
    areas = AreaMultipleField(
        label=_("Only the contacts of these local areas"), required=False,
        help_text=_("Choose none of either to send the bulletin to every contact, or to all staff "
                    "when it goes to all staff. Local areas apply to the contacts only."))

    def __init__(self, *args, counts=None, **kwargs):
        """`counts`: audience -> how many the bulletin would reach, shown with each choice."""
        super().__init__(*args, **kwargs)
        self.fields["core_areas"].queryset = CoreArea.objects.order_by("sort_name")
        self.fields["areas"].queryset = area_choices()  # Danish order
        if counts:
            self.fields["audience"].choices = [
                (Bulletin.Audience.CONTACTS, ngettext(
                    "The local contacts – %(count)d person", "The local contacts – %(count)d people",
                    counts[Bulletin.Audience.CONTACTS]) % {"count": counts[Bulletin.Audience.CONTACTS]}),
                (Bulletin.Audience.STAFF, ngettext(
                    "All staff – %(count)d employee", "All staff – %(count)d employees",
                    counts[Bulletin.Audience.STAFF]) % {"count": counts[Bulletin.Audience.STAFF]})]

    def clean_audience(self):
        return self.cleaned_data["audience"] or Bulletin.Audience.CONTACTS


class LocalMeetingForm(forms.Form):
    area = forms.ModelChoiceField(label=_("Local area"), queryset=None)
    kind = forms.ChoiceField(label=_("Kind"), choices=LocalMeeting.Kind.choices)
    held_on = forms.DateField(label=_("Date"), widget=DATE_INPUT)
    note = forms.CharField(label=_("Note"), max_length=2000, required=False,
                           widget=forms.Textarea(attrs={"rows": 4}),
                           help_text=_("What was discussed, in a few lines. Staff read it on the "
                                       "area's page."))

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = areas

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if held_on > timezone.localdate():
            raise ValidationError(_("Record a meeting once it has been held."))
        return held_on

