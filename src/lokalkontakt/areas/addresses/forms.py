# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Forms that find the local area from an address: the directory's "find your area" and the
address field of forms that otherwise ask for the area (the public inquiry form)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lokalkontakt.areas.addresses.lookup import find_area
from lokalkontakt.core.validators import validate_no_links, validate_single_line

ADDRESS_HINT = _("Street and house number, postcode and town.")


class AddressForm(forms.Form):
    """The directory's GET form; `adresse` is the query parameter."""

    adresse = forms.CharField(label=_("Your address"), max_length=200, help_text=ADDRESS_HINT,
                              validators=[validate_single_line],
                              widget=forms.TextInput(attrs={"autocomplete": "street-address"}))


def address_field() -> forms.CharField:
    """The optional address field of a form that uses AreaFromAddressMixin."""
    return forms.CharField(
        label=_("Your address – used only to find your local area"), max_length=200,
        required=False, validators=[validate_single_line, validate_no_links],
        help_text=_("Type your address if you do not know the name of your local area: street "
                    "and house number, postcode and town."),
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}))


class AreaFromAddressMixin:
    """For a form with an optional `area` choice and an `address` field: when no area is chosen
    and an address is typed, the area is found from the address (areas.addresses.lookup). Several
    candidates narrow the area field to them and ask the citizen to choose; none found asks them
    to choose the area. The address itself is not kept: only the area found goes on."""

    address_result = None

    def clean(self):
        cleaned = super().clean()
        address = cleaned.get("address", "")
        if (cleaned.get("area") is None and address
                and "address" not in self.errors and "area" not in self.errors):
            self.address_result = result = find_area(address, areas=self.fields["area"].queryset)
            if result.area is not None:
                cleaned["area"] = result.area
            elif result.candidates:
                self._offer(result.candidates)
                self.add_error("area", _(
                    "The address may belong to several local areas: choose yours in the list."))
            else:
                self.add_error("area", _(
                    "We could not find your local area from the address. Choose the area in "
                    "the list, or choose “I don't know” and the coordinator sends it on."))
        return cleaned

    def _offer(self, candidates):
        """Narrow the area field to the candidates (an AreaField among many areas offers them
        as choices beside its text input instead)."""
        field = self.fields["area"]
        if hasattr(field, "offer"):
            field.offer(candidates)
        else:
            field.queryset = field.queryset.filter(pk__in=[area.pk for area in candidates])
