# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Moving the test database to given migrations, for the tests of a data migration."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from lokalkontakt.core import tablewrites


def migrate(targets):
    """Migrate to `targets` ((app, migration name or None), …); the models as they were there."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def migrate_to_head():
    """Back to every app's newest migration (a data migration's test ends here), with the
    triggers a rebuilt table lost made again, as `migrate` makes them (core.tablewrites)."""
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    tablewrites.install()
