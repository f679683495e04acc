# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Inquiries in the search: subject, text, staff's public replies and the outcome. Never the
submitter's name or contact details. Found by those who may open the inquiry: staff through the
inquiry list's rule, council members through their council's shared inquiries."""

from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lokalkontakt.core.models import SearchEntryPerson
from lokalkontakt.core.search.registry import Document, Hit, Source
from lokalkontakt.inquiries.models import Inquiry, InquiryEvent
from lokalkontakt.inquiries.permissions import inquiries_shared_with_council, inquiries_visible_to

Role = SearchEntryPerson.Role


class InquirySource(Source):
    kind = "inquiry"
    label = _("Inquiry")
    model = Inquiry

    def queryset(self):
        replies = InquiryEvent.objects.filter(kind=InquiryEvent.Kind.REPLY, public=True)
        return Inquiry.objects.prefetch_related(
            "focus_areas", "participants",
            Prefetch("events", queryset=replies, to_attr="public_replies"))

    def document(self, inquiry: Inquiry) -> Document:
        replies = getattr(inquiry, "public_replies", None)
        if replies is None:
            replies = inquiry.events.filter(kind=InquiryEvent.Kind.REPLY, public=True)
        handlers = {inquiry.assignee_id} | {p.pk for p in inquiry.participants.all()}
        return Document(
            object_id=inquiry.pk, title=inquiry.subject, created_at=inquiry.created_at,
            body="\n".join([inquiry.text, *(r.text for r in replies), inquiry.outcome]),
            text=inquiry.text,
            areas=[inquiry.area_id] if inquiry.area_id else [],
            focus_areas=[f.pk for f in inquiry.focus_areas.all()],
            people=[(pk, Role.HANDLER) for pk in handlers if pk])

    def visible(self, user):
        if user.has_perm("core.coordinate"):
            return None
        if user.has_perm("core.view_internal"):
            return Q(object_id__in=inquiries_visible_to(user=user).values("pk"))
        return Q(object_id__in=inquiries_shared_with_council(user=user).values("pk"))

    def hits(self, user, ids):
        if user.has_perm("core.view_internal"):
            inquiries, council = inquiries_visible_to(user=user), False
        else:
            inquiries, council = inquiries_shared_with_council(user=user), True
        return {inquiry.pk: self._hit(inquiry, council=council)
                for inquiry in inquiries.filter(pk__in=ids).select_related("area")}

    def _hit(self, inquiry: Inquiry, *, council: bool) -> Hit:
        url = (reverse("inquiries:council_detail", kwargs={"pk": inquiry.pk}) if council
               else inquiry.get_absolute_url())
        return Hit(kind=self.kind, kind_label=str(self.label), title=inquiry.subject, url=url,
                   date=inquiry.created_at,
                   area=inquiry.area.name if inquiry.area else "")
