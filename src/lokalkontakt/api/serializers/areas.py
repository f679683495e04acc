# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The public local areas: exactly what an anonymous visitor sees in the directory and on the
area's page (areas/directory.html, areas/detail.html), and nothing staff alone see there — not
the council's chair, the note on the council's answer, an assignment's dates or note, the
history, the sources.

The objects come from areas.selectors.areas_with_contacts (coverage annotated,
`active_assignments` prefetched with employee and core area), so nothing here queries."""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from lokalkontakt.areas.forms import COVERAGE_IN_PLAIN_WORDS
from lokalkontakt.areas.models import Council, Coverage, LocalArea, Participation
from lokalkontakt.core.mail import site_url
from lokalkontakt.people.models import Employee

COVERAGE_LABELS = dict(COVERAGE_IN_PLAIN_WORDS)
SLUG = "__slug__"  # in the area page's URL, reversed once


class PublicContactSerializer(serializers.ModelSerializer):
    """A contact or deputy as the area page shows them to everyone (areas/_person.html): name,
    job title, core area and the work e-mail and phone. Nested with the source
    `<role>_assignment.employee`: null without an active assignment in the role, and null for
    an employee who has left (`_shown`)."""

    core_area = serializers.SerializerMethodField(
        help_text="The division of the administration they work in (empty if none).")
    email = serializers.EmailField(read_only=True, allow_blank=True)  # blank: none registered

    class Meta:
        model = Employee
        fields = ["name", "title", "core_area", "email", "phone"]
        read_only_fields = fields

    def get_attribute(self, instance):
        return _shown(super().get_attribute(instance))

    def get_core_area(self, employee) -> str:
        return employee.core_area.name if employee.core_area else ""


class PublicCouncilSerializer(serializers.ModelSerializer):
    """The local council's public details (areas/_council.html without the chair)."""

    email = serializers.EmailField(read_only=True, allow_blank=True)
    website = serializers.URLField(read_only=True, allow_blank=True)

    class Meta:
        model = Council
        fields = ["name", "email", "website"]
        read_only_fields = fields


class AreaFilterSerializer(serializers.Serializer):
    """The list's filters, as the directory's search form has them (areas.forms
    DirectorySearchForm), and a postcode for a "find your contact" box."""

    q = serializers.CharField(
        required=False, allow_blank=True, max_length=100,
        help_text="Words that must all occur in the area's name, towns, postcodes or parish "
                  "(case and Æ/Ø/Å as typed do not matter), e.g. `glud` or `7130`.")
    # Empty is no filter, as in the directory's form (a search box left empty sends `q=`).
    coverage = serializers.ChoiceField(
        choices=Coverage.choices, required=False, allow_blank=True,
        help_text="Only the areas with this coverage (empty: all).")
    postcode = serializers.RegexField(
        r"^\d{4}$", required=False, allow_blank=True,
        help_text="Only the areas that include this postcode (four digits; empty: all), "
                  "e.g. `8722`.")

    def selector_arguments(self) -> dict:
        data = self.validated_data
        return {"query": data.get("q", ""), "coverage": data.get("coverage", ""),
                "postcode": data.get("postcode", "")}


class AreaSerializer(serializers.ModelSerializer):
    """A local area with its council and its contact, as the public directory shows it."""

    towns = serializers.ListField(child=serializers.CharField(), source="town_list")
    postcodes = serializers.ListField(child=serializers.CharField(), source="postcode_list")
    latitude = serializers.FloatField(allow_null=True, help_text="Approximate (WGS84).")
    longitude = serializers.FloatField(allow_null=True, help_text="Approximate (WGS84).")
    coverage = serializers.ChoiceField(
        choices=Coverage.choices,
        help_text="`covered`: the area has a local contact; `handover`: a new contact is on "
                  "the way; `uncovered`: no contact yet. Derived from the assignments.")
    coverage_label = serializers.SerializerMethodField(
        help_text="The coverage in words for citizens, in the language asked for "
                  "(Accept-Language; Danish by default).")
    participation = serializers.ChoiceField(
        choices=Participation.choices,
        help_text="The council's answer to the offer of a local contact (joining is voluntary).")
    participation_label = serializers.CharField(source="get_participation_display")
    council = PublicCouncilSerializer(allow_null=True)
    contact = PublicContactSerializer(source="primary_assignment.employee", allow_null=True)
    deputy = PublicContactSerializer(source="deputy_assignment.employee", allow_null=True)
    page_url = serializers.SerializerMethodField(help_text="The area's public page.")
    inquiry_url = serializers.SerializerMethodField(
        help_text="The form to send an inquiry about the area (no login).")

    class Meta:
        model = LocalArea
        fields = ["name", "slug", "towns", "postcodes", "parish", "population",
                  "population_year", "latitude", "longitude", "community_forming", "coverage",
                  "coverage_label", "participation", "participation_label",
                  "participation_date", "council", "contact", "deputy", "page_url",
                  "inquiry_url"]
        read_only_fields = fields

    def to_representation(self, area):
        """What the declared fields give (tests/api/test_public_areas.py compares the two for
        every kind of area), built directly: DRF's field machinery costs about half a
        millisecond an area, most of a page of 50."""
        council = getattr(area, "council", None)  # the reverse one-to-one raises when absent
        return {
            "name": area.name, "slug": area.slug, "towns": area.town_list,
            "postcodes": area.postcode_list, "parish": area.parish,
            "population": area.population, "population_year": area.population_year,
            "latitude": _float(area.latitude), "longitude": _float(area.longitude),
            "community_forming": area.community_forming, "coverage": area.coverage,
            "coverage_label": self.get_coverage_label(area),
            "participation": area.participation,
            "participation_label": self._labels[area.participation],
            "participation_date": _iso(area.participation_date),
            "council": council and {"name": council.name, "email": council.email,
                                    "website": council.website},
            "contact": _person(area.primary_assignment),
            "deputy": _person(area.deputy_assignment),
            "page_url": self.get_page_url(area), "inquiry_url": self.get_inquiry_url(area),
        }

    def get_coverage_label(self, area) -> str:
        return self._labels[area.coverage]

    @extend_schema_field(OpenApiTypes.URI)
    def get_page_url(self, area) -> str:
        return self._area_page.replace(SLUG, area.slug)

    @extend_schema_field(OpenApiTypes.URI)
    def get_inquiry_url(self, area) -> str:
        return f"{self._inquiry_form}?{urlencode({'omraade': area.slug})}"

    # Worked out once a call, not once an area: reversing a URL and translating a label cost
    # more than the rest of an area's representation.
    @cached_property
    def _labels(self) -> dict:
        return {**{value: str(label) for value, label in Participation.choices},
                **{value: str(label) for value, label in COVERAGE_LABELS.items()}}

    @cached_property
    def _area_page(self) -> str:
        return site_url(reverse("areas:detail", kwargs={"slug": SLUG}))

    @cached_property
    def _inquiry_form(self) -> str:
        return site_url(reverse("inquiries:new"))


def _shown(employee):
    """The employee of an active assignment as the public sees them: not at all once they have
    left the municipality (inactive: their primary assignment waits for a handover, and their
    address no longer answers)."""
    return employee if employee is not None and employee.is_active else None


def _person(assignment) -> dict | None:
    employee = _shown(assignment and assignment.employee)
    if employee is None:
        return None
    return {"name": employee.name, "title": employee.title,
            "core_area": employee.core_area.name if employee.core_area else "",
            "email": employee.email, "phone": employee.phone}


def _float(value) -> float | None:
    return None if value is None else float(value)


def _iso(value) -> str | None:
    return None if value is None else value.isoformat()
