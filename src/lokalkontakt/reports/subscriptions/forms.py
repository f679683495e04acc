# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
import re

from django import forms
from django.utils.translation import gettext_lazy as _

from lokalkontakt.reports.models import MAX_RECIPIENTS, ReportSubscription, clean_recipients
from lokalkontakt.reports.subscriptions.selectors import report_option_value, report_options

SEPARATORS = re.compile(r"[\s,;]+")


class SubscriptionForm(forms.Form):
    """A scheduled report: which report (a kind, with its choice such as the focus area, in one
    list), how often, and who gets it, one address per line."""

    report = forms.ChoiceField(label=_("Report"))
    frequency = forms.ChoiceField(label=_("How often"), widget=forms.RadioSelect,
                                  choices=ReportSubscription.Frequency.choices,
                                  initial=ReportSubscription.Frequency.MONTHLY)
    recipients = forms.CharField(
        label=_("Recipients"), widget=forms.Textarea(attrs={"rows": 5, "autocomplete": "off"}),
        help_text=_("One e-mail address per line, at most %(count)d. Each period's report is "
                    "sent after the period has ended, to all of them in one e-mail.")
        % {"count": MAX_RECIPIENTS})

    def __init__(self, *args, subscription=None, **kwargs):
        if subscription is not None:
            kwargs.setdefault("initial", {
                "report": report_option_value(subscription.kind, subscription.params),
                "frequency": subscription.frequency,
                "recipients": "\n".join(subscription.recipients)})
        super().__init__(*args, **kwargs)
        self._options = {value: (kind, params) for value, kind, params, _label in report_options()}
        self.fields["report"].choices = [("", _("Choose a report"))] + [
            (value, label) for value, _kind, _params, label in report_options()]

    def clean_report(self):
        return self._options[self.cleaned_data["report"]]

    def clean_recipients(self):
        return clean_recipients(SEPARATORS.split(self.cleaned_data["recipients"]))

    def clean(self):
        data = super().clean()
        if "report" in data:
            data["kind"], data["params"] = data.pop("report")
        return data
