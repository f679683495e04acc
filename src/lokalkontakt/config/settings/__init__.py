"""Settings for Lokalkontakt: every value from the environment, safe local defaults.

Production sets at least SECRET_KEY, DEBUG=0, ALLOWED_HOSTS and DATABASE_URL. The values are
grouped by what they govern: the framework (base), the municipality's own values (municipality),
e-mail and the task queue (mail), how long personal data is kept (retention), signing in and
HTTPS (security), logging (logs).
"""

from .base import *  # noqa: F403
from .logs import *  # noqa: F403
from .mail import *  # noqa: F403
from .municipality import *  # noqa: F403
from .retention import *  # noqa: F403
from .security import *  # noqa: F403
