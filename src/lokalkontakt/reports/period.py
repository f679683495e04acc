# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The period a report covers, and the one it is compared with.

A period is a whole year, quarter or month, or any span of days (both ends included). The period
before a year, quarter or month is the calendar unit before it; before any other span, the span
of the same number of days that ends the day before it starts.
"""

import datetime
from dataclasses import dataclass

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from lokalkontakt.core.selects import PlainSelect


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date  # included
    kind: str = "custom"  # year, quarter, month or custom

    @classmethod
    def year(cls, year: int) -> "Period":
        return cls(datetime.date(year, 1, 1), datetime.date(year, 12, 31), "year")

    @classmethod
    def quarter(cls, year: int, quarter: int) -> "Period":
        start = datetime.date(year, 3 * quarter - 2, 1)
        return cls(start, _month_end(year, 3 * quarter), "quarter")

    @classmethod
    def month(cls, year: int, month: int) -> "Period":
        return cls(datetime.date(year, month, 1), _month_end(year, month), "month")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> "Period":
        """The period this one is compared with."""
        if self.kind == "year":
            return Period.year(self.start.year - 1)
        if self.kind in ("quarter", "month"):
            months = 3 if self.kind == "quarter" else 1
            before = self.start - datetime.timedelta(days=1)
            start_month = before.month - months + 1
            if self.kind == "quarter":
                return Period.quarter(before.year, (start_month + 2) // 3)
            return Period.month(before.year, before.month)
        end = self.start - datetime.timedelta(days=1)
        return Period(end - datetime.timedelta(days=self.days - 1), end)

    def contains(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end

    @property
    def label(self) -> str:
        if self.kind == "year":
            return str(self.start.year)
        if self.kind == "quarter":
            return _("Q%(quarter)s %(year)s") % {"quarter": (self.start.month + 2) // 3,
                                                  "year": self.start.year}
        if self.kind == "month":
            return formats.date_format(self.start, "YEAR_MONTH_FORMAT")
        return f"{formats.date_format(self.start, 'SHORT_DATE_FORMAT')}–" \
               f"{formats.date_format(self.end, 'SHORT_DATE_FORMAT')}"

    def aware_bounds(self) -> tuple[datetime.datetime, datetime.datetime]:
        """[start, end) as aware datetimes in the local time zone, for filtering timestamps."""
        tz = timezone.get_current_timezone()
        start = datetime.datetime.combine(self.start, datetime.time.min, tzinfo=tz)
        end = datetime.datetime.combine(self.end + datetime.timedelta(days=1), datetime.time.min,
                                        tzinfo=tz)
        return start, end


def _month_end(year: int, month: int) -> datetime.date:
    first_next = datetime.date(year + month // 12, month % 12 + 1, 1)
    return first_next - datetime.timedelta(days=1)


MAX_DAYS = 3 * 366
# The years a report can cover (as the year field): a day outside would overflow the period
# before or the time zone's bounds.
FIRST_DAY, LAST_DAY = datetime.date(2000, 1, 1), datetime.date(2100, 12, 31)


class PeriodForm(forms.Form):
    """The period chosen on a report page (GET): a year, a quarter or a month of a year, or two
    dates. Empty, it means this year so far is compared with last year."""

    KINDS = [("year", _("Year")), ("quarter", _("Quarter")), ("month", _("Month")),
             ("custom", _("Other period"))]
    kind = forms.ChoiceField(label=_("Period"), choices=KINDS, required=False, widget=PlainSelect)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)
    quarter = forms.TypedChoiceField(label=_("Quarter"), coerce=int, required=False,
                                     choices=[(q, str(q)) for q in range(1, 5)], widget=PlainSelect)
    month = forms.TypedChoiceField(label=_("Month"), coerce=int, required=False,
                                   choices=[(m, str(m)) for m in range(1, 13)], widget=PlainSelect)
    start = forms.DateField(label=_("From"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), required=False,
                          widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        kind = data.get("kind") or "year"
        year = data.get("year") or timezone.localdate().year
        if kind == "quarter":
            data["period"] = Period.quarter(year, data.get("quarter") or 1)
        elif kind == "month":
            data["period"] = Period.month(year, data.get("month") or 1)
        elif kind == "custom":
            start, end = data.get("start"), data.get("end")
            if not start or not end:
                raise forms.ValidationError(_("Give both the first and the last day of the period."))
            if end < start:
                raise forms.ValidationError(_("The period must end on or after the day it starts."))
            if not (FIRST_DAY <= start <= LAST_DAY and FIRST_DAY <= end <= LAST_DAY):
                raise forms.ValidationError(_("Choose days between the years 2000 and 2100."))
            if (end - start).days >= MAX_DAYS:
                raise forms.ValidationError(_("A period can be at most three years long."))
            data["period"] = Period(start, end)
        else:
            data["period"] = Period.year(year)
        return data


def period_from_query(query) -> tuple[Period, PeriodForm]:
    """The period a report page's query string asks for, and its bound form. Invalid input keeps
    the form's errors and falls back to this year, so the page still answers (200, not 400)."""
    form = PeriodForm(query or None)
    if form.is_bound and form.is_valid():
        return form.cleaned_data["period"], form
    if not form.is_bound:
        form = PeriodForm(initial={"kind": "year", "year": timezone.localdate().year})
    return Period.year(timezone.localdate().year), form
