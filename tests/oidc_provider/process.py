# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The test provider in a process of its own, and the site's settings that point at it."""

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from django.urls import reverse

from tests.core.processes import PROJECT_DIR, stop, wait_until_up
from tests.core.test_mail import free_port
from tests.oidc_provider.serve import CLIENT_ID, CLIENT_SECRET

PASSWORD = "provider-pw"  # noqa: S105 - the test provider's users'
COORDINATOR_GROUP = "LK-koordinatorer"
# The provider's users. Lokalkontakt knows them only where a test makes their employee.
USERS = {
    "anne": {"email": "Anne.Ansat@Hedensted.dk", "name": "Anne Ansat", "groups": ["Medarbejdere"],
             "employee_uuid": "0b8e6a52-5d3c-4a39-9a51-3f0f3b1c2d01"},
    "karin": {"email": "karin.koordinator@hedensted.dk", "name": "Karin Koordinator",
              "groups": ["Medarbejdere", COORDINATOR_GROUP]},
    "ukendt": {"email": "ukendt@hedensted.dk", "name": "Ukendt Person", "groups": ["Medarbejdere"]},
}


@dataclass
class Provider:
    url: str
    process: subprocess.Popen

    @property
    def discovery_url(self) -> str:
        return f"{self.url}/.well-known/openid-configuration"

    def settings(self) -> dict:
        """The site's settings for signing in at this provider."""
        from lokalkontakt.config.settings.oidc import provider_form_action
        from lokalkontakt.config.settings.security import CONTENT_SECURITY_POLICY

        return {
            "OIDC_DISCOVERY_URL": self.discovery_url, "OIDC_RP_CLIENT_ID": CLIENT_ID,
            "OIDC_RP_CLIENT_SECRET": CLIENT_SECRET, "OIDC_RP_SCOPES": "openid email profile groups employee",
            "OIDC_COORDINATOR_GROUPS": [COORDINATOR_GROUP],
            "CONTENT_SECURITY_POLICY": provider_form_action(CONTENT_SECURITY_POLICY, self.url),
        }


def start_provider(directory: Path, *, site_urls: list[str]) -> Provider:
    """Start the provider on a free loopback port, for a site reachable at `site_urls`."""
    port = free_port()
    users = [{"username": name, "password": PASSWORD, **person} for name, person in USERS.items()]
    env = {
        "PATH": "/usr/bin:/bin", "PYTHONPATH": f"{PROJECT_DIR}/src:{PROJECT_DIR}",
        "OP_DATABASE": str(directory / "provider.sqlite3"), "OP_USERS": json.dumps(users),
        "OP_REDIRECT_URIS": ",".join(f"{url}/oidc/callback/" for url in site_urls),
        # where the site's logout sends the browser back (LOGOUT_REDIRECT_URL)
        "OP_LOGOUT_URIS": ",".join(f"{url}{reverse('areas:directory')}" for url in site_urls),
    }
    process = subprocess.Popen([sys.executable, "-m", "tests.oidc_provider.serve", str(port)],  # noqa: S603
                               env=env, cwd=PROJECT_DIR, stdout=subprocess.DEVNULL,
                               stderr=open(directory / "provider.log", "w"))  # noqa: SIM115
    provider = Provider(f"http://127.0.0.1:{port}", process)
    try:
        wait_until_up(provider.discovery_url, process, timeout=30)
    except Exception:
        stop(process)
        raise
    return provider
