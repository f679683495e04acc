import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Demo logins and factory users hash a password; the slow default hasher is not under test."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
