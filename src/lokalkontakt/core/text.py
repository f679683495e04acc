# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Danish text helpers: alphabetical order with Æ, Ø, Å last."""

import unicodedata

# Danish collation: æ ø å after z; aa counts as å; ä/ö/ü sort as æ/ø/y; other accents are ignored.
_SPECIAL = {"æ": "æ", "ä": "æ", "ø": "ø", "ö": "ø", "å": "å", "ü": "y"}
_ALPHABET = "abcdefghijklmnopqrstuvwxyzæøå"


def _base_letter(char: str) -> str:
    if char in _SPECIAL:
        return _SPECIAL[char]
    decomposed = unicodedata.normalize("NFD", char)
    return decomposed[0] if decomposed else char


def danish_sort_key(value: str) -> str:
    """A key that orders strings as a Danish reader expects, written with digits only.

    Each character becomes two digits (separators 00, digits 01-10, a-z 11-36, æ 37, ø 38, å 39),
    so the key sorts the same under any database collation: SQLite's binary order and
    PostgreSQL's locale order agree on strings of digits.
    """
    text = unicodedata.normalize("NFC", value).casefold().replace("aa", "å")
    parts = []
    for char in text:
        letter = _base_letter(char)
        if letter in _ALPHABET:
            parts.append(f"{_ALPHABET.index(letter) + 11:02d}")
        elif letter.isdecimal():
            parts.append(f"{int(letter) + 1:02d}")
        elif letter.isspace() or not letter.isalnum():
            parts.append("00")
    return "".join(parts)


def danish_sorted(items, key=lambda item: item):
    """Sort any iterable in Danish alphabetical order of key(item)."""
    return sorted(items, key=lambda item: danish_sort_key(str(key(item))))


def short_date(value) -> str:
    """A date as the reader's language writes it short (30.11.2026 in Danish)."""
    from django.utils.formats import date_format

    return date_format(value, "SHORT_DATE_FORMAT")


def search_fold(value: str) -> str:
    """Case-folded, NFC-normalised text for substring search ("Å" typed either way matches)."""
    return unicodedata.normalize("NFC", value).casefold()
