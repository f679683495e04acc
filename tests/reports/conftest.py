# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
import pytest
from django.utils import translation


@pytest.fixture
def english():
    """The report's labels in English (the Danish translations come with the lead's merge)."""
    with translation.override("en"):
        yield
