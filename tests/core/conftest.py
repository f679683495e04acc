# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
import subprocess
import sys

import pytest

from tests.core.processes import PROJECT_DIR


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """collectstatic's output with its manifest, as the image's build leaves it (without the
    pre-compressed copies, which cost ten seconds): STATIC_ROOT for production processes."""
    root = tmp_path_factory.mktemp("static")
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(PROJECT_DIR / "src"),
           "DJANGO_SETTINGS_MODULE": "lokalkontakt.config.settings", "STATIC_MANIFEST": "1",
           "STATIC_COMPRESS": "0", "STATIC_ROOT": str(root),
           "LOKALKONTAKT_VAR_DIR": str(tmp_path_factory.mktemp("var"))}
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],  # noqa: S603
                   cwd=PROJECT_DIR, env=env, check=True, timeout=120)
    return root
