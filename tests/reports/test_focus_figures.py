# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The focus-area reports' figures against hand-counted data (tests/reports/focus_world.py)."""

import datetime

import pytest
from django.utils import translation

from lokalkontakt.reports.focus.overview import build_focus_overview
from lokalkontakt.reports.focus.report import build_focus_report, focus_report
from lokalkontakt.reports.kinds import report_kinds
from lokalkontakt.reports.period import Period
from tests.reports.focus_world import build_world

pytestmark = pytest.mark.django_db
YEAR = Period.year(2025)


@pytest.fixture(autouse=True)
def _english():
    """The labels below are the English msgids (the site's Danish comes with the translations)."""
    with translation.override("en"):
        yield


@pytest.fixture
def world():
    return build_world()


def table(report, key):
    return next(table for table in report.tables() if table.key == key)


def row_of(table, label):
    return next([getattr(cell, "value", cell) for cell in row][1:] for row in table.rows
                if getattr(row[0], "value", row[0]) == label)


def test_each_focus_area_counts_each_kind_this_year_and_last(world, coordinator):
    rows = table(build_focus_overview(YEAR, reader=coordinator), "focus-areas")
    # inquiries, consultations, answers, notes, projects: (2025, 2024) each
    assert row_of(rows, "Smidige processer") == [2, 1, 1, 0, 2, 0, 3, 0, 1, 0]
    assert row_of(rows, "Kultur") == [1, 0, 0, 0, 0, 0, 0, 0, 0, 0]


def test_the_overview_has_a_line_for_what_is_untagged(world, coordinator):
    rows = table(build_focus_overview(YEAR, reader=coordinator), "focus-areas")
    assert len(rows.rows) == 16
    assert row_of(rows, "Without a focus area") == [1, 0, 1, 0, 1, 0, 1, 0, 0, 0]


def test_a_focus_area_is_counted_by_local_area_in_danish_order(world, coordinator):
    rows = table(focus_report(YEAR, world.focus, reader=coordinator), "by-area")
    assert rows.values("area") == ["Bjerre", "Øster Snede", "Aale", "No local area"]
    # inquiries, answers, notes, projects: (2025, 2024) each
    assert row_of(rows, "Bjerre") == [1, 1, 1, 0, 1, 0, 1, 0]
    assert row_of(rows, "Øster Snede") == [0, 0, 1, 0, 0, 0, 1, 0]
    assert row_of(rows, "Aale") == [1, 0, 0, 0, 1, 0, 0, 0]
    assert row_of(rows, "No local area") == [0, 0, 0, 0, 1, 0, 0, 0]


def test_the_key_figures_compare_the_year_with_the_one_before(world, coordinator):
    report = focus_report(YEAR, world.focus, reader=coordinator)
    assert report.sections[0].figures == [("Inquiries", 2, 1), ("Consultation answers", 2, 0),
                                          ("Knowledge notes", 3, 0),
                                          ("Development projects", 1, 0)]


def test_the_trend_counts_each_month_of_both_years(world, coordinator):
    trend = table(focus_report(YEAR, world.focus, reader=coordinator), "trend")
    assert len(trend.rows) == 24
    assert trend.chart.kind == "line" and trend.chart.label == "month"
    by_month = dict(zip(trend.values("month"), trend.rows, strict=True))
    assert by_month["June 2024"][1:] == [1, 0, 0, 0]
    assert by_month["February 2025"][1:] == [0, 2, 0, 0]
    assert by_month["May 2025"][1:] == [0, 0, 3, 1]
    assert by_month["November 2025"][1:] == [1, 0, 0, 0]


def test_the_items_are_the_ones_tagged_in_the_period(world, coordinator):
    report = focus_report(YEAR, world.focus, reader=coordinator)
    assert table(report, "inquiries-items").values("subject") == ["Fortov ved skolen",
                                                                  "Langsom byggesag"]
    assert table(report, "answers-items").values("area") == ["Øster Snede", "Bjerre"]
    assert table(report, "notes-items").values("title") == [
        "Offentlig vejledning", "Lokalrådets ønsker", "Intern viden om sagsgange"]
    assert table(report, "projects-items").rows[0][1:] == [
        datetime.date(2025, 5, 1), "Bjerre, Øster Snede", "Active"]


def test_an_inquiry_shows_reference_subject_status_and_outcome_only(world, coordinator):
    rows = table(focus_report(YEAR, world.focus, reader=coordinator), "inquiries-items").rows
    assert [getattr(cell, "value", cell) for cell in rows[1]] == [
        world.slow_case.reference, world.slow_case.received_on, "Bjerre", "Langsom byggesag",
        "Closed", "Sagen er afgjort"]


def test_an_answer_shows_the_consultation_the_area_and_its_text(world, coordinator):
    rows = table(focus_report(YEAR, world.focus, reader=coordinator), "answers-items").rows
    assert [getattr(cell, "value", cell) for cell in rows[1]][2:] == [
        "Bjerre", "Responded", "Vi støtter forslaget om hurtigere svar."]
    assert rows[1][0].value == "Ny affaldsordning"


def test_without_a_reader_only_public_notes_count_and_no_item_is_listed(world):
    # A report sent by e-mail may reach addresses without a login: counts, never subjects.
    report = build_focus_report(YEAR, focus_area="smidige-processer")

    assert report.sections[0].figures[2] == ("Knowledge notes", 1, 0)
    assert [section.key for section in report.sections] == ["by-area", "trend"]
    cells = {str(cell) for table_ in report.tables() for row in table_.rows for cell in row}
    assert not cells & {"Fortov ved skolen", "Langsom byggesag", "Sagen er afgjort",
                        "Vi støtter forslaget om hurtigere svar.", "Offentlig vejledning"}


def test_a_leader_is_listed_only_the_items_they_may_open_and_counts_of_them_all(world, colleague):
    from tests.people.factories import CoreAreaFactory

    CoreAreaFactory().leaders.add(colleague.employee)
    report = focus_report(YEAR, world.focus, reader=colleague)

    assert report.sections[0].figures[0] == ("Inquiries", 2, 1)  # all of them
    assert table(report, "inquiries-items").rows == []  # none is theirs to open
    assert table(report, "answers-items").rows == []
    intro = next(s.intro for s in report.sections if s.key == "inquiries-items")
    assert intro.endswith("Only those you may open are listed; the counts above are of them all.")


def test_a_list_cut_at_fifty_says_how_many_more(world, coordinator):
    from tests.reports.focus_world import inquiry

    for day in range(1, 56):
        inquiry(world.bjerre, YEAR.start.replace(month=7, day=day % 28 + 1), world.focus)
    items = table(focus_report(YEAR, world.focus, reader=coordinator), "inquiries-items")
    assert len(items.rows) == 50
    assert items.note == "The 50 newest are shown; 7 more are not."


def test_the_kind_is_registered_with_the_focus_areas_to_choose_from(world):
    kind = report_kinds.get("focus")
    choices = kind.choices()
    assert len(choices) == 15
    assert choices[1] == ("focus_area", "smidige-processer", "Smidige processer")
    assert kind.build(YEAR, focus_area="kultur").filters == [("Focus area", "Kultur")]
