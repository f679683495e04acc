# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Notes for the search benchmark (never for real data): `generate_notes(count, seed=1)`.

On top of `bench.generate.generate(areas)`: `count` notes whose titles (3-8 words) and texts
(40-120 words, two or three paragraphs, now and then a list or a bold word) are drawn from a
Zipf distribution (Zipf-Mandelbrot, exponent 1.1) over a Danish vocabulary:

- first the words every Danish text is full of (Snowball's stop words, then common words of the
  trade: kommune, borger, område, ...), so the head of the distribution looks like Danish;
- then 100,000 words of Debian's `wdanish` list (/usr/share/dict/danish: lower-case words of
  letters only, so no names, abbreviations or apostrophes), in a seeded random order;
- compound words: known ones (borgerhenvendelse, cykelsti, sportshal, skolevej, lokalområde,
  ...) among the mid-frequency ranks, and 5,000 made by joining two dictionary words, half of
  them ending in a head word of the trade (henvendelse, sti, hal, vej, område, plan, hus).

Rows go in with bulk_create in chunks (text is generated chunk by chunk, so memory stays flat
however many notes). Areas, authors, kinds, visibility (60 % staff, 15 % council, 25 % public)
and focus areas vary; `created_at` spreads over the five years before 2025-06-02 in the order
of the ids. The document frequency of every word is counted as the text is made, for picking
the benchmark's queries (`pick_queries`). Same seed, same notes.

`python -m bench.generate_notes index` indexes the notes in a process of its own (the bench
runs it so that the peak memory it reports is the indexing's alone) and prints JSON.
"""

import bisect
import contextlib
import datetime
import itertools
import json
import random
import re
import sys
import time
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

DICTIONARY = Path("/usr/share/dict/danish")
DICTIONARY_WORDS = 100_000
SYNTHETIC_COMPOUNDS = 5_000
ZIPF_EXPONENT = 1.1
ZIPF_OFFSET = 2.7  # Mandelbrot's shift: flattens the very top, as real text does
CHUNK = 2_000
START = datetime.datetime(2020, 6, 2, 8, 0, tzinfo=datetime.UTC)
END = datetime.datetime(2025, 6, 2, 16, 0, tzinfo=datetime.UTC)

# The top of the distribution, most frequent first: function words, then words of the trade.
FUNCTION_WORDS = """
og i at det en den til er som på de med af for ikke der var har om vi et skal kan vil også
men eller når fra ved efter over så nu her alle være blevet bliver meget mange deres kunne
""".split()  # noqa: SIM905 - a word list reads best as text
TRADE_WORDS = """
kommune borger område lokalområde møde forening landsby byen vej rådet projekt sag plan
arbejde beboere ønske kontakt forslag aftale dialog tid år dag uge mulighed udvalg
børn skole hal hus sti cykelsti trafik busser naturen fællesskab frivillige økonomi tilskud
budget pulje ansøgning svar tilbud ældre unge familier sundhed kultur idræt sportshal
borgerhenvendelse skolevej forsamlingshus legeplads vejbelysning lokalråd landsbyråd
""".split()  # noqa: SIM905
# Known compounds, placed among the mid-frequency ranks (from rank 400 on, every 60th).
KNOWN_COMPOUNDS = """
cykelstien skolevejen sportshallen lokalområdet borgerhenvendelser lokalplan byudvikling
affaldsindsamling fortovet vejarbejde trafiksikkerhed busstoppested hastighedsdæmpning
naturområde grøntområde medborgerhus idrætsforening beboerforening spejderhytte klubhus
friluftsliv stiforbindelse borgermøde dialogmøde høringssvar kommuneplan landdistrikt
""".split()  # noqa: SIM905
HEADS = ["henvendelse", "sti", "hal", "vej", "område", "plan", "hus"]
KINDS = [("local_conditions", 30), ("associations", 20), ("key_people", 10), ("plans", 20),
         ("events", 10), ("experience", 10)]
VISIBILITY = [("staff", 60), ("council", 15), ("public", 25)]
LETTERS = re.compile(r"[a-zæøå]+")


@dataclass
class GeneratedNotes:
    notes: int = 0
    vocabulary: int = 0
    dictionary_words: int = 0
    compounds: int = 0
    words: int = 0  # words of all titles and texts together
    with_area: int = 0
    with_focus_areas: int = 0
    by_visibility: dict = field(default_factory=dict)
    document_frequency: Counter = field(default_factory=Counter, repr=False)

    def summary(self) -> dict:
        return {key: value for key, value in self.__dict__.items() if key != "document_frequency"}


def dictionary_words(path: Path = DICTIONARY) -> list[str]:
    """The list's lower-case words of 3-18 letters, in the list's order."""
    if not path.exists():
        raise SystemExit(f"{path} is missing: the search bench draws its words from Debian's "
                         "Danish word list. Install it with `apt-get install wdanish`.")
    words = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return [w for w in words if 3 <= len(w) <= 18 and LETTERS.fullmatch(w)]


def vocabulary(rng: random.Random) -> tuple[list[str], int, int]:
    """The words by rank (most frequent first); also how many came from the dictionary and how
    many are compounds."""
    head = list(dict.fromkeys(FUNCTION_WORDS + TRADE_WORDS))
    reserved = {*head, *KNOWN_COMPOUNDS, "henvendelse"}
    pool = [w for w in dictionary_words() if w not in reserved]
    rng.shuffle(pool)
    chosen = pool[:DICTIONARY_WORDS]
    if len(chosen) < 10_000:
        raise SystemExit(f"{DICTIONARY} has only {len(chosen)} usable words; 10,000 are needed.")
    parts = [w for w in chosen if 4 <= len(w) <= 9]
    made = set()
    while len(made) < SYNTHETIC_COMPOUNDS:
        tail = rng.choice(HEADS) if len(made) % 2 else rng.choice(parts)
        made.add(rng.choice(parts) + tail)
    made = sorted(made - set(chosen) - reserved)
    rng.shuffle(made)
    ranked = head + chosen
    ranked.insert(640, "henvendelse")  # about 1 % of the notes: a mid-frequency query
    for i, word in enumerate(KNOWN_COMPOUNDS):
        ranked.insert(400 + 60 * i, word)
    for word in made:  # anywhere after the known ones: from mid-frequency to the rare tail
        ranked.insert(rng.randrange(2_500, len(ranked)), word)
    return ranked, len(chosen), len(KNOWN_COMPOUNDS) + len(made)


class Writer:
    """Titles and texts from the Zipf distribution over the vocabulary."""

    def __init__(self, words: list[str], rng: random.Random):
        self.words, self.rng = words, rng
        weights = [1 / (rank + ZIPF_OFFSET) ** ZIPF_EXPONENT for rank in range(len(words))]
        self.cumulative = list(itertools.accumulate(weights))
        self.total = self.cumulative[-1]

    def draw(self, k: int) -> list[str]:
        random_, cumulative, total, words = self.rng.random, self.cumulative, self.total, self.words
        hi = len(words) - 1
        return [words[bisect.bisect(cumulative, random_() * total, 0, hi)] for _ in range(k)]

    def title(self) -> list[str]:
        return self.draw(self.rng.randint(3, 8))

    def body(self) -> list[str]:
        return self.draw(self.rng.randint(40, 120))

    def markdown(self, body: list[str]) -> str:
        """The words as sentences in two or three paragraphs; now and then a list or bold."""
        rng, sentences, i = self.rng, [], 0
        while i < len(body):
            n = rng.randint(6, 16)
            sentence = body[i:i + n]
            sentences.append(" ".join([sentence[0].capitalize(), *sentence[1:]]) + ".")
            i += n
        if rng.random() < 0.15:
            word = rng.randrange(len(sentences))
            sentences[word] = f"**{sentences[word][:-1]}**."
        paragraphs = rng.choice([2, 3])
        size = max(1, len(sentences) // paragraphs)
        blocks = [" ".join(sentences[j:j + size]) for j in range(0, len(sentences), size)]
        if rng.random() < 0.1 and len(blocks) > 1:
            blocks[-1] = "\n".join(f"- {s}" for s in blocks[-1].split(". "))
        return "\n\n".join(blocks)


@contextlib.contextmanager
def _timestamps_as_given():
    from lokalkontakt.knowledge.models import Note

    fields = [Note._meta.get_field("created_at"), Note._meta.get_field("updated_at")]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


@dataclass
class NoteRow:
    """One generated note, before it is written (the service path and the bulk path share it)."""

    title: list[str]
    body: list[str]
    text: str
    at: datetime.datetime
    visibility: str
    area: int | None
    kind: str
    author: int
    tags: list[int]


def note_rows(count: int, rng: random.Random, writer: Writer):
    """The `count` notes, one NoteRow each, in id order: deterministic per rng."""
    from lokalkontakt.areas.models import LocalArea
    from lokalkontakt.core.models import FocusArea
    from lokalkontakt.people.models import Employee

    areas = list(LocalArea.objects.order_by("pk").values_list("pk", "population"))
    area_ids = [pk for pk, _population in areas]
    area_weights = [max(population or 0, 50) for _pk, population in areas]
    authors = list(Employee.objects.filter(is_active=True).order_by("pk").values_list("pk", flat=True))
    focus = list(FocusArea.objects.order_by("pk").values_list("pk", flat=True))
    kinds, kind_weights = zip(*KINDS, strict=True)
    visibilities, visibility_weights = zip(*VISIBILITY, strict=True)
    step = (END - START) / max(count, 1)
    for i in range(count):
        title, body = writer.title(), writer.body()
        at = START + step * i + datetime.timedelta(seconds=rng.randrange(3600))
        visibility = rng.choices(visibilities, visibility_weights)[0]
        area = rng.choices(area_ids, area_weights)[0] if rng.random() < 0.7 else None
        if visibility == "council" and not area:
            visibility = "staff"  # only an area has a council
        text = writer.markdown(body)
        kind = rng.choices(kinds, kind_weights)[0]
        author = rng.choice(authors)
        tags = rng.sample(focus, rng.choice([1, 1, 2])) if rng.random() < 0.3 else []
        yield NoteRow(title, body, text, at, visibility, area, kind, author, tags)


def start(seed: int) -> tuple[random.Random, Writer, GeneratedNotes]:
    rng = random.Random(seed)
    words, from_dictionary, compounds = vocabulary(rng)
    return rng, Writer(words, rng), GeneratedNotes(vocabulary=len(words),
                                                   dictionary_words=from_dictionary,
                                                   compounds=compounds)


def count_row(summary: GeneratedNotes, row: NoteRow) -> None:
    summary.document_frequency.update(set(row.title) | set(row.body))
    summary.words += len(row.title) + len(row.body)
    summary.by_visibility[row.visibility] = summary.by_visibility.get(row.visibility, 0) + 1
    summary.notes += 1
    summary.with_area += bool(row.area)
    summary.with_focus_areas += bool(row.tags)


def generate_notes(count: int, seed: int = 1, progress=None) -> GeneratedNotes:
    """`count` notes in a database that bench.generate.generate has filled, through the ORM
    (bulk_create; the bench indexes them after). Deterministic per seed; one transaction per
    chunk of CHUNK notes. bench.bulk_notes writes the same notes with COPY on PostgreSQL."""
    from django.db import transaction

    from lokalkontakt.knowledge.models import Note

    rng, writer, summary = start(seed)
    Through = Note.focus_areas.through
    rows = note_rows(count, rng, writer)
    with _timestamps_as_given():
        while chunk := list(itertools.islice(rows, CHUNK)):
            for row in chunk:
                count_row(summary, row)
            with transaction.atomic():
                notes = Note.objects.bulk_create(
                    [Note(area_id=row.area, title=" ".join(row.title).capitalize()[:200],
                          text=row.text, kind=row.kind, visibility=row.visibility,
                          author_id=row.author, created_at=row.at, updated_at=row.at)
                     for row in chunk], batch_size=CHUNK)
                Through.objects.bulk_create(
                    [Through(note_id=note.pk, focusarea_id=f)
                     for note, row in zip(notes, chunk, strict=True) for f in row.tags],
                    batch_size=CHUNK)
            if progress:
                progress(summary.notes)
    return summary


def pick_queries(df: Counter, notes: int) -> list[tuple[str, str]]:
    """The benchmark's twelve queries, from the corpus's document frequencies: (class, query).

    Three very common words (the most frequent that are neither stop nor function words), four mid-frequency
    (document frequency nearest 1 % of the notes, one of them the compound head "henvendelse"),
    three rare (nearest 1 in 20,000 notes, at least 5), two of two words."""
    from lokalkontakt.core.search.text import MIN_SUFFIX, STOP_WORDS, stem

    usable = sorted(((n, w) for w, n in df.items()
                     if w not in STOP_WORDS and len(stem(w)) >= MIN_SUFFIX), reverse=True)
    common = [w for _n, w in usable if w not in FUNCTION_WORDS][:3]

    def nearest(target, k, exclude=()):
        ranked = sorted(usable, key=lambda nw: (abs(nw[0] - target), zlib.crc32(nw[1].encode())))
        seen_stems, chosen = {stem(w) for w in exclude}, []
        for _n, w in ranked:
            # long words: a short one ("streg") ends hundreds of compounds and is not rare
            if stem(w) not in seen_stems and len(w) >= 8:
                chosen.append(w)
                seen_stems.add(stem(w))
            if len(chosen) == k:
                return chosen
        return chosen

    mid = [*nearest(notes / 100, 3, common), "henvendelse"]
    rare = nearest(max(5, notes / 20_000), 3, common + mid)
    return ([("common", w) for w in common] + [("mid", w) for w in mid]
            + [("rare", w) for w in rare]
            + [("two words", f"{common[0]} {mid[0]}"), ("two words", f"{mid[1]} {mid[2]}")])


def _status_kib(field_name: str) -> int:
    """VmRSS (resident now) or VmHWM (peak resident) of this process, from /proc. Not
    ru_maxrss: Linux carries that over from the parent across fork and exec."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field_name}:"):
            return int(line.split()[1])
    return 0


def index_main(batch: int) -> dict:
    """Rebuild the notes' index; time, peak memory (this process's peak resident set above what
    it had before) and the resident memory after every tenth of the batches."""
    import django

    django.setup()
    from django.db import connection

    from lokalkontakt.core.search.index import rebuild
    from lokalkontakt.knowledge.models import Note

    total = Note.objects.count()
    connection.close()
    before = _status_kib("VmHWM")
    samples, every = [], max(1, total // 10)

    def progress(_kind, done):
        if done // every != (done - batch) // every or done == total:
            samples.append([done, round(_status_kib("VmRSS") / 1024, 1)])

    started = time.perf_counter()
    indexed = rebuild(kinds=["note"], batch=batch, progress=progress)
    seconds = time.perf_counter() - started
    peak = _status_kib("VmHWM")
    return {"indexed": indexed, "batch": batch, "index_s": round(seconds, 1),
            "notes_per_s": round(indexed / seconds) if seconds else None,
            "rss_before_mib": round(before / 1024, 1), "rss_peak_mib": round(peak / 1024, 1),
            "rss_growth_mib": round((peak - before) / 1024, 1), "rss_by_progress_mib": samples}


if __name__ == "__main__":
    if sys.argv[1:2] != ["index"]:
        raise SystemExit("usage: python -m bench.generate_notes index [batch]")
    print(json.dumps(index_main(int(sys.argv[2]) if len(sys.argv) > 2 else 1000)))
