# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Inquiries received in a period, counted by area, focus area, channel and who wrote, each
for the period and the one before (one query per table)."""

from django.db.models import Count
from django.utils.translation import gettext as _

from lokalkontakt.core.models import FocusArea
from lokalkontakt.inquiries.models import Inquiry
from lokalkontakt.reports.scheme.common import in_days
from lokalkontakt.reports.structure import Chart, Column, Table

TOP_AREAS = 30


def received(period):
    """Inquiries received in the period or the one before."""
    return Inquiry.objects.filter(received_on__range=(period.previous().start, period.end))


def _columns(first: str) -> list[Column]:
    return [Column("name", first), Column("now", _("This period"), "number"),
            Column("before", _("The period before"), "number")]


def _pair(period, prefix: str = "") -> dict:
    return {"now": Count("pk", filter=in_days(f"{prefix}received_on", period)),
            "before": Count("pk", filter=in_days(f"{prefix}received_on", period.previous()))}


def by_area(period, totals) -> Table:
    """The TOP_AREAS areas with the most inquiries, the rest in one row."""
    rows = list(received(period).values("area__name").annotate(**_pair(period))
                .order_by("-now", "-before", "area__sort_name")[:TOP_AREAS + 1])
    table_rows = [[row["area__name"] or _("No area"), row["now"], row["before"]]
                  for row in rows[:TOP_AREAS]]
    if len(rows) > TOP_AREAS:
        shown_now = sum(row[1] for row in table_rows)
        shown_before = sum(row[2] for row in table_rows)
        table_rows.append([_("Other areas"), totals["now"] - shown_now,
                           totals["before"] - shown_before])
    return Table("inquiries_by_area", _("Inquiries by local area"), _columns(_("Local area")),
                 table_rows, note=_("The %(count)s areas with the most inquiries; the rest in one "
                                    "row.") % {"count": TOP_AREAS})


def by_focus_area(period, totals) -> Table:
    """All focus areas (an inquiry counts under each of its focus areas) and the untagged."""
    tags = Inquiry.focus_areas.through.objects.filter(
        inquiry__received_on__range=(period.previous().start, period.end))
    # From the inquiries received in the two periods to their focus areas (both by index), not
    # from every focus area's every inquiry; the focus areas without any listed with 0.
    counted = {row["focusarea_id"]: row for row in tags.values("focusarea_id")
               .annotate(**_pair(period, "inquiry__")).order_by()}
    rows = [[area.name, counted.get(area.pk, {}).get("now", 0),
             counted.get(area.pk, {}).get("before", 0)]
            for area in FocusArea.objects.order_by("number").only("pk", "name")]
    rows.append([_("Without a focus area"), totals["untagged_now"], totals["untagged_before"]])
    return Table("inquiries_by_focus_area", _("Inquiries by focus area"),
                 _columns(_("Focus area")), rows,
                 chart=Chart("bar", "name", ("now", "before"), _("Inquiries by focus area")),
                 note=_("An inquiry tagged with several focus areas counts under each of them."))


def _by_choice(period, field: str, choices, key: str, title: str, first: str) -> Table:
    found = {row[field]: row for row in received(period).values(field).annotate(**_pair(period))
             .order_by(field)}
    rows = [[str(label), found.get(value, {}).get("now", 0), found.get(value, {}).get("before", 0)]
            for value, label in choices]
    return Table(key, title, _columns(first), rows,
                 chart=Chart("bar", "name", ("now", "before"), title))


def by_channel(period) -> Table:
    return _by_choice(period, "channel", Inquiry.Channel.choices, "inquiries_by_channel",
                      _("Inquiries by channel"), _("Channel"))


def by_submitter(period) -> Table:
    return _by_choice(period, "submitter_kind", Inquiry.SubmitterKind.choices,
                      "inquiries_by_submitter", _("Inquiries by who wrote"), _("Who wrote"))
