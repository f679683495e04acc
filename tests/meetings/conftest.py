# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Shared set-up for the meetings tests: a contact who covers Glud (a participant), the coordinator
and a colleague, and English clients so assertions do not depend on the Danish translation."""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group

from lokalkontakt.core.roles import COORDINATOR_GROUP
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.inquiries.conftest import english_client, smtp_server  # noqa: F401


@pytest.fixture(autouse=True)
def _coordinator_group(db):
    """The group comes from a data migration, which a transactional test's flush removes."""
    Group.objects.get_or_create(name=COORDINATOR_GROUP)



@dataclass
class Setting:
    area: object  # Glud, covered by the contact
    contact: object  # users
    coordinator: object
    colleague: object


@pytest.fixture
def setting(contact_user, coordinator, colleague):
    area = LocalAreaFactory(name="Glud")
    AssignmentFactory(area=area, employee=contact_user.employee)
    return Setting(area=area, contact=contact_user, coordinator=coordinator, colleague=colleague)


__all__ = ["english_client"]
