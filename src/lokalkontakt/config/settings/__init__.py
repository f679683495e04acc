# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Settings for Lokalkontakt: every value from the environment, safe local defaults.

Production (LOKALKONTAKT_DEV=0) needs the settings docs/operations.md lists under "Production
start-up"; `check --deploy` names any that is missing (core.checks). The values are
grouped by what they govern: the framework (base), the municipality's own values (municipality),
e-mail and the task queue (mail), how long personal data is kept (retention), signing in and
HTTPS (security), the REST API (api), logging (logs), the organisation from OS2mo (os2mo),
and signing in through the municipality's identity provider (oidc, last: it adds to the
backends and the security policy).
"""

from .api import *  # noqa: F403
from .base import *  # noqa: F403
from .logs import *  # noqa: F403
from .mail import *  # noqa: F403
from .municipality import *  # noqa: F403
from .os2mo import *  # noqa: F403
from .retention import *  # noqa: F403
from .security import *  # noqa: F403

# isort: split
# After security, whose backends and security policy it extends.
from .oidc import *  # noqa: F403
