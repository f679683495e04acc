# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django import forms
from django.utils.translation import gettext_lazy as _


class CouncilMemberForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("E-mail"), max_length=254,
                             help_text=_("The invitation with a login link is sent here."))
    council_name = forms.CharField(
        label=_("Council's name"), max_length=200,
        help_text=_("The area has no council yet; it is created with this name."))

    def __init__(self, *args, has_council: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if has_council:
            del self.fields["council_name"]


class CouncilLoginRequestForm(forms.Form):
    email = forms.EmailField(label=_("Your e-mail"), max_length=254,
                             help_text=_("The address the municipality invited you with."))
