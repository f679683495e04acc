import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import translation

from lokalkontakt.core.roles import COORDINATOR_GROUP
from tests.people.factories import EmployeeFactory, UserFactory


@pytest.fixture(autouse=True)
def _plain_static_files(settings):
    """Tests render templates without a collectstatic manifest."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.LANGUAGE_CODE = "da"
    # A test proves who may sign in, not how hard a password is to crack: PBKDF2's million rounds
    # cost a third of a second for every user a factory makes.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def coordinator(db):
    user = UserFactory(username="koordinator")
    # get_or_create: a transactional test before this one may have flushed the migration's group.
    user.groups.add(Group.objects.get_or_create(name=COORDINATOR_GROUP)[0])
    EmployeeFactory(user=user, name="Karin Koordinator", title="Landdistriktskoordinator")
    return user


@pytest.fixture
def colleague(db):
    user = UserFactory(username="kollega")
    EmployeeFactory(user=user, name="Kalle Kollega")
    return user


@pytest.fixture
def contact_user(db):
    """A signed-in employee; tests give them assignments as needed."""
    user = UserFactory(username="lokalkontakt")
    EmployeeFactory(user=user, name="Lise Lokal")
    return user


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
