# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coordinator's pages for API keys (Koordinering → API-nøgler): the keys with their state,
making one (the key is shown once, in the answer to the form, never stored, logged or put in a
message or an address) and revoking one."""
