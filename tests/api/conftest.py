# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
import pytest

from tests.api.world import build_api_world


@pytest.fixture
def api_world(transactional_db):
    """Areas, an inquiry, a consultation, a note and a key with every scope, committed so the
    live server sees them (tests/api/world.py)."""
    return build_api_world()
