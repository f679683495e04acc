import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Demo logins and factory users hash a password; the slow default hasher is not under test."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


from django.test import Client  # noqa: E402


def english_client(user=None) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    if user is not None:
        client.force_login(user)
    return client
