# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A time at the calendar's edge is refused with a message, not a 500 (found in review)."""

import pytest

from lokalkontakt.api.scopes import Scope
from tests.api.factories import keyed_client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url, parameter", [
    ("/api/v1/changes/", "since"),
    ("/api/v1/inquiries/", "updated_since"),
    ("/api/v1/consultations/", "updated_since"),
    ("/api/v1/notes/", "updated_since"),
])
@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00", "9999-12-31T23:59:59"])
def test_a_time_at_the_calendars_edge_is_refused(url, parameter, moment):
    response = keyed_client(scopes=list(Scope.values)).get(url, {parameter: moment},
                                                           HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400
    assert response.json() == {parameter: ["Give a time between the years 1900 and 9998."]}
