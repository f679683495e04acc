# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""What Lokalkontakt asks OS2mo: the core areas' organisation units, and the engagements in each
unit or below it, with the person's name, e-mail, phone and job function.

The queries are written against OS2mo's GraphQL schema version 30 (OS2mo's `mora/graphapi`,
Version.VERSION_30): from version 29 on a validity's `to` is an exact, exclusive bound, so an
engagement valid to 2026-03-01T00:00 ended on 1 March. Only fields that are not deprecated in
v30 are used (`person_response`, `job_function_response`, `addresses_response`, `validities`).
"""

import datetime
import uuid
from dataclasses import dataclass

from lokalkontakt.organisation.os2mo.client import Os2moClient, Os2moError

GRAPHQL_VERSION = 30
PAGE_SIZE = 100
# Engagements that ended this long ago are still asked for, so that the date an employee left is
# known; someone gone longer (or never returned) is taken to have left on the day of the sync.
ENDED_LOOKBACK_DAYS = 400

UNITS_QUERY = """
query LokalkontaktUnits($uuids: [UUID!]) {
  org_units(filter: {uuids: $uuids}) {
    objects { uuid current { uuid name } }
  }
}
"""

ENGAGEMENTS_QUERY = """
query LokalkontaktEngagements($unit: UUID!, $since: DateTime, $limit: Int, $cursor: Cursor) {
  engagements(
    filter: {org_unit: {ancestor: {uuids: [$unit]}}, from_date: $since, to_date: null}
    limit: $limit
    cursor: $cursor
  ) {
    page_info { next_cursor }
    objects {
      uuid
      validities(start: $since, end: null) {
        validity { from to }
        job_function_response { current { name } }
        person_response {
          uuid
          current {
            name
            addresses_response {
              objects { current { value address_type_response { current { scope } } } }
            }
          }
        }
      }
    }
  }
}
"""


@dataclass(frozen=True)
class Engagement:
    """One validity of an engagement: who, as what, in which core area, from when to when (the
    end exclusive; None is open-ended)."""

    uuid: uuid.UUID
    unit: uuid.UUID  # the core area's unit (the configured one above the engagement's unit)
    person: uuid.UUID
    name: str
    title: str
    email: str
    phone: str
    starts: datetime.date | None
    ends: datetime.date | None

    def active_on(self, day: datetime.date) -> bool:
        return (self.starts is None or self.starts <= day) and (self.ends is None or day < self.ends)


def fetch_units(client: Os2moClient, uuids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
    """The configured units' current names by UUID; a unit OS2mo does not know is an error (a
    wrong setting must not look like a unit without staff)."""
    data = client.query(UNITS_QUERY, {"uuids": [str(u) for u in uuids]})
    found = {uuid.UUID(o["uuid"]): o["current"]["name"]
             for o in data["org_units"]["objects"] if o.get("current")}
    missing = [str(u) for u in uuids if u not in found]
    if missing:
        raise Os2moError(f"OS2mo has no current organisation unit {', '.join(missing)} "
                         f"(OS2MO_ORG_UNITS).")
    return found


def fetch_engagements(client: Os2moClient, unit: uuid.UUID, *, today: datetime.date) -> list[Engagement]:
    """Every validity of the engagements in the unit or below it, current or ended within
    ENDED_LOOKBACK_DAYS, page by page until OS2mo gives no next cursor."""
    since = (today - datetime.timedelta(days=ENDED_LOOKBACK_DAYS)).isoformat()
    engagements, cursor = [], None
    while True:
        data = client.query(ENGAGEMENTS_QUERY, {"unit": str(unit), "since": since,
                                                "limit": PAGE_SIZE, "cursor": cursor})
        page = data["engagements"]
        for obj in page["objects"]:
            engagements += [_engagement(obj["uuid"], unit, v) for v in obj["validities"]]
        cursor = (page.get("page_info") or {}).get("next_cursor")
        if not cursor:
            return engagements


def _engagement(engagement_uuid: str, unit: uuid.UUID, validity: dict) -> Engagement:
    person = validity["person_response"]
    current = person.get("current") or {}
    addresses = {}
    for address in ((current.get("addresses_response") or {}).get("objects") or []):
        value = address.get("current") or {}
        scope = (((value.get("address_type_response") or {}).get("current")) or {}).get("scope")
        addresses.setdefault(scope, value.get("value") or "")
    job = (validity.get("job_function_response") or {}).get("current") or {}
    return Engagement(
        uuid=uuid.UUID(engagement_uuid), unit=unit, person=uuid.UUID(person["uuid"]),
        name=(current.get("name") or "").strip(), title=(job.get("name") or "").strip(),
        email=addresses.get("EMAIL", "").strip(), phone=addresses.get("PHONE", "").strip(),
        starts=_date(validity["validity"].get("from")), ends=_date(validity["validity"].get("to")),
    )


def _date(value: str | None) -> datetime.date | None:
    """The date of an OS2mo datetime as OS2mo wrote it (its own offset: Danish time)."""
    return datetime.datetime.fromisoformat(value).date() if value else None
