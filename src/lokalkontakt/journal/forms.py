# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from lokalkontakt.core.forms import DATE_INPUT
from lokalkontakt.journal.models import Journalisation


class JournalFilterForm(forms.Form):
    is_filter = True  # the field template marks no field "(optional)"

    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[
        ("", _("Inquiries and consultations")), *Journalisation.Kind.choices])
    since = forms.DateField(label=_("Received from"), required=False, widget=DATE_INPUT)
    until = forms.DateField(label=_("Received until"), required=False, widget=DATE_INPUT)
    status = forms.ChoiceField(label=_("Show"), required=False, choices=[
        ("pending", _("Not yet journalised")), ("done", _("Journalised")), ("all", _("All"))])

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise ValidationError(_("The period ends before it begins."))
        return data

    def filters(self) -> dict:
        """The selector's arguments: kind, since, until, status (defaults when invalid)."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return {"kind": data.get("kind") or None, "since": data.get("since"),
                "until": data.get("until"), "status": data.get("status") or "pending"}

    def querystring(self) -> str:
        """The filter as the list's query string (from what was sent, valid or not)."""
        query = QueryDict(mutable=True)
        for name in self.fields:
            if self.data.get(name):
                query[name] = self.data[name]
        return query.urlencode()


class JournaliseForm(forms.Form):
    case_number = forms.CharField(
        label=_("Case number"), max_length=50,
        help_text=_("The case system's case number (sagsnummer), e.g. 27.00.00-A00-1-26."))
    kle = forms.CharField(label=_("KLE number"), max_length=8, required=False,
                          help_text=_("From the municipality's KLE list, e.g. 27.12.04."))


class KleUploadForm(forms.Form):
    file = forms.FileField(
        label=_("KLE file"),
        help_text=_("CSV with the KLE number and title on each line, separated by semicolon or "
                    "comma (UTF-8), or KL's KLE-Emneplan XML."))
