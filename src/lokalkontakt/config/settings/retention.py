# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
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
# A sent e-mail's text and attachments are deleted after this many days; the row (to whom, which
# subject, when) stays until the data it is about is anonymised. Private links are blanked at once,
# as the message is sent.
EMAIL_BODY_RETENTION_DAYS = int(os.environ.get("EMAIL_BODY_RETENTION_DAYS", "30"))
# django-axes' records of logins and failed login attempts (username, address, browser) are
# deleted after this many days: long enough to look into an attack, no longer.
LOGIN_RECORD_RETENTION_DAYS = int(os.environ.get("LOGIN_RECORD_RETENTION_DAYS", "30"))
# A council member who left (deactivated) loses their name and e-mail address, in the member row,
# its history, the area's events, their user account and the e-mails to them, after this many days.
COUNCIL_MEMBER_RETENTION_DAYS = int(os.environ.get("COUNCIL_MEMBER_RETENTION_DAYS", "90"))
# The API's change feed (/api/v1/changes/) keeps its rows this many days; a system that fell
# further behind synchronises again (the feed names the oldest change it still has).
CHANGE_FEED_DAYS = int(os.environ.get("CHANGE_FEED_DAYS", "90"))
# A large export or a period's journalisation ZIP, prepared by the worker, may hold personal
# data: it is deleted this many hours after it was made (core.exports).
EXPORT_DOWNLOAD_HOURS = int(os.environ.get("EXPORT_DOWNLOAD_HOURS", "24"))
