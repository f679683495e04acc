# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The areas' pages: the public directory and area page (directory), the coordinator's pages
(coordination) and the import of areas from a file (importing)."""
