# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
import subprocess
import sys


def test_role_permissions_are_registered_when_the_app_starts():
    """A fresh process (as gunicorn or `make run` starts one) knows the role permissions."""
    code = (
        "import django, rules; django.setup(); "
        "print(rules.perm_exists('core.coordinate'), rules.perm_exists('core.view_internal'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        env={"DJANGO_SETTINGS_MODULE": "lokalkontakt.config.settings", "PATH": "/usr/bin:/bin",
             "PYTHONPATH": "src"},
    )

    assert result.stdout.split() == ["True", "True"]
