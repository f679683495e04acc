# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django import forms
from django.utils.translation import gettext_lazy as _

from lokalkontakt.areas.fields import AreaField
from lokalkontakt.areas.selectors import area_choices
from lokalkontakt.core.models import FocusArea
from lokalkontakt.core.search.registry import sources
from lokalkontakt.search.permissions import kinds_visible_to

# What each kind is called in the type filter, in the order shown.
KIND_CHOICES = [("area", _("Local areas")), ("note", _("Notes")), ("inquiry", _("Inquiries")),
                ("consultation", _("Consultations"))]


class SearchForm(forms.Form):
    """The search box and its filters. Only the kinds the user can find are offered."""

    is_filter = True

    q = forms.CharField(label=_("Search for"), max_length=200, required=False,
                        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}))
    kind = forms.ChoiceField(label=_("Type"), required=False)
    area = AreaField(label=_("Local area"), required=False, empty_label=_("All areas"))
    focus_area = forms.ModelChoiceField(label=_("Focus area"), required=False, queryset=None,
                                        empty_label=_("All focus areas"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        offered = set(kinds_visible_to(user, sources()))
        kinds = [(k, label) for k, label in KIND_CHOICES if k in offered]
        self.fields["kind"].choices = [("", _("Everything")), *kinds]
        self.fields["area"].queryset = area_choices()  # Danish order
        self.fields["focus_area"].queryset = FocusArea.objects.order_by("number")

    def search_arguments(self) -> dict:
        data = self.cleaned_data
        return {"query": data["q"], "kinds": (data["kind"],) if data["kind"] else (),
                "area": data["area"], "focus_area": data["focus_area"]}


class WhoKnowsForm(forms.Form):
    q = forms.CharField(label=_("Who knows something about"), max_length=200,
                        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}))
