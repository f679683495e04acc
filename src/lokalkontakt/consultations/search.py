# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Consultations (høringer) in the search: title and description. Found by those who may open the
consultation (requester, coordinator: its status page) or one of its tasks (the areas' contacts,
deputies and council members: their task page)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lokalkontakt.consultations.models import Consultation
from lokalkontakt.consultations.permissions import consultations_visible_to, tasks_visible_to
from lokalkontakt.core.models import SearchEntryPerson
from lokalkontakt.core.search.registry import Document, Hit, Source


class ConsultationSource(Source):
    kind = "consultation"
    label = _("Consultation")
    model = Consultation

    def queryset(self):
        return Consultation.objects.prefetch_related("focus_areas", "tasks")

    def document(self, consultation: Consultation) -> Document:
        return Document(
            object_id=consultation.pk, title=consultation.title, body=consultation.description,
            created_at=consultation.created_at,
            areas=sorted({t.area_id for t in consultation.tasks.all()}),
            focus_areas=[f.pk for f in consultation.focus_areas.all()],
            people=[(consultation.requested_by_id, SearchEntryPerson.Role.REQUESTER)])

    def visible(self, user):
        if user.has_perm("core.coordinate"):
            return None
        return (Q(object_id__in=consultations_visible_to(user=user).values("pk"))
                | Q(object_id__in=tasks_visible_to(user=user).values("consultation")))

    def hits(self, user, ids):
        own = {c.pk: c for c in consultations_visible_to(user=user).filter(pk__in=ids)}
        tasks = (tasks_visible_to(user=user).filter(consultation__in=ids)
                 .exclude(consultation__in=list(own)).select_related("consultation", "area")
                 .order_by("consultation", "area__sort_name"))
        hits = {pk: self._hit(c, c.get_absolute_url()) for pk, c in own.items()}
        for task in tasks:
            if task.consultation_id not in hits:
                hits[task.consultation_id] = self._hit(task.consultation, task.get_absolute_url(),
                                                       area=task.area.name)
        return hits

    def _hit(self, consultation: Consultation, url: str, area: str = "") -> Hit:
        return Hit(kind=self.kind, kind_label=str(self.label), title=consultation.title, url=url,
                   date=consultation.created_at, area=area)
