# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Making and checking API keys.

A key reads `lk_<prefix>_<secret>`: the prefix (8 hex characters) finds the key's row and may
appear in logs; the secret (32 random bytes, URL-safe) never does. The stored hash is SHA-256 of
the whole key: the key is random and long, so a slow password hash would add nothing but time to
every call.
"""

import hashlib
import hmac
import secrets

PREFIX_LENGTH = 8


def new_key() -> tuple[str, str, str]:
    """A fresh key: (the key to show once, its prefix, its hash)."""
    prefix = secrets.token_hex(PREFIX_LENGTH // 2)
    key = f"lk_{prefix}_{secrets.token_urlsafe(32)}"
    return key, prefix, key_hash(key)


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def prefix_of(key: str) -> str | None:
    """The prefix of a well-formed key, or None."""
    parts = key.split("_", 2)
    if len(parts) != 3 or parts[0] != "lk" or len(parts[1]) != PREFIX_LENGTH or not parts[2]:
        return None
    return parts[1]


def matches(key: str, stored_hash: str) -> bool:
    return hmac.compare_digest(key_hash(key), stored_hash)
