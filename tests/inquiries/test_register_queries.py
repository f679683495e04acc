# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The staff form and the council member's form take a fixed number of queries, however many
areas there are."""

import pytest
from django.urls import reverse

from tests.areas.factories import CouncilFactory, LocalAreaFactory
from tests.councils.factories import CouncilMemberFactory
from tests.inquiries.conftest import english_client

pytestmark = pytest.mark.django_db

# Session, user, employee record, the role flags, the user's and their groups' permissions (the
# menu), the areas of the area field.
REGISTER_QUERIES = 7
# Session, user, council membership, its council, its area, then the menu's: employee record,
# role flags, the user's and their groups' permissions.
COUNCIL_NEW_QUERIES = 9


@pytest.mark.parametrize("count", [2, 60])
def test_the_staff_form_takes_a_fixed_number_of_queries(count, contact_user,
                                                          django_assert_num_queries):
    for n in range(count):
        LocalAreaFactory(name=f"Område {n}")
    client = english_client(contact_user)

    with django_assert_num_queries(REGISTER_QUERIES):
        response = client.get(reverse("inquiries:register"))
    assert response.status_code == 200


@pytest.mark.parametrize("count", [2, 60])
def test_the_council_form_takes_a_fixed_number_of_queries(count, django_assert_num_queries):
    areas = [LocalAreaFactory(name=f"Område {n}") for n in range(count)]
    member = CouncilMemberFactory(council=CouncilFactory(area=areas[0])).user
    client = english_client(member)

    with django_assert_num_queries(COUNCIL_NEW_QUERIES):
        response = client.get(reverse("inquiries:council_new"))
    assert response.status_code == 200
