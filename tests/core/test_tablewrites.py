# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Which tables were written (core.tablewrites): the database's triggers record every kind of
write, on SQLite and PostgreSQL, and the kept pages' versions (areas.versions) change with them."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Count

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.areas.versions import data_version, versions_of
from lokalkontakt.core import tablewrites
from lokalkontakt.core.models import AccessLogEntry, Change, FocusArea, TableWrite
from lokalkontakt.inquiries.models import Inquiry
from tests.areas.factories import LocalAreaFactory
from tests.migrating import migrate, migrate_to_head

pytestmark = pytest.mark.django_db


def _triggers() -> set[tuple[str, str]]:
    """(table, trigger) of the table writes' triggers in the database."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT c.relname, t.tgname FROM pg_trigger t "
                           "JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname LIKE 'lk_written%%'")
        else:
            cursor.execute("SELECT tbl_name, name FROM sqlite_master "
                           "WHERE type = 'trigger' AND name LIKE 'lk_written%'")
        return set(cursor.fetchall())


def test_every_tracked_table_has_its_triggers_and_no_other_table_has():
    tables = set(tablewrites.tracked_tables())
    assert {"areas_localarea", "inquiries_inquiry", "inquiries_inquiry_focus_areas",
            "people_timeentry", "auth_user"} <= tables
    # The logs no page is drawn from and the models' histories are left out.
    assert not {"core_accesslogentry", "core_tablewrite", "core_searchentry",
                "inquiries_historicalinquiry"} & tables
    triggers = _triggers()
    kinds = 4 if connection.vendor == "postgresql" else 3  # SQLite has no TRUNCATE
    assert {table for table, _name in triggers} == tables
    assert len(triggers) == kinds * len(tables)


def _version() -> str:
    return data_version(LocalArea, FocusArea)


def test_each_kind_of_write_changes_the_version():
    area = LocalAreaFactory(name="Stenderup")
    seen = [_version()]

    def changed() -> None:
        seen.append(_version())
        assert seen[-1] != seen[-2]

    area.name = "Stenderup-Krollerup"
    area.save()  # save()
    changed()
    LocalArea.objects.filter(pk=area.pk).update(population=812)  # queryset update
    changed()
    FocusArea.objects.bulk_create([FocusArea(number=90, name="Naturpleje", slug="naturpleje")])
    changed()
    with connection.cursor() as cursor:  # raw SQL, nothing of Django's
        cursor.execute(f"UPDATE {LocalArea._meta.db_table} SET population = 813")  # noqa: S608
    changed()
    FocusArea.objects.filter(slug="naturpleje").delete()
    changed()
    # Writing nothing changes nothing: an update matching no row.
    LocalArea.objects.filter(pk=-1).update(population=1)
    assert _version() == seen[-1]
    # Nor does a write of a table the version does not read.
    Inquiry.objects.filter(pk=-1).delete()
    Change.objects.create(kind="inquiry", object_id=1, action="created")  # the change feed
    assert _version() == seen[-1]


def test_a_table_s_version_is_its_own():
    versions = versions_of([LocalArea, FocusArea])
    LocalAreaFactory(name="Hornsyld")
    after = versions_of([LocalArea, FocusArea])
    assert after[LocalArea] != versions[LocalArea]
    assert after[FocusArea] == versions[FocusArea]


def test_a_model_whose_writes_are_not_recorded_is_refused():
    with pytest.raises(ValueError, match="core.accesslogentry|core.AccessLogEntry"):
        data_version(AccessLogEntry)


def test_pruning_keeps_each_table_s_newest_row_and_the_versions_still_change():
    for name in ("Juelsminde", "Glud", "Barrit"):
        LocalAreaFactory(name=name)
    tablewrites.prune()
    assert not TableWrite.objects.values("table_name").annotate(n=Count("id")).filter(n__gt=1).exists()
    before = _version()
    assert tablewrites.report() == "Table writes: 0 older rows deleted."
    LocalAreaFactory(name="Rårup")
    assert _version() != before


def test_users_are_tracked():
    before = data_version(get_user_model())
    get_user_model().objects.create_user("lise")
    assert data_version(get_user_model()) != before


@pytest.mark.django_db(transaction=True)
def test_migrated_back_the_triggers_go_with_their_table_and_writes_still_work():
    migrate([("core", "0020_search_vector_inline")])
    try:
        assert _triggers() == set()
        FocusArea.objects.create(number=91, name="Vandløb", slug="vandlob")  # no trigger fails
    finally:
        migrate_to_head()
    assert {table for table, _name in _triggers()} == set(tablewrites.tracked_tables())
    before = _version()
    FocusArea.objects.create(number=92, name="Stier", slug="stier")
    assert _version() != before
