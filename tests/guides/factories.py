# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
import factory

from lokalkontakt.guides.models import Guide


class GuideFactory(factory.django.DjangoModelFactory):
    """A guide without history (tests that need versions save it through guide_save)."""

    class Meta:
        model = Guide

    audience = Guide.Audience.PUBLIC
    title = "Sådan bruger du Lokalkontakten"
    body = "Lokalkontakten er din **indgang** til kommunen."
