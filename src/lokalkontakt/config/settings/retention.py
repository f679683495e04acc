"""How long personal data and its copies are kept, each period a setting. The privacy notice
(/privatliv/) lists them, and the periodic jobs delete or anonymise what is older."""

import os

# Closed inquiries lose the submitter's personal data after this many days.
INQUIRY_RETENTION_DAYS = int(os.environ.get("INQUIRY_RETENTION_DAYS", "365"))
# The access log (who saw whose personal data, core.accesslog) is kept this many days (about six
# months), then deleted.
ACCESS_LOG_RETENTION_DAYS = int(os.environ.get("ACCESS_LOG_RETENTION_DAYS", "183"))
# Finished task results of the worker are deleted after this many days.
TASK_RESULT_RETENTION_DAYS = int(os.environ.get("TASK_RESULT_RETENTION_DAYS", "14"))
