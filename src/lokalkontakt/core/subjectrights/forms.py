# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class PersonForm(forms.Form):
    """Whose data: a name or e-mail address, as the access log's filter takes it."""

    is_filter = True

    q = forms.CharField(
        label=_("Name or e-mail address"), max_length=200, min_length=3,
        help_text=_("The citizen's or council member's name, e-mail address or phone number, at "
                    "least 3 characters."))

    def clean_q(self):
        query = self.cleaned_data["q"].strip()
        if "\x00" in query:
            raise ValidationError(_("Remove the invalid character."))
        if len(query) < 3:
            raise ValidationError(_("Write at least 3 characters."))
        return query


class EraseForm(PersonForm):
    """The objects to erase, chosen among those whose plan allows it (all ticked at first)."""

    chosen = forms.MultipleChoiceField(label=_("Erase the personal data in"),
                                       widget=forms.CheckboxSelectMultiple,
                                       error_messages={"required": _("Choose what to erase.")})

    def __init__(self, *args, plans=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget = forms.HiddenInput()
        self.fields["chosen"].choices = [
            (f"{key}:{plan.object_id}", f"{label}: {plan.title}")
            for key, label, erasures in plans for plan in erasures if plan.erased]
        self.fields["chosen"].initial = [value for value, _label in self.fields["chosen"].choices]

    def chosen_references(self) -> set[tuple[str, int]]:
        return {(value.rsplit(":", 1)[0], int(value.rsplit(":", 1)[1]))
                for value in self.cleaned_data["chosen"]}
