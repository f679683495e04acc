# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Local areas in the search: name, towns, postcodes and parish; public, as the area pages are."""

from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _

from lokalkontakt.areas.models import Assignment, LocalArea
from lokalkontakt.core.models import SearchEntry, SearchEntryPerson
from lokalkontakt.core.search.registry import Document, Hit, Source


class AreaSource(Source):
    kind = "area"
    label = _("Local area")
    model = LocalArea

    def queryset(self):
        current = Assignment.objects.filter(ends_on__isnull=True)
        return LocalArea.objects.prefetch_related(
            Prefetch("assignments", queryset=current, to_attr="current_assignments"))

    def document(self, area: LocalArea) -> Document:
        current = getattr(area, "current_assignments", None)
        if current is None:
            current = area.assignments.filter(ends_on__isnull=True)
        return Document(
            object_id=area.pk, title=area.name, created_at=area.created_at,
            body=" ".join([area.towns.replace(";", " "), area.postcodes, area.parish]),
            text=" · ".join(filter(None, [area.towns.replace(";", ","), area.postcodes, area.parish])),
            audience=SearchEntry.Audience.PUBLIC, areas=[area.pk],
            people=[(a.employee_id, SearchEntryPerson.Role.CONTACT) for a in current])

    def visible(self, user):
        # Every area is public. Saying so (rather than "all") lets PostgreSQL read a visitor's
        # search along the partial index of public entries (core migration 0007).
        return None if user.has_perm("core.view_internal") else Q(audience=SearchEntry.Audience.PUBLIC)

    def hits(self, user, ids):
        areas = LocalArea.objects.filter(pk__in=ids)
        return {area.pk: Hit(kind=self.kind, kind_label=str(self.label), title=area.name,
                             url=area.get_absolute_url())
                for area in areas}
