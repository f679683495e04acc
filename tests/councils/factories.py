# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""factory_boy factories for councils."""

import factory

from lokalkontakt.councils.models import CouncilMember
from tests.areas.factories import CouncilFactory
from tests.people.factories import UserFactory


class CouncilMemberFactory(factory.django.DjangoModelFactory):
    """A council member with a user account, as after their first one-time-link login."""

    class Meta:
        model = CouncilMember

    council = factory.SubFactory(CouncilFactory)
    name = factory.Sequence(lambda n: f"Rådsmedlem {n}")
    email = factory.Sequence(lambda n: f"raad{n}@example.dk")
    # One-time links only: like councils.services, the account has no password.
    user = factory.SubFactory(UserFactory, username=factory.SelfAttribute("..email"), password=None)
