# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""From an address to the local area: the national address service's adapter (dar.py), the
lookup by outline or by postcode and town (lookup.py), a parser for typed addresses (parse.py),
point in polygon (geometry.py) and UTM zone 32 to longitude and latitude (utm.py).

Nothing here depends on DAWA (closed in 2026); the application works without the service."""
