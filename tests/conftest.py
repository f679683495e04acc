# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
import io
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
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
        # Every test's client builds its own middleware, and WhiteNoise would list and stat every
        # static file the finders know (~20 ms a client): look a file up when it is asked for.
        "WHITENOISE_AUTOREFRESH": True,
    }


@pytest.fixture(autouse=True)
def _plain_static_files(settings, suite_settings):
    """Tests render templates without a collectstatic manifest (and hash passwords quickly)."""
    for name, value in suite_settings.items():
        setattr(settings, name, value)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: what one test kept (the directory, the map) is keyed
    by the data's version, which the tests of a class that share their data also share."""
    for cache in caches.all():
        cache.clear()


@contextmanager
def rolled_back_after_the_class(django_db_blocker, suite_settings, load):
    """A transaction for data a class of tests only reads (`load()` makes it; its result is
    yielded), made once and rolled back after the class. Each test's own transaction (the db
    fixture) is a savepoint inside it, so what a test changes is gone before the next test, as
    with data of its own (as tests/permissions.py's world of the class). The database is open only
    while loading and rolling back: a test of the class without `db` still cannot reach it. In the
    tests' settings (suite_settings), which function-scoped fixtures cannot give a class."""
    atomic = transaction.atomic()
    with override_settings(**suite_settings):
        with django_db_blocker.unblock():
            atomic.__enter__()
            try:
                loaded = load()
            except BaseException:
                transaction.set_rollback(True)
                atomic.__exit__(None, None, None)
                raise
        try:
            yield loaded
        finally:
            with django_db_blocker.unblock():
                transaction.set_rollback(True)
                atomic.__exit__(None, None, None)


def _demo():
    with override_settings(DEMO_ENABLED=True):
        call_command("load_demo", stdout=io.StringIO())


@pytest.fixture(scope="class")
def demo_of_the_class(django_db_setup, django_db_blocker, suite_settings):
    """`load_demo` with the demo enabled (and its logins), once for a class of tests."""
    with rolled_back_after_the_class(django_db_blocker, suite_settings, _demo):
        yield


def _hedensted():
    from lokalkontakt.areas.demo import load_hedensted

    with override_settings(DEMO_ENABLED=True):
        return load_hedensted(with_users=True)


@pytest.fixture(scope="class")
def hedensted_of_the_class(django_db_setup, django_db_blocker, suite_settings):
    """Hedensted's areas, contacts and the demo logins (load_hedensted), once for a class of tests;
    its report."""
    with rolled_back_after_the_class(django_db_blocker, suite_settings, _hedensted) as report:
        yield report


def _hedensted_outlines():
    from lokalkontakt.areas.demo import load_hedensted
    from tests.areas.outlines import import_demo_outlines

    load_hedensted(with_users=False)
    return import_demo_outlines()


@pytest.fixture(scope="class")
def hedensted_outlines_of_the_class(django_db_setup, django_db_blocker, suite_settings):
    """Hedensted's areas without the demo logins and their outlines (tests/areas/outlines.py),
    once for a class of tests; a point inside each area's outline by name."""
    with rolled_back_after_the_class(django_db_blocker, suite_settings,
                                     _hedensted_outlines) as points:
        yield points


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
