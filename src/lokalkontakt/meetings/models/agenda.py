# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The items on a meeting's agenda, with their minutes."""

from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lokalkontakt.meetings import paging
from lokalkontakt.meetings.models.meetings import Meeting


class AgendaItem(models.Model):
    """An item on a meeting's agenda: proposed by a contact (or the coordinator), accepted or
    deferred by the coordinator, and at the meeting given its minutes."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACCEPTED = "accepted", _("On the agenda")
        DEFERRED = "deferred", _("Deferred")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items",
                                verbose_name=_("meeting"))
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("description"), max_length=10000, blank=True)
    area = models.ForeignKey("areas.LocalArea", on_delete=models.PROTECT, null=True, blank=True,
                             related_name="agenda_items", verbose_name=_("local area"))
    focus_areas = models.ManyToManyField("core.FocusArea", blank=True, related_name="agenda_items",
                                         verbose_name=_("focus areas"))
    proposed_by = models.ForeignKey("people.Employee", on_delete=models.PROTECT, null=True,
                                    blank=True, related_name="agenda_items",
                                    verbose_name=_("proposed by"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.PROPOSED)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    decisions = models.TextField(_("decisions"), max_length=10000, blank=True)
    experiences = models.TextField(
        _("experiences"), max_length=10000, blank=True,
        help_text=_("Shared as a knowledge note for all staff when the minutes are sent."))
    challenges = models.TextField(_("challenges"), max_length=10000, blank=True)
    note = models.ForeignKey("knowledge.Note", on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+", verbose_name=_("knowledge note"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["created_at", "updated_at"])

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        """The item on the meeting's page, on the page of its list that shows it ("?side=2"):
        from `rank_in_list` when the query annotated it, else counted in one query."""
        rank = getattr(self, "rank_in_list", None)
        if rank is None:
            rank = AgendaItem.objects.filter(
                Q(position__lt=self.position) | Q(position=self.position, pk__lte=self.pk),
                meeting_id=self.meeting_id, status=self.status).count()
        meeting = reverse("meetings:detail", kwargs={"pk": self.meeting_id})
        return f"{meeting}{paging.item_page_query(self.status, rank)}#item-{self.pk}"

    @property
    def has_minutes(self) -> bool:
        return bool(self.decisions or self.experiences or self.challenges)


def rank_in_list():
    """The item's place (from 1) in its meeting's list of items of its status, in the order
    (position, pk) the meeting's page shows them: annotate it as `rank_in_list` on a list of
    items whose links are drawn, so that get_absolute_url asks no query per item."""
    before = (AgendaItem.objects.filter(
        Q(position__lt=OuterRef("position")) | Q(position=OuterRef("position"), pk__lte=OuterRef("pk")),
        meeting=OuterRef("meeting"), status=OuterRef("status"))
        .order_by().values("meeting").annotate(n=Count("pk")).values("n"))
    return Subquery(before)
