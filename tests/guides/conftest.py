# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
import pytest

from lokalkontakt.guides.models import Guide


@pytest.fixture(autouse=True)
def _no_guides(db):
    """Each test writes the guides it needs: the data migration's (present unless a transactional
    test flushed them) go first, so what a test sees does not depend on the order tests run in."""
    Guide.objects.all().delete()
    Guide.history.all().delete()
