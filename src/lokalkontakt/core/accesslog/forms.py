# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from lokalkontakt.core.forms import DATE_INPUT
from lokalkontakt.core.models import AccessLogEntry


class AccessLogFilterForm(forms.Form):
    """Whose data, who looked, when and how: every field may be left empty."""

    is_filter = True

    person = forms.CharField(
        label=_("Whose data"), max_length=200, required=False, min_length=3,
        help_text=_("A citizen's or council member's name or e-mail address, at least 3 characters."))
    user = forms.CharField(label=_("Seen by"), max_length=150, required=False,
                           help_text=_("A user's name or username."))
    since = forms.DateField(label=_("From"), required=False, widget=DATE_INPUT)
    until = forms.DateField(label=_("To"), required=False, widget=DATE_INPUT)
    how = forms.ChoiceField(label=_("How"), required=False,
                            choices=[("", _("All")), *AccessLogEntry.How.choices])

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise ValidationError(_("The end date is before the start date."))
        for name in ("person", "user"):
            if "\x00" in (data.get(name) or ""):
                self.add_error(name, _("Remove the invalid character."))
        return data

    def filters(self) -> dict:
        data = self.cleaned_data
        return {"person": data["person"].strip(), "user": data["user"].strip(),
                "since": data["since"], "until": data["until"], "how": data["how"]}
