# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Shared page parts: form fields rendered the DKFDS way, and who is signed in."""

import re

import pytest
from django import forms
from django.contrib.auth.models import Group
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from lokalkontakt.inquiries.forms import InquiryForm
from tests.councils.factories import CouncilMemberFactory

pytestmark = pytest.mark.django_db


def test_a_single_checkbox_is_a_dkfds_checkbox_with_its_label_after_it():
    html = render_to_string("includes/field.html", {"field": InquiryForm()["consent"]})

    assert re.search(r'<div class="form-group-checkbox">\s*<input type="checkbox"[^>]*'
                     r'class="form-checkbox"[^>]*id="id_consent"', html)
    assert html.index('id="id_consent"') < html.index('<label class="form-label" for="id_consent"')


@translation.override("en")
def test_optional_fields_are_marked_except_on_filter_forms():
    form = InquiryForm()
    assert "(optional)" in render_to_string("includes/field.html", {"field": form["submitter_phone"]})
    form.is_filter = True
    assert "(optional)" not in render_to_string("includes/field.html",
                                                {"field": form["submitter_phone"]})


def test_a_signed_in_council_member_sees_their_name_not_their_address(client):
    member = CouncilMemberFactory(name="Rita Rådsmedlem", email="rita@example.dk")
    client.force_login(member.user)

    html = client.get(reverse("areas:directory")).content.decode()

    assert '<span class="user-name">Rita Rådsmedlem</span>' in html


def test_a_hidden_field_is_only_its_input():
    from django import forms

    class Form(forms.Form):
        version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    html = render_to_string("includes/field.html", {"field": Form(initial={"version": 3})["version"]})

    assert html.strip() == '<input type="hidden" name="version" value="3" id="id_version">'


class _Choices(forms.Form):
    group = forms.ModelChoiceField(queryset=Group.objects.all(), required=False)
    colour = forms.ChoiceField(choices=[("", "---------"), ("red", "Red")], required=False)
    named = forms.ModelChoiceField(queryset=Group.objects.all(), empty_label="Nobody yet")


@translation.override("en")
@pytest.mark.parametrize(("is_filter", "empty"), [(False, "Choose …"), (True, "All")])
def test_no_select_box_shows_dashes(is_filter, empty):
    form = _Choices()
    form.is_filter = is_filter

    html = "".join(render_to_string("includes/field.html", {"field": form[name]})
                   for name in ("group", "colour", "named"))

    assert "---------" not in html
    assert html.count(f'<option value="" selected>{empty}</option>') == 2
    assert '<option value="" selected>Nobody yet</option>' in html
