# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The focus areas side by side: for each, how many inquiries, consultations, consultation
answers, notes and development projects are tagged with it in the period and the period before,
and a line for what carries no focus area, so the coordinator sees how much is untagged."""

from django.urls import reverse
from django.utils.translation import gettext as _

from lokalkontakt.core.models import FocusArea
from lokalkontakt.reports.focus import counts
from lokalkontakt.reports.period import Period
from lokalkontakt.reports.structure import Cell, Column, Report, Section, Table


def kind_labels() -> dict[str, str]:
    return {"inquiries": _("Inquiries"), "consultations": _("Consultations"),
            "answers": _("Consultation answers"), "notes": _("Knowledge notes"),
            "projects": _("Development projects")}


def comparison_columns(period: Period, kinds) -> list[Column]:
    """Two number columns per kind: the period's count and the period before's."""
    labels, before = kind_labels(), period.previous()
    columns = []
    for kind in kinds:
        columns += [Column(f"{kind}", f"{labels[kind]}, {period.label}", "number"),
                    Column(f"{kind}_before", f"{labels[kind]}, {before.label}", "number")]
    return columns


def build_focus_overview(period: Period, *, reader=None) -> Report:
    """The report of all focus areas for the period (notes: those `reader` may see)."""
    sources = counts.sources(reader)
    found = {kind: counts.by_focus_area(sources[kind], period) for kind in counts.KINDS}

    def figures(key):
        return [value for kind in counts.KINDS for value in found[kind].get(key, (0, 0))]

    rows = [[Cell(focus.name, reverse("reports:focus", args=[focus.slug])), *figures(focus.pk)]
            for focus in FocusArea.objects.order_by("number").only("pk", "slug", "name")]
    rows.append([_("Without a focus area"), *figures(None)])
    table = Table(
        key="focus-areas", title=_("Tagged with each focus area"),
        columns=[Column("focus_area", _("Focus area")), *comparison_columns(period, counts.KINDS)],
        rows=rows,
        note=_("An item tagged with several focus areas counts under each. Inquiries count by "
               "the day they were received, consultations by the day they were sent, answers by "
               "the day they were given, notes by the day they were written and projects by the "
               "day they were registered."))
    untagged = Section(
        key="untagged", title=_("Without a focus area"),
        intro=_("What is not tagged with any focus area is missing from the focus areas' "
                "reports."),
        figures=[(label, *found[kind].get(None, (0, 0)))
                 for kind, label in kind_labels().items()])
    return Report(
        title=_("Focus areas"), period=period, compared_with=period.previous(),
        sections=[Section(key="focus-areas", title=_("The focus areas"), tables=[table]),
                  untagged],
        filename="fokusomraader")
