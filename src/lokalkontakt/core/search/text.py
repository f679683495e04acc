# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Danish words for the search index and queries.

Every word is lower-cased and reduced to its Snowball stem ("lokalområderne" and "lokalområde"
are both "lokalområd"). Each stem is also stored reversed, so a query word can find the compound
words it ends ("henvendelse" finds "borgerhenvendelse": the reversed stem "dnevneh" is a prefix of
"dnevnehregrob"). Danish compounds put the head word last, so matching the end is what a reader
expects; matching any part would drown short words in noise.
"""

import functools
import re
from dataclasses import dataclass

import snowballstemmer
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WORD = re.compile(r"[^\W_]+")
MIN_SUFFIX = 3  # shorter stems ("by", "å") would match the end of too many words
MAX_TERMS = 8

# Snowball's Danish stop words, the list PostgreSQL's `danish` configuration uses too.
STOP_WORDS = frozenset("""
og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi
min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle
vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end dette mit også
under have dig anden hende mine alt meget sit sine vor mod disse hvis din nogle hos blive mange
ad bliver hendes været thi jer sådan
""".split())  # noqa: SIM905 - a word list reads best as text

_stemmer = snowballstemmer.stemmer("danish")


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def words(text: str) -> list[str]:
    """The words of a text, lower-cased, in order."""
    return WORD.findall((text or "").lower())


def stems(text: str) -> list[str]:
    """The stems of a text's words, stop words left out, in order (repeats kept for ranking)."""
    return [stem(word) for word in words(text) if word not in STOP_WORDS]


def reversed_stems(*texts: str) -> list[str]:
    """Each distinct stem of the texts, reversed (for compound-word matching)."""
    seen = dict.fromkeys(s for text in texts for s in stems(text))
    return [s[::-1] for s in seen]


# Endings whose stems a query word also matches: Snowball leaves short words ("sti", "by") and
# some s-endings ("plads" -> "plad", but "pladsen" -> "plads") apart from their own inflections.
INFLECTIONS = ("en", "et", "e", "er", "s")


@dataclass(frozen=True)
class Term:
    """One word of a query: as typed, its stem, and the reversed stem that matches compounds
    ending in it (empty when the stem is too short for that)."""

    word: str
    stem: str

    @functools.cached_property
    def variants(self) -> tuple[str, ...]:
        """The word, its stem and its inflected forms, whose stems it matches."""
        return tuple(dict.fromkeys([self.word, self.stem, *(self.word + e for e in INFLECTIONS)]))

    @functools.cached_property
    def stems(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(stem(variant) for variant in self.variants))

    @property
    def suffix(self) -> str:
        return self.stem[::-1] if len(self.stem) >= MIN_SUFFIX else ""

    def matches(self, word: str) -> bool:
        """Whether a word of a text is this term: one of its stems, or a compound ending in it."""
        word_stem = stem(word)
        return word_stem in self.stems or bool(self.suffix) and word_stem.endswith(self.stem)


def parse_query(query: str) -> list[Term]:
    """The query's distinct words as terms, stop words left out, at most MAX_TERMS. Every term
    must match (AND)."""
    terms = {}
    for word in words(query):
        if word not in STOP_WORDS and word not in terms:
            terms[word] = Term(word=word, stem=stem(word))
    return list(terms.values())[:MAX_TERMS]


def highlight(text: str, terms: list[Term]) -> SafeString:
    """The whole text, HTML-escaped, with every matching word in <mark>."""
    return _marked(text or "", terms, 0, len(text or ""))


@functools.lru_cache(maxsize=256)
def _finder(terms: tuple[Term, ...]) -> re.Pattern:
    """The words that hold one of the terms' stems. A Danish Snowball stem is the start of its
    word, so a word a term matches (its stem is one of the term's, or ends in the term's stem)
    holds that stem: the regular expression finds the few words worth stemming, and the rest of
    the text is never split into words (a test compares it with stemming every word)."""
    needles = sorted({s for t in terms for s in (*t.stems, t.stem) if s}, key=len, reverse=True)
    if not needles:
        return re.compile(r"(?!)")
    alternatives = "|".join(re.escape(n) for n in needles)
    return re.compile(rf"(?<![^\W_])[^\W_]*?(?:{alternatives})[^\W_]*", re.IGNORECASE)


def _matches(text: str, terms: list[Term]) -> list[re.Match]:
    return [m for m in _finder(tuple(terms)).finditer(text)
            if any(t.matches(m.group().lower()) for t in terms)]


def _marked(text: str, terms: list[Term], start: int, end: int) -> SafeString:
    parts, position = [], start
    for match in _matches(text[start:end], terms):
        parts += [escape(text[position:start + match.start()]), "<mark>", escape(match.group()),
                  "</mark>"]
        position = start + match.end()
    parts.append(escape(text[position:end]))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped


def snippet(text: str, terms: list[Term], *, length: int = 240) -> SafeString:
    """About `length` characters of the text around its first matching word, HTML-escaped, with
    every matching word in <mark>, in the words as written; cut at spaces where there are any."""
    text = " ".join((text or "").split())
    found = _matches(text, terms)
    start = 0
    if found and found[0].start() > length // 3:
        start = text.rfind(" ", 0, found[0].start() - length // 4) + 1
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = max(space if space > start else end, found[0].end() if found else start)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + _marked(text, terms, start, end) + suffix)  # noqa: S308 - escaped
