# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""`check --deploy` in production (LOKALKONTAKT_DEV=0): the settings production cannot run
without, and the static files collected. The start scripts (scripts/start-*) run it and refuse
to start on any finding."""

import os

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core import checks

# The environment variables production needs, and what goes wrong without them. SECRET_KEY is
# checked as the settings load (config/settings/base.py).
REQUIRED = {
    "ALLOWED_HOSTS": "the host names the site answers to",
    "DATABASE_URL": "the PostgreSQL database (without it: a SQLite file inside the container)",
    "SITE_URL": "the site's https:// address, for the links in e-mails",
    "EMAIL_URL": "the SMTP server (without it: e-mails are written to files and never sent)",
    "DEFAULT_FROM_EMAIL": "the sender of the site's e-mails",
}


@checks.register(checks.Tags.security, deploy=True)
def check_production_settings(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    if not settings.PRODUCTION:
        return []
    missing = [name for name in REQUIRED if not os.environ.get(name, "").strip()]
    if not missing:
        return []
    return [checks.Error(
        f"Production settings missing: {', '.join(missing)}.",
        hint="Set them in the environment: " + "; ".join(f"{name}: {REQUIRED[name]}" for name in missing)
             + " (docs/operations.md, Production start-up).",
        id="lokalkontakt.E003")]


def static_manifest_missing() -> bool:
    """True when static files are served from collectstatic's manifest and it is not there:
    every page would answer 500."""
    manifest_name = getattr(staticfiles_storage, "manifest_name", None)
    if manifest_name is None:
        return False
    return not staticfiles_storage.manifest_storage.exists(manifest_name)


@checks.register(checks.Tags.staticfiles, deploy=True)
def check_static_collected(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    if not static_manifest_missing():
        return []
    return [checks.Error(
        f"The static files are not collected: no manifest in {settings.STATIC_ROOT}.",
        hint="Run `python -m lokalkontakt collectstatic --noinput` when the image is built "
             "(STATIC_ROOT says where).",
        id="lokalkontakt.E004")]
