# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The meeting page's agenda items as rows (selectors re-exports them): a page of each list of
items with what the page writes of them, read as values, not model instances."""

import functools
import operator
from collections import defaultdict

from django.core.paginator import Page
from django.db.models import Exists, F, OuterRef, Q, Window
from django.db.models.functions import RowNumber

from lokalkontakt.meetings.models import ActionItem, AgendaItem, Meeting


class ItemRow(dict):
    """An agenda item as the meeting's page writes it: its columns and its area's and proposer's
    names (`area_name`, `area_slug`, `proposer_name`), read as attributes. Rows, not model
    instances: building 120 instances a page was a fifth of the page's time (issue 20)."""

    __setattr__ = dict.__setitem__

    def __getattr__(self, name: str):
        # a column missing from the row reads as None, as the template reads a missing one; a
        # special name (__html__, __iter__ …) stays missing, so a row is never taken for markup
        if name.startswith("__"):
            raise AttributeError(name)
        return self.get(name)

    @property
    def has_minutes(self) -> bool:
        return bool(self.decisions or self.experiences or self.challenges)


def agenda_pages(*, meeting: Meeting, pages: dict[str, Page]) -> dict[str, list[ItemRow]]:
    """The items on one page of each status's list (`pages` maps a status to a page_of its
    items), in their order, fetched in one query (a row number per status) with their area's and
    proposer's names, each with its focus areas' names (`focus_names`) and its action items
    (`actions`, with their owners' names; with_focus_and_actions)."""
    rank = Window(RowNumber(), partition_by=[F("status")],
                  order_by=[F("position").asc(), F("pk").asc()])
    wanted = [Q(status=status, rank_in_list__gt=page.object_list.start,
                rank_in_list__lte=page.object_list.stop)
              for status, page in pages.items() if page.object_list]
    found = {status: [] for status in pages}
    if wanted:
        # The row numbers are counted over the items' narrow columns in a subquery, and only
        # the page's items are joined to their area and proposer: numbering the joined rows
        # carried every item's area (with its boundary) through the window (issue 20).
        on_pages = (meeting.items.order_by().annotate(rank_in_list=rank)
                    .filter(functools.reduce(operator.or_, wanted)).values("pk"))
        focus = AgendaItem.focus_areas.through.objects.filter(agendaitem=OuterRef("pk"))
        rows = [ItemRow(row, pk=row["id"]) for row in meeting.items.filter(pk__in=on_pages)
                .order_by("position", "pk").annotate(
                    has_focus=Exists(focus),
                    has_actions=Exists(ActionItem.objects.filter(agenda_item=OuterRef("pk"))))
                .values("id", "title", "text", "status", "proposed_by_id", "decisions",
                        "experiences", "challenges", "note_id", "has_focus", "has_actions",
                        area_name=F("area__name"), area_slug=F("area__slug"),
                        proposer_name=F("proposed_by__name"))]
        with_focus_and_actions(rows)
        for item in rows:
            found[item.status].append(item)
    return found


def with_focus_and_actions(items: list[ItemRow]) -> None:
    """Sets each item's `focus_names` ("; " between them, in the focus areas' order) and
    `actions` (its action items, soonest due first, as ItemRows with their owner's name
    `owner_name`), querying only for the items whose `has_focus` or `has_actions` says they have
    some: most have none, and a prefetch queries (and builds a manager per item) even then."""
    names, actions = defaultdict(list), defaultdict(list)
    if focused := [item.pk for item in items if item.has_focus]:
        for item_id, name in (AgendaItem.focus_areas.through.objects
                              .filter(agendaitem_id__in=focused)
                              .order_by("focusarea__number", "focusarea_id")
                              .values_list("agendaitem_id", "focusarea__name")):
            names[item_id].append(name)
    if acting := [item.pk for item in items if item.has_actions]:
        for action in (ActionItem.objects.filter(agenda_item_id__in=acting)
                       .order_by("due_on", "pk").values("pk", "agenda_item_id", "title",
                                                        "due_on", "status",
                                                        owner_name=F("owner__name"))):
            actions[action["agenda_item_id"]].append(ItemRow(action))
    for item in items:
        item.focus_names = "; ".join(names[item.pk])
        item.actions = actions[item.pk]
