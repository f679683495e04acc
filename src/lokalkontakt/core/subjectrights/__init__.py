# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The data subject's rights (GDPR art. 15 and 17) for the coordinator and the data-protection
officer (koordinering/personoplysninger/): find what is held about one person by a name or an
e-mail address, export all of it as a ZIP (a readable index.html and the person's files), and
erase it where the law allows.

Core knows no feature: every source of personal data is a `PersonalData` in
`core.registry.personal_data`, and each app decides for its own data what an export shows and
what erasure may delete and must keep (and why). Both actions are written in the access log
(how: export, erasure): who, when, which objects."""
