# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django import forms
from django.utils.translation import gettext_lazy as _

from lokalkontakt.onboarding.models import OnboardingStep


class OnboardingStepForm(forms.Form):
    title = forms.CharField(label=_("Step"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What the new contact does, and why. Shown under the step."))
    position = forms.IntegerField(
        label=_("Order"), min_value=0, max_value=32767, initial=100,
        help_text=_("Steps are shown from the lowest number up."))
    is_active = forms.BooleanField(
        label=_("In use"), required=False, initial=True,
        help_text=_("Only steps in use are copied into new contacts' checklists."))

    @classmethod
    def initial_of(cls, step: OnboardingStep) -> dict:
        return {"title": step.title, "description": step.description, "position": step.position,
                "is_active": step.is_active}
