# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""`python -m tests.oidc_provider.serve PORT`: the test provider, set up afresh and serving on
127.0.0.1:PORT until stopped. From the environment: OP_DATABASE (a SQLite file of its own),
OP_REDIRECT_URIS and OP_LOGOUT_URIS (comma-separated), OP_USERS (JSON: a list of
{"username", "password", "email", "name", "employee_uuid", "groups"}). The client is
"lokalkontakt" with the secret "provider-secret", RS256, no consent screen."""

import json
import os
import sys

CLIENT_ID = "lokalkontakt"
CLIENT_SECRET = "provider-secret"  # noqa: S105 - the test provider's only


def set_up() -> None:
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from oidc_provider.models import Client, ResponseType

    call_command("migrate", verbosity=0)
    call_command("creatersakey")
    client = Client.objects.create(
        name="Lokalkontakt", client_id=CLIENT_ID, client_secret=CLIENT_SECRET,
        client_type="confidential", jwt_alg="RS256", require_consent=False, reuse_consent=True,
        _redirect_uris=os.environ["OP_REDIRECT_URIS"].replace(",", "\n"),
        _post_logout_redirect_uris=os.environ.get("OP_LOGOUT_URIS", "").replace(",", "\n"))
    client.response_types.add(ResponseType.objects.get(value="code"))
    for person in json.loads(os.environ.get("OP_USERS", "[]")):
        user = User.objects.create_user(person["username"], person["email"], person["password"],
                                        first_name=person.get("name", ""),
                                        last_name=person.get("employee_uuid", ""))
        for name in person.get("groups", []):
            user.groups.add(Group.objects.get_or_create(name=name)[0])


def main() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.oidc_provider.settings"
    import django
    from django.core.management import call_command

    django.setup()
    set_up()
    call_command("runserver", f"127.0.0.1:{sys.argv[1]}", use_reloader=False, use_threading=True,
                 skip_checks=True)


if __name__ == "__main__":
    main()
