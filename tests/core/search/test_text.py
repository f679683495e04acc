# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""What the words of a query find (core.search.text): Danish stems, compound words ending in the
query word, stop words; and how hits show the matching words (snippets, highlighted titles)."""

import pytest
from django.db import connection

from lokalkontakt.core.search.query import search
from lokalkontakt.core.search.text import parse_query, snippet, stem
from tests.core.search.conftest import submit_inquiry, titles, write_note


@pytest.fixture
def author(colleague):
    return colleague


@pytest.mark.parametrize(("written", "query"), [
    ("Kort over lokalområderne i kommunen", "lokalområde"),
    ("Et lokalområde med egen hal", "lokalområderne"),
    ("Alle henvendelser om vejbump", "henvendelse"),
    ("En henvendelse om vejbump", "henvendelser"),
])
def test_a_word_finds_its_other_forms(author, written, query):
    write_note(author, title="Noten", text=written)

    assert titles(author, query) == ["Noten"]


@pytest.mark.parametrize(("written", "query"), [
    ("Bænkene på legepladsen er nye", "legeplads"),
    ("Der er god plads i hallen", "pladsen"),
    # Short words, which Snowball leaves whole, find their inflected forms.
    ("Stien langs åen er lukket", "sti"),
    ("Byen har fået ny købmand", "by"),
])
def test_a_noun_ending_in_s_finds_its_other_forms(author, written, query):
    write_note(author, title="Noten", text=written)

    assert titles(author, query) == ["Noten"]


@pytest.mark.parametrize(("written", "query"), [
    ("Ny borgerhenvendelse om skolevejen", "henvendelse"),
    ("Foreningen mødes i sportshallen", "hal"),
    ("Cykelstien langs åen er lukket", "sti"),
])
def test_a_word_finds_compound_words_that_end_in_it(author, written, query):
    write_note(author, title="Noten", text=written)

    assert titles(author, query) == ["Noten"]


@pytest.mark.parametrize(("written", "query"), [
    ("Ny borgerhenvendelse om skolevejen", "borger"),  # the head word is last, not first
    ("Foreningen mødes i sportshallen", "sport"),
    ("Cykelstien langs åen er lukket", "cykel"),
    ("Landsbyen har fået ny købmand", "by"),  # shorter than MIN_SUFFIX: no compound matching
])
def test_a_word_does_not_find_compounds_that_merely_begin_with_or_contain_it(
        author, written, query):
    write_note(author, title="Noten", text=written)

    assert titles(author, query) == []


def test_every_word_of_the_query_must_match(author):
    write_note(author, title="Vejbump", text="Vejbump ved skolen")
    write_note(author, title="Skolen", text="Skolen får ny legeplads")

    assert titles(author, "vejbump skolen") == ["Vejbump"]
    assert titles(author, "vejbump legeplads") == []


def test_a_query_of_stop_words_only_finds_nothing(author):
    write_note(author, title="Og det var der ikke", text="og i jeg det at en den til er som på de")

    results = search(user=author, query="og det der ikke")

    assert results.hits == [] and results.count == 0 and results.terms == []


def test_stop_words_in_a_query_are_ignored(author):
    write_note(author, title="Vejbump", text="Vejbump ved skolen")

    assert titles(author, "vejbump og det") == ["Vejbump"]


def test_an_empty_query_finds_nothing(author):
    write_note(author, title="Vejbump", text="Vejbump ved skolen")

    assert search(user=author, query="  ").hits == []
    assert search(user=author, query="!?*").count == 0


def test_the_search_ignores_case_and_keeps_danish_letters(author):
    write_note(author, title="Åbningstider", text="Hallen i Ørum er åben hver dag")
    write_note(author, title="Abningstider", text="Hallen i Orum")

    assert titles(author, "ØRUM") == ["Åbningstider"]
    assert titles(author, "åbningstider") == ["Åbningstider"]


@pytest.mark.parametrize("query", ["info@glud.dk", "www.glud.dk", "glud.dk"])
def test_an_address_finds_the_note_that_gives_it(author, query):
    write_note(author, title="Borgerforeningen", text="Skriv til info@glud.dk eller se www.glud.dk")

    assert titles(author, query) == ["Borgerforeningen"]


def test_query_syntax_characters_are_plain_text(author):
    write_note(author, title="Vejbump", text="Vejbump ved skolen")

    for query in ['vejbump"', "vejbump*", "vejbump AND OR NOT", "vejbump:*", "'vejbump'",
                  "vejbump & !skolen", "title: vejbump", "(vejbump)", "vejbump -- ;"]:
        assert titles(author, query) in ([], ["Vejbump"]), query
    assert titles(author, '"vejbump" (skolen)') == ["Vejbump"]


def test_the_snippet_marks_the_matching_words_as_written(author):
    write_note(author, title="Skolevejen", text="Der kom flere henvendelser om en borgerhenvendelse.")

    [hit] = search(user=author, query="henvendelse").hits

    assert hit.snippet == ("Der kom flere <mark>henvendelser</mark> om en "
                           "<mark>borgerhenvendelse</mark>.")


def test_the_title_marks_the_matching_words(author):
    write_note(author, title="Vejbumpene ved skolen", text="Bilerne kører for stærkt.")

    [hit] = search(user=author, query="vejbump").hits

    assert hit.title_html == "<mark>Vejbumpene</mark> ved skolen"


def test_the_title_is_shown_whole_when_the_match_is_at_its_end(author):
    # highlight() promises "the whole text"; it reuses snippet(), which starts the window a
    # little before a match found after the first third of the text.
    write_note(author, title="Referat fra mødet om vejbump", text="Bilerne kører for stærkt.")

    [hit] = search(user=author, query="vejbump").hits

    assert hit.title_html == "Referat fra mødet om <mark>vejbump</mark>"


def test_html_in_a_note_is_escaped_in_its_title_and_dropped_from_its_text(author):
    write_note(author, title="<script>alert(1)</script> vejbump",
               text='Vejbump <img src=x onerror="alert(2)"> 3 < 5 & <b>fed</b>')

    [hit] = search(user=author, query="vejbump").hits

    assert hit.title_html == "&lt;script&gt;alert(1)&lt;/script&gt; <mark>vejbump</mark>"
    assert "<img" not in hit.snippet and "onerror" not in hit.snippet
    assert "3 &lt; 5 &amp; fed" in hit.snippet


def test_html_in_an_inquiry_is_escaped_in_its_snippet_and_title(world):
    submit_inquiry(area=world.glud, subject='Vejbump <b onmouseover="alert(1)">nu</b>',
                   text='Vejbump <img src=x onerror="alert(2)"> <script>alert(3)</script>')

    [hit] = search(user=world.coordinator, query="vejbump").hits

    assert hit.title_html == ("<mark>Vejbump</mark> &lt;b onmouseover=&quot;alert(1)&quot;&gt;"
                              "nu&lt;/b&gt;")
    assert hit.snippet == ("<mark>Vejbump</mark> &lt;img src=x onerror=&quot;alert(2)&quot;&gt; "
                           "&lt;script&gt;alert(3)&lt;/script&gt;")


def test_a_snippet_escapes_every_part_around_the_marks():
    shown = snippet("<i>hal</i> & <u>sportshallen</u>", parse_query("hal"))

    assert shown == ("&lt;i&gt;<mark>hal</mark>&lt;/i&gt; &amp; "
                     "&lt;u&gt;<mark>sportshallen</mark>&lt;/u&gt;")


def test_markdown_is_searched_and_shown_as_plain_text(author):
    write_note(author, title="Foreningerne", text="Borgerforeningen mødes **hver tirsdag** i hallen.")

    [hit] = search(user=author, query="tirsdag").hits

    assert "**" not in hit.snippet
    assert "<mark>tirsdag</mark>" in hit.snippet


def test_a_long_text_gives_a_bounded_snippet_around_the_first_match(author):
    before = " ".join(f"indledning{n}" for n in range(200))
    after = " ".join(f"afslutning{n}" for n in range(200))
    write_note(author, title="Langt referat", text=f"{before} Her står vejbumpet. {after}")

    [hit] = search(user=author, query="vejbump").hits

    assert hit.snippet.startswith("… ") and hit.snippet.endswith(" …")
    assert "<mark>vejbumpet</mark>" in hit.snippet
    assert len(hit.snippet) < 300
    assert "indledning0 " not in hit.snippet and "afslutning199" not in hit.snippet
    shown = hit.snippet.removeprefix("… ").removesuffix(" …").replace("<mark>", "").replace(
        "</mark>", "")
    assert shown in f"{before} Her står vejbumpet. {after}"  # whole words, in order


def test_a_match_early_in_a_long_text_shows_its_beginning(author):
    write_note(author, title="Langt referat",
               text="Vejbump ved skolen. " + " ".join(f"ord{n}" for n in range(300)))

    [hit] = search(user=author, query="vejbump").hits

    assert hit.snippet.startswith("<mark>Vejbump</mark> ved skolen.")
    assert hit.snippet.endswith(" …") and len(hit.snippet) < 300


def test_a_text_without_the_match_shows_its_beginning():
    text = " ".join(f"ord{n}" for n in range(300))

    shown = snippet(text, parse_query("vejbump"))

    assert shown.startswith("ord0 ord1 ") and shown.endswith(" …")
    assert 200 < len(shown) < 260


def test_a_long_unbroken_word_without_the_match_still_gives_a_snippet():
    # A pasted link: no space in the first `length` characters and no match.
    text = "https://example.dk/" + "a" * 300 + " mere tekst"

    shown = snippet(text, parse_query("vejbump"))

    assert len(shown.removesuffix(" …")) >= 100


def test_a_query_keeps_at_most_eight_distinct_words():
    terms = parse_query("en hal to hal tre fire fem seks syv otte ni ti")

    assert [t.word for t in terms] == ["hal", "to", "tre", "fire", "fem", "seks", "syv", "otte"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own stemmer")
@pytest.mark.django_db
def test_python_stems_are_postgresqls_danish_stems():
    # The PostgreSQL backend queries Python's stems against vectors PostgreSQL stemmed itself.
    words = [
        "lokalområderne", "lokalområde", "henvendelser", "borgerhenvendelse", "sportshallen",
        "cykelstien", "pladsen", "legepladsen", "foreningerne", "kommunens", "udviklingsprojekter",
        "høringssvar", "bestyrelsen", "forsamlingshuset", "skolevejen", "trafiksikkerhed",
        "æbleplantagen", "østergade", "åbningstider",
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT w, (ts_lexize('danish_stem', w))[1] FROM unnest(%s::text[]) w",
                       [words])
        theirs = dict(cursor.fetchall())
    assert {word: stem(word) for word in words} == theirs
