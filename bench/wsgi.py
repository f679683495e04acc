# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The production WSGI application plus the role permissions, for the bench only.

lokalkontakt.config.wsgi does not import lokalkontakt.core.roles, where the django-rules
permissions ("core.coordinate", "core.view_internal") are registered, and rules' autodiscovery
only looks for modules named `rules`. So under gunicorn a coordinator gets 403 on /koordinering/.
bench.run times through this module only when the production entry point answers a coordinator
page with anything but 200, and says so in its output.
"""

import lokalkontakt.core.roles  # noqa: F401 - registers the permissions
from lokalkontakt.config.wsgi import application

__all__ = ["application"]
