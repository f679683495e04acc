"""A real OpenID Connect provider for the sign-in tests: a small Django project with
django-oidc-provider, started in its own process on loopback (`serve.py`)."""
