# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The words of a text that say what it is about, as Danish Snowball stems ("skolen", "skoler"
and "skolerne" are all "skol"), each with the form it had in the text.

Left out, so that no personal data reaches the term table (core.models.FocusTerm): e-mail
addresses, web addresses, anything with a digit (phone numbers, house numbers, dates), and
capitalised words inside a sentence (names of people and places: Danish capitalises nothing
else), and, in what is stored, every capitalised word (a sentence may begin with a name).
Also left out: stop words, greetings and words shorter than three letters.
"""

import re
from dataclasses import dataclass

from lokalkontakt.core.search.text import STOP_WORDS, stem

ADDRESS = re.compile(r"[^\s@]+@[^\s@]+\.[a-z]{2,}|(?:https?://|www\.)[^\s]*[^\s.,;:!?)]",
                     re.IGNORECASE)
TOKEN = re.compile(r"[^\W_]+")
SENTENCE_ENDS = ".!?:;\n•*#>-–"
MIN_LENGTH = 3
# Words of letters and greetings that say nothing about the subject.
EXTRA_STOP_WORDS = frozenset("""
hej kære tak mvh venlig venlige hilsen hilsner gerne bare lige godt kan vores jeres får fået
kommer komme sige siger synes tror håber spørge spørger spørgsmål tlf telefon mail
ang angående vedr vedrørende ved gør gøre lave laver del brug svært lang dag kommunen kommunens kommune
være blevet bliver også flere mere mest nogen ingen andre anden andet helt rigtig meget samt
""".split())  # noqa: SIM905 - a word list reads best as text


@dataclass(frozen=True)
class Token:
    word: str  # as written in the text
    stem: str


def tokens(text: str, *, stored: bool = False) -> list[Token]:
    """The text's content words in order, repeats kept; `stored`: for the term table, without
    any capitalised word."""
    text = ADDRESS.sub(" ", text or "")
    found = []
    for match in TOKEN.finditer(text):
        word = match.group()
        if any(c.isdigit() for c in word) or len(word) < MIN_LENGTH:
            continue
        if word[0].isupper() and (stored or not _starts_sentence(text, match.start())):
            continue  # a name inside a sentence
        lower = word.lower()
        if lower in STOP_WORDS or lower in EXTRA_STOP_WORDS:
            continue
        found.append(Token(word=word, stem=stem(lower)[:60]))
    return found


def _starts_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` begins the text, a sentence, a line or a list item (looking
    only at the few characters before it, so long texts cost no more per word)."""
    before = text[max(0, start - 12):start].rstrip(" \t\r")
    return before[-1:] in SENTENCE_ENDS if before else start <= 12
