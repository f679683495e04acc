# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Date formats per language (FORMAT_MODULE_PATH): English as in Britain, not America."""
