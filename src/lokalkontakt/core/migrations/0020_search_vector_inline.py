# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""On PostgreSQL, a search entry's vector stays in the entry's row, uncompressed, wherever the
row fits in a page (toast_tuple_target 8160, the largest; storage MAIN: compressed in the row
before it is moved out). The search reads the vectors of the entries it looks at: a probe of the
newest 500, every row a common word's query passes on its way to the newest 1,000 matches, and
the 1,000 it ranks. Out of line (PostgreSQL moves a row's large values out above 2 KB, and a note
of a few paragraphs makes a vector of 2-4 KB), each costs a look-up in the TOAST table's index and
its chunks. At a million notes (after VACUUM FULL) a common word's
candidates read 5,318 buffers instead of 15,174, one word's newest 1,001 from the RUM index
1,080 instead of 2,954, the probe 507 instead of 1,883; a common word's candidate query took
about half the time (8 ms instead of 16, on a copy of the newest 20,000 entries).

Only rows written afterwards are laid out so: the entries of what changes are written anew, and
`VACUUM FULL core_searchentry` (a rewrite that locks the table; it rebuilds the search indexes,
39 minutes at a million notes on the busy 2-core bench machine) moves the rest. SQLite:
nothing to do."""

from django.db import migrations

FORWARD = ["ALTER TABLE core_searchentry SET (toast_tuple_target = 8160)",
           "ALTER TABLE core_searchentry ALTER COLUMN vector SET STORAGE MAIN"]
BACKWARD = ["ALTER TABLE core_searchentry RESET (toast_tuple_target)",
            "ALTER TABLE core_searchentry ALTER COLUMN vector SET STORAGE EXTENDED"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)
    return run


class Migration(migrations.Migration):
    dependencies = [("core", "0019_search_rum_index")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
