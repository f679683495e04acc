# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Issue 14 moved models between apps without touching their tables. A database holding the demo
keeps every row through the move: migrated back to the last migrations before the move and forward
again to today's head, on SQLite and on PostgreSQL, every table has the same rows and the same
columns, and the moved models' content types follow them."""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from lokalkontakt.core import tablewrites

# The head of every app before the split (main at a79679f). Core had no part in the split and
# stays at its head (its later migrations add columns of their own).
BEFORE_THE_SPLIT = [
    ("people", "0004_nominations"),
    ("areas", "0006_onboarding_steps"),
    ("projects", "0002_project_details_milestones_history"),
    ("inquiries", "0008_tracking_salt"),
    ("consultations", "0001_initial"),
    ("knowledge", "0002_follow_digestsent"),
    ("meetings", "0001_initial"),
    # apps made by the split: back to none of their migrations
    ("timesheets", None),
    ("candidates", None),
    ("rollout", None),
    ("councils", None),
    ("handovers", None),
    ("onboarding", None),
]


# Columns that migrations after the split added to moved tables (councils 0002: when a member
# left and was anonymised, issue 15; inquiries 0009, issue 17); the old head has not got them.
BOUNDARY_BOX = {"boundary_west", "boundary_south", "boundary_east", "boundary_north"}
ADDED_AFTER_THE_SPLIT = {
    "areas_councilmember": {"deactivated_at", "anonymised_at"},
    "areas_historicalcouncilmember": {"deactivated_at", "anonymised_at"},
    # inquiries 0009: how and on which day an inquiry was received (issue 17).
    "inquiries_inquiry": {"channel", "received_on",
                          # inquiries 0013: sent through the API by which system (issue 19).
                          "api_system", "external_reference"},
    # meetings 0002: a bulletin to the contacts or to all staff (issue 18).
    "meetings_bulletin": {"audience"},
    # areas 0011: an area's outline for the coverage map (issue 18); 0012: its bounding box,
    # for finding the area of an address (issue 19).
    "areas_localarea": {"boundary", *BOUNDARY_BOX},
    "areas_historicallocalarea": {"boundary", *BOUNDARY_BOX},
    # areas 0015: the conflict an event settles (issue 20).
    "areas_areaevent": {"refers_to_id"},
}


# Tables that migrations after the split created (people 0007: the login events, issue 16;
# timesheets 0003: the monthly time totals, 0005: those of each employee, issue 20).
CREATED_AFTER_THE_SPLIT = {"people_accountevent", "timesheets_timetotal",
                           "timesheets_employeemonth"}


def _without_later_columns(snapshot: dict) -> dict:
    return {table: (rows, tuple(c for c in columns if c not in ADDED_AFTER_THE_SPLIT.get(table, ())))
            for table, (rows, columns) in snapshot.items() if table not in CREATED_AFTER_THE_SPLIT}


def _migrate(targets) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def _heads() -> list[tuple[str, str]]:
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


def _snapshot() -> dict[str, tuple[int, tuple[str, ...]]]:
    """Rows and columns of every table."""
    introspection = connection.introspection
    snapshot = {}
    with connection.cursor() as cursor:
        for table in sorted(introspection.table_names(cursor)):
            if table in ("django_migrations", "core_tablewrite"):  # the latter: which were written
                continue
            columns = tuple(sorted(c.name for c in introspection.get_table_description(cursor, table)))
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            snapshot[table] = (cursor.fetchone()[0], columns)
    return snapshot


@pytest.mark.django_db(transaction=True)
def test_a_database_with_the_demo_keeps_every_row_through_the_split():
    call_command("load_demo", stdout=io.StringIO())
    heads = _heads()
    before = _snapshot()
    assert sum(rows for rows, _columns in before.values()) > 500

    try:
        _migrate([("core", dict(heads)["core"]), *BEFORE_THE_SPLIT])
        at_the_old_head = _snapshot()
    finally:
        _migrate(heads)
        tablewrites.install()  # as `migrate` does after migrating (a rebuilt table lost its)
    after = _snapshot()

    assert at_the_old_head == _without_later_columns(before)
    assert after == before
    labels = set(ContentType.objects.values_list("app_label", flat=True))
    assert labels >= {"core", "people", "areas"}
