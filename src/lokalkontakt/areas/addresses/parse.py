# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""An address as a citizen types it ("Strandvejen 12B, 1. tv, Hjarnø, 7130 Juelsminde") split
into street, house number, postcode and town, and names compared the Danish way."""

import re
import unicodedata
from dataclasses import dataclass

_POSTCODE = re.compile(r"\b(\d{4})\b")
_STREET_NUMBER = re.compile(r"^(?P<street>\D+?)\s*(?P<number>\d{1,3}\s?[A-Za-zÆØÅæøå]?)\b")
_PARENTHESES = re.compile(r"\([^)]*\)")


@dataclass(frozen=True)
class ParsedAddress:
    text: str
    street: str = ""
    number: str = ""
    postcode: str = ""
    towns: tuple[str, ...] = ()  # every other part, e.g. the supplementary town and the district

    @property
    def is_empty(self) -> bool:
        return not (self.street or self.postcode or self.towns)


def parse_address(text: str) -> ParsedAddress:
    """The parts of an address typed on one line. Commas separate the parts; a four-digit number
    is the postcode and the words after it the postal district; the first part is the street
    and house number when it has a number, else it may be a town ("7130 Juelsminde",
    "Hjarnø")."""
    text = " ".join(str(text or "").split())[:200]
    street = number = postcode = ""
    towns = []
    for position, part in enumerate(p.strip(" .") for p in text.split(",")):
        if not part:
            continue
        if match := _POSTCODE.search(part):
            postcode = postcode or match.group(1)
            part = (part[:match.start()] + part[match.end():]).strip()
        if position == 0 and (found := _STREET_NUMBER.match(part)):
            street, number = found.group("street").strip(), found.group("number").replace(" ", "")
        elif part and not _is_floor_and_door(part):
            towns.append(part)
    return ParsedAddress(text=text, street=street, number=number.upper(), postcode=postcode,
                         towns=tuple(towns))


def _is_floor_and_door(part: str) -> bool:
    """"1. tv", "st", "2 th", "kl. 3": a flat's floor and door, not a town."""
    return bool(re.fullmatch(r"(st|kl|\d{1,2})\.?(\s*(tv|th|mf|\d{1,4}))?\.?", part.casefold()))


def name_fold(value: str) -> str:
    """A place name as compared: case, "aa" for "å", accents (but not æ, ø, å: letters of their
    own), punctuation, brackets and extra spaces do not matter."""
    text = _PARENTHESES.sub(" ", unicodedata.normalize("NFC", str(value or ""))).casefold()
    text = text.replace("aa", "å")
    text = "".join(c for c in unicodedata.normalize("NFD", text)
                   if unicodedata.category(c) != "Mn" or c == "\u030a")
    text = unicodedata.normalize("NFC", text)
    return " ".join(re.sub(r"[^\w]+", " ", text).split())
