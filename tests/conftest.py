# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
import pytest
from django.conf import settings
from django.utils import translation

from tests.people.factories import make_colleague, make_contact_user, make_coordinator

# The permission matrix's fixtures (outsider, contact, world, world_to_get) for tests/test_permissions.py
# and tests/<app>/test_permissions.py.
pytest_plugins = ["tests.permissions"]


@pytest.fixture(scope="session")
def suite_settings() -> dict:
    """The settings every test runs with; tests/permissions.py gives them to its shared world too."""
    return {
        # Tests render templates without a collectstatic manifest.
        "STORAGES": {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        "LANGUAGE_CODE": "da",
        # A test proves who may sign in, not how hard a password is to crack: PBKDF2's million
        # rounds cost a third of a second for every user a factory makes.
        "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
    }


@pytest.fixture(autouse=True)
def _plain_static_files(settings, suite_settings):
    """Tests render templates without a collectstatic manifest (and hash passwords quickly)."""
    for name, value in suite_settings.items():
        setattr(settings, name, value)


@pytest.fixture
def coordinator(db):
    return make_coordinator()


@pytest.fixture
def colleague(db):
    return make_colleague()


@pytest.fixture
def contact_user(db):
    """A signed-in employee; tests give them assignments as needed."""
    return make_contact_user()


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def colleague_client(client, colleague):
    client.force_login(colleague)
    return client


def site_text(msgid: str, **values) -> str:
    """A text as the site's language has it: e-mails are written in it, whoever triggers them."""
    with translation.override(settings.LANGUAGE_CODE):
        text = translation.gettext(msgid)
    return text % values if values else text


@pytest.fixture(scope="session")
def oidc_provider(live_server, tmp_path_factory):
    """A real OpenID Connect provider (tests/oidc_provider/) on loopback, started once, for the
    live server and the test client (http://testserver)."""
    from tests.core.processes import stop
    from tests.oidc_provider.process import start_provider

    provider = start_provider(tmp_path_factory.mktemp("oidc-provider"),
                              site_urls=[live_server.url, "http://testserver"])
    yield provider
    stop(provider.process)


@pytest.fixture
def oidc(settings, oidc_provider):
    """The site signs staff in at the test provider."""
    for name, value in oidc_provider.settings().items():
        setattr(settings, name, value)
    return oidc_provider
