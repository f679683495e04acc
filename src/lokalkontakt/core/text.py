# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Danish text helpers: alphabetical order with Æ, Ø, Å last; durations as people say them."""

import unicodedata

from django.utils.translation import gettext, ngettext

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


def _halves(half_hours: int) -> str:
    whole, half = divmod(half_hours, 2)
    return f"{whole or ''}½" if half else str(whole)


def format_duration(minutes: int | None) -> str:
    """Minutes as people say them: "45 min", "2 hours", "1½ hours", "1 h 15 min" (in the active
    language)."""
    if minutes is None:
        return ""
    hours, rest = divmod(int(minutes), 60)
    if hours == 0:
        return gettext("%(minutes)d min") % {"minutes": rest}
    if rest in (0, 30):
        return ngettext("%(hours)s hour", "%(hours)s hours", 1 if minutes == 60 else 2) % {
            "hours": _halves(minutes // 30)}
    return gettext("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": rest}


def format_duration_range(low: int, high: int) -> str:
    """An expected span of time: "1–1½ hours", "47–70½ hours" (spans over ten hours to the
    nearest half hour: they are estimates), else "45 min – 1 h 10 min"."""
    def half_hours(minutes: int) -> int | None:
        if minutes % 30 == 0:
            return minutes // 30
        return int(minutes / 30 + 0.5) if minutes >= 600 else None

    low_halves, high_halves = half_hours(low), half_hours(high)
    if low >= 60 and low_halves is not None and high_halves is not None:
        return gettext("%(low)s–%(high)s hours") % {"low": _halves(low_halves),
                                                     "high": _halves(high_halves)}
    return f"{format_duration(low)} – {format_duration(high)}"
