# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The snippets are cut from plain text stored at index time (issue 20): no Markdown is converted
per query, entries indexed before get their text from fill_texts (migration 0016), and finding
the matching words with a regular expression marks exactly the words stemming each one would."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lokalkontakt.core.models import SearchEntry, SearchText
from lokalkontakt.core.search.index import fill_texts, index_update
from lokalkontakt.core.search.query import search
from lokalkontakt.core.search.text import WORD, _matches, parse_query
from tests.core.search.conftest import submit_inquiry, write_note


@pytest.fixture
def author(colleague):
    return colleague

def test_a_note_is_stored_as_plain_text_on_one_line(author):
    write_note(author, title="Hallen", text="Borgerforeningen mødes **hver tirsdag**\n\n- i hallen")

    entry = SearchEntry.objects.get(kind="note")

    assert entry.stored.text == "Borgerforeningen mødes hver tirsdag i hallen"


def test_the_snippet_is_what_was_indexed_not_the_text_as_it_is_now(author):
    # The search reads the stored text, not the note: a write around the services (which
    # catch_up repairs) shows in the snippet only once indexed.
    note = write_note(author, title="Hallen", text="Vi mødes i hallen hver tirsdag.")
    type(note).objects.filter(pk=note.pk).update(text="Noget helt andet om hallen.")

    [hit] = search(user=author, query="tirsdag").hits

    assert hit.snippet == "Vi mødes i hallen hver <mark>tirsdag</mark>."


def test_entries_indexed_without_a_text_get_it_from_fill_texts(world):
    write_note(world.contact, title="Hallen", text="Vi mødes i *hallen* hver tirsdag.")
    submit_inquiry(area=world.glud, subject="Vejbump", text="Bilerne kører for stærkt ved skolen.")
    SearchText.objects.all().delete()

    filled = fill_texts(batch=1)

    assert filled == SearchEntry.objects.count()
    assert SearchEntry.objects.get(kind="note").stored.text == "Vi mødes i hallen hver tirsdag."
    [hit] = search(user=world.coordinator, query="skolen").hits
    assert hit.snippet == "Bilerne kører for stærkt ved <mark>skolen</mark>."
    assert fill_texts() == 0  # nothing left to fill


def test_an_area_keeps_its_towns_postcodes_and_parish_as_its_snippet(world):
    world.glud.towns, world.glud.postcodes, world.glud.parish = "Glud; Hjarnø", "7130", "Glud Sogn"
    world.glud.save()
    index_update(world.glud)
    SearchText.objects.filter(entry__kind="area").delete()
    fill_texts()

    [hit] = search(user=world.coordinator, query="glud", kinds=("area",)).hits

    assert hit.snippet == "<mark>Glud</mark>, Hjarnø · 7130 · <mark>Glud</mark> Sogn"


WORDS = ["hal", "hallen", "sportshallen", "hallerne", "henvendelse", "borgerhenvendelser",
         "vejbump", "vejbumpet", "plads", "pladsen", "torvepladser", "sti", "stien", "cykelstier",
         "by", "byen", "landsbyerne", "skole", "skolerne", "Skolevejen", "ÆBLE", "æblerne",
         "smukkeste", "lokalområderne", "lokalområde", "igst", "lovligst", "gammel", "glatte"]


def _stemming_every_word(text, terms):
    """The reference: every word of the text stemmed and compared (as before issue 20)."""
    return [(m.start(), m.end()) for m in WORD.finditer(text)
            if any(t.matches(m.group().lower()) for t in terms)]


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(WORDS) | st.text(min_size=1, max_size=8), max_size=30)
       .map(" ".join),
       query=st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join))
def test_the_regular_expression_marks_exactly_the_words_stemming_would(text, query):
    terms = parse_query(query)

    found = [(m.start(), m.end()) for m in _matches(text, terms)]

    assert found == _stemming_every_word(text, terms)


def test_a_query_of_regular_expression_characters_is_plain_text():
    terms = parse_query("hal")

    assert [m.group() for m in _matches("(hal.*) [hal] sportshallen", terms)] == [
        "hal", "hal", "sportshallen"]
