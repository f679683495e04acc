# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A small OS2mo on loopback for the sync's tests: a real GraphQL server (graphql-core) serving
the part of OS2mo's schema the sync reads, at /graphql/v30, behind a Keycloak-shaped token
endpoint (/auth/realms/mo/protocol/openid-connect/token, OAuth2 client credentials).

The SDL below is a subset of OS2mo's GraphQL schema v30 (OS2mo/os2mo, mora/graphapi: query.py,
paged.py, response.py, filters.py, collections/{organisation_unit,engagement,employee,address,
classes}.py): the same type, field, argument and input names, so a query that does not fit OS2mo
does not fit here either. Data lives in `Os2moData`; tests change it between runs.
"""

import json
import secrets
import threading
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from graphql import build_schema, graphql_sync

SDL = """
scalar UUID
scalar DateTime
scalar Cursor

type Query {
  org_units(filter: OrganisationUnitFilter, limit: Int, cursor: Cursor): OrganisationUnitResponsePaged!
  engagements(filter: EngagementFilter, limit: Int, cursor: Cursor): EngagementResponsePaged!
}

input OrganisationUnitFilter {
  uuids: [UUID!]
  user_keys: [String!]
  from_date: DateTime
  to_date: DateTime
  ancestor: OrganisationUnitFilter
  descendant: OrganisationUnitFilter
}

input EmployeeFilter { uuids: [UUID!] user_keys: [String!] from_date: DateTime to_date: DateTime }

input EngagementFilter {
  uuids: [UUID!]
  user_keys: [String!]
  from_date: DateTime
  to_date: DateTime
  employee: EmployeeFilter
  org_unit: OrganisationUnitFilter
}

input AddressFilter { uuids: [UUID!] from_date: DateTime to_date: DateTime }

type PageInfo { next_cursor: Cursor }

type Validity { from: DateTime! to: DateTime }
type OpenValidity { from: DateTime to: DateTime }

type OrganisationUnitResponsePaged { objects: [OrganisationUnitResponse!]! page_info: PageInfo! }
type OrganisationUnitResponse {
  uuid: UUID!
  current(at: DateTime): OrganisationUnit
  validities(start: DateTime, end: DateTime): [OrganisationUnit!]!
}
type OrganisationUnit { uuid: UUID! name: String! user_key: String! validity: Validity! }

type EngagementResponsePaged { objects: [EngagementResponse!]! page_info: PageInfo! }
type EngagementResponse {
  uuid: UUID!
  current(at: DateTime): Engagement
  validities(start: DateTime, end: DateTime): [Engagement!]!
}
type Engagement {
  uuid: UUID!
  user_key: String!
  validity: Validity!
  job_function_response: ClassResponse!
  person_response: EmployeeResponse!
  org_unit_response: OrganisationUnitResponse!
}

type ClassResponse { uuid: UUID! current(at: DateTime): Class }
type Class { uuid: UUID! name: String! user_key: String! scope: String }

type EmployeeResponse { uuid: UUID! current(at: DateTime): Employee }
type Employee {
  uuid: UUID!
  name: String!
  given_name: String!
  surname: String!
  validity: OpenValidity!
  addresses_response(filter: AddressFilter, limit: Int, cursor: Cursor): AddressResponsePaged!
}

type AddressResponsePaged { objects: [AddressResponse!]! page_info: PageInfo! }
type AddressResponse { uuid: UUID! current(at: DateTime): Address }
type Address { uuid: UUID! value: String! name: String address_type_response: ClassResponse! }
"""

SCHEMA = build_schema(SDL)
TOKEN_PATH = "/auth/realms/mo/protocol/openid-connect/token"
GRAPHQL_PATH = "/graphql/v30"
EMAIL_TYPE = "f376deb8-4743-4ca6-a047-3241de8fe9d2"
PHONE_TYPE = "1d1d3711-5af4-4084-99b3-df2b8752fdec"


@dataclass
class Os2moData:
    """Units (uuid → name, parent), people (uuid → name, e-mail, phone) and engagements (uuid →
    person, unit, job function, validity: one dict per validity, `to` None when open)."""

    units: dict = field(default_factory=dict)
    people: dict = field(default_factory=dict)
    engagements: dict = field(default_factory=dict)
    fail_with: str = ""  # a GraphQL error to answer every query with
    queries: list = field(default_factory=list)

    def ancestors(self, unit: str) -> list[str]:
        chain = [unit]
        while self.units.get(chain[-1], {}).get("parent"):
            chain.append(self.units[chain[-1]]["parent"])
        return chain


def _overlaps(validity: dict, start, end) -> bool:
    """[from, to) meets [start, end); None is open. ISO strings of one offset compare as dates."""
    return ((end is None or validity["from"] < end)
            and (start is None or validity["to"] is None or validity["to"] > start))


def _page(items: list, limit, cursor) -> dict:
    start = int(cursor) if cursor else 0
    stop = len(items) if limit is None else start + limit
    return {"objects": items[start:stop],
            "page_info": {"next_cursor": str(stop) if stop < len(items) else None}}


class _Resolvers:
    def __init__(self, data: Os2moData):
        self.data = data

    def klass(self, uuid, name, scope=None):
        return {"uuid": uuid, "current": {"uuid": uuid, "name": name, "user_key": name, "scope": scope}}

    def unit(self, uuid):
        unit = self.data.units[uuid]
        current = {"uuid": uuid, "name": unit["name"], "user_key": unit["name"],
                   "validity": {"from": "2010-01-01T00:00:00+01:00", "to": None}}
        return {"uuid": uuid, "current": current, "validities": lambda info, **a: [current]}

    def person(self, uuid):
        person = self.data.people[uuid]
        given, _, surname = person["name"].partition(" ")
        addresses = [{"uuid": f"{uuid}-{kind}", "current": {
            "uuid": f"{uuid}-{kind}", "value": person[kind], "name": person[kind],
            "address_type_response": self.klass(type_uuid, kind, kind.upper())}}
            for kind, type_uuid in [("email", EMAIL_TYPE), ("phone", PHONE_TYPE)] if person.get(kind)]
        current = {"uuid": uuid, "name": person["name"], "given_name": given, "surname": surname,
                   "validity": {"from": None, "to": None},
                   "addresses_response": lambda info, filter=None, limit=None, cursor=None: _page(
                       addresses, limit, cursor)}
        return {"uuid": uuid, "current": current}

    def engagement(self, uuid, start, end):
        validities = [{
            "uuid": uuid, "user_key": uuid[:8], "validity": {"from": v["from"], "to": v["to"]},
            "job_function_response": self.klass(f"{uuid[:8]}-0000-4000-8000-00000000000f", v["job"]),
            "person_response": self.person(v["person"]), "org_unit_response": self.unit(v["unit"]),
        } for v in self.data.engagements[uuid]]
        return {"uuid": uuid, "current": None,  # the sync asks for validities, not current
                "validities": lambda info, start=start, end=end: [
                    v for v in validities if _overlaps(v["validity"], start, end)]}

    def org_units(self, info, filter=None, limit=None, cursor=None):
        uuids = (filter or {}).get("uuids")
        found = [u for u in self.data.units if uuids is None or u in uuids]
        return _page([self.unit(u) for u in found], limit, cursor)

    def engagements(self, info, filter=None, limit=None, cursor=None):
        filter = filter or {}
        under = ((filter.get("org_unit") or {}).get("ancestor") or {}).get("uuids")
        start, end = filter.get("from_date"), filter.get("to_date")
        found = sorted(uuid for uuid, validities in self.data.engagements.items()
                       if any((under is None or set(self.data.ancestors(v["unit"])) & set(under))
                              and _overlaps(v, start, end) for v in validities))
        return _page([self.engagement(u, start, end) for u in found], limit, cursor)


class FakeOs2mo:
    """The server: start() in a thread on 127.0.0.1, stop() at the end; `url` is OS2MO_URL."""

    def __init__(self, data: Os2moData, *, client_id="lokalkontakt", client_secret="hemmelig"):
        self.data, self.client_id, self.client_secret = data, client_id, client_secret
        self.tokens: set[str] = set()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self, status: int, body: dict):
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def do_POST(self):  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if self.path == TOKEN_PATH:
                    return self._token(urllib.parse.parse_qs(body.decode()))
                if self.path == GRAPHQL_PATH:
                    return self._graphql(json.loads(body))
                return self._answer(404, {"detail": "Not Found"})

            def _token(self, form):
                one = {key: values[0] for key, values in form.items()}
                if one.get("grant_type") != "client_credentials":
                    return self._answer(400, {"error": "unsupported_grant_type"})
                if (one.get("client_id"), one.get("client_secret")) != (fake.client_id,
                                                                        fake.client_secret):
                    return self._answer(401, {"error": "unauthorized_client", "error_description":
                                              "Invalid client or Invalid client credentials"})
                token = secrets.token_urlsafe(16)
                fake.tokens.add(token)
                return self._answer(200, {"access_token": token, "expires_in": 300,
                                          "token_type": "Bearer", "scope": "profile email"})

            def _graphql(self, request):
                token = self.headers.get("Authorization", "").removeprefix("Bearer ")
                if token not in fake.tokens:
                    return self._answer(401, {"detail": "Not authenticated"})
                fake.data.queries.append(request)
                if fake.data.fail_with:
                    return self._answer(200, {"data": None, "errors": [{"message": fake.data.fail_with}]})
                result = graphql_sync(SCHEMA, request["query"], root_value=_Resolvers(fake.data),
                                      variable_values=request.get("variables"))
                answer = {"data": result.data}
                if result.errors:
                    answer["errors"] = [{"message": e.message} for e in result.errors]
                return self._answer(200, answer)

        return Handler
