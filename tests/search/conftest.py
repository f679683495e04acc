# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The search pages' tests use the knowledge tests' setting (Glud and Juelsminde, their contacts,
a colleague, the coordinator, a council member of each) and write notes as they do."""

from tests.knowledge.conftest import (  # noqa: F401 - fixtures shared with the knowledge tests
    _coordinator_group,
    _english,
    media_root,
    setting,
)
