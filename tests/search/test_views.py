# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The search pages as a user sees them: /soeg/ (ranked hits, the filters, the messages, the
pages, both languages, what each user finds, escaping, query counts) and /soeg/hvem/ ("who knows
something about …"). The engine itself (stems, index, the permission matrix, ranking details) is
tested in tests/core/search/.

The site's language is Danish: a plain client gets Danish pages; english_client asks for English.
"""

import re
from dataclasses import dataclass
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from lokalkontakt.core.models import FocusArea
from lokalkontakt.core.search.backends import has_rum_index
from lokalkontakt.core.search.index import index_update, rebuild
from lokalkontakt.core.search.query import CAP, PAGE_SIZE
from lokalkontakt.knowledge.models import Note
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.knowledge.conftest import english_client, write
from tests.people.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db

SEARCH_URL = "/soeg/"
WHO_URL = "/soeg/hvem/"
STAFF, COUNCIL, PUBLIC = Note.Visibility.STAFF, Note.Visibility.COUNCIL, Note.Visibility.PUBLIC


# --- Reading the pages ------------------------------------------------------------------------


@dataclass
class Result:
    kind: str  # the badge
    meta: str  # badge, area and date as text
    title_html: str  # inside the link
    title: str  # as text
    href: str
    snippet_html: str


def _items(content: str) -> list[str]:
    """The <li class="search-result"> items of the page's result list, as HTML."""
    match = re.search(r'<ol class="search-results[^"]*"[^>]*>(.*?)</ol>', content, re.S)
    return match.group(1).split('<li class="search-result">')[1:] if match else []


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


def results(response) -> list[Result]:
    found = []
    for item in _items(response.content.decode()):
        meta = re.search(r'<p class="search-result__meta">(.*?)</p>', item, re.S).group(1)
        link = re.search(r'<h3 class="h4 search-result__title"><a href="([^"]*)">(.*?)</a></h3>',
                         item, re.S)
        snippet = re.search(r'<p class="search-result__snippet">(.*?)</p>', item, re.S)
        found.append(Result(
            kind=_text(re.search(r'<span class="badge badge-info">(.*?)</span>', meta).group(1)),
            meta=_text(meta), title_html=link.group(2), title=_text(link.group(2)),
            href=unescape(link.group(1)), snippet_html=snippet.group(1) if snippet else ""))
    return found


def titles(response) -> list[str]:
    return [result.title for result in results(response)]


@dataclass
class Person:
    name: str
    meta: str
    reasons: list[str]


def people(response) -> list[Person]:
    found = []
    for item in _items(response.content.decode()):
        name = re.search(r'<h3 class="h4 search-result__title">(.*?)</h3>', item, re.S).group(1)
        meta = re.search(r'<p class="search-result__meta">(.*?)</p>', item, re.S).group(1)
        reasons = re.findall(r"<li>(.*?)</li>", re.search(r"<ul>(.*?)</ul>", item, re.S).group(1))
        found.append(Person(name=_text(name), meta=_text(meta), reasons=[_text(r) for r in reasons]))
    return found


def heading(response) -> str:
    """The results heading: the count."""
    match = re.search(r'<h2 id="results-heading"[^>]*>(.*?)</h2>', response.content.decode(), re.S)
    return _text(match.group(1)) if match else ""


def link_href(response, text: str) -> str | None:
    match = re.search(rf'<a [^>]*href="([^"]*)"[^>]*>{re.escape(text)}</a>', response.content.decode())
    return unescape(match.group(1)) if match else None


def query_of(href: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(href).query, keep_blank_values=True)


def options(response, name: str) -> list[str]:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', response.content.decode(), re.S)
    return re.findall(r'<option value="([^"]*)"', select.group(1))


def da(msgid: str) -> str:
    with translation.override("da"):
        return translation.gettext(msgid)


def shown_date(moment) -> str:
    with translation.override("da"):
        return date_format(timezone.localtime(moment), "SHORT_DATE_FORMAT")


def search(client, **params):
    return client.get(SEARCH_URL, params)


def danish_client(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def bulk_notes(count: int, *, author, title="Shelter {n:04d}", text="Shelteren ved skoven.",
               area=None) -> None:
    """`count` staff notes written straight to the table, then indexed as the periodic job
    would."""
    Note.objects.bulk_create([
        Note(title=title.format(n=n), text=text, area=area, visibility=STAFF,
             kind=Note.Kind.EVENTS, author=author.employee) for n in range(count)])
    rebuild(kinds=["note"])


STOP_WORDS_MESSAGE = ("The search has only very common words (such as “og” and “i”). Add a word "
                      "that says what you are looking for.")
NOTHING_FOUND = "Nothing found. Check the spelling, use fewer words, or remove a filter."
CAPPED = "Showing the best of the newest 1,000 matches. Add a word or a filter to narrow the search."


@pytest.fixture
def areas_indexed(setting):
    """The factories write areas straight to the table; index them as the periodic job would."""
    rebuild(kinds=["area"])
    return setting


# --- Results ----------------------------------------------------------------------------------


def test_a_query_shows_ranked_hits_with_title_link_kind_area_date_and_marked_words(setting):
    in_title = write(setting.contact, area=setting.glud, title="Foreningerne i Glud",
                     text="Borgerforeningen mødes **hver tirsdag** i hallen.")
    in_text = write(setting.other_contact, area=setting.juelsminde, title="Hallen i Juelsminde",
                    text="Hallen lejes ud til foreninger og private.", kind=Note.Kind.PLANS)
    write(setting.contact, area=setting.glud, title="Vejbump på Skolevej", text="Bilerne kører.")

    response = search(danish_client(setting.colleague), q="forening")

    assert response.status_code == 200
    assert heading(response) == "2 resultater"
    first, second = results(response)
    # The title match ranks above the newer note that has the word in its text only.
    assert (first.title, second.title) == ("Foreningerne i Glud", "Hallen i Juelsminde")
    assert first.href == in_title.get_absolute_url()
    assert second.href == in_text.get_absolute_url()
    assert first.kind == "Foreninger og faciliteter"
    assert second.kind == "Planer og projekter"
    assert first.meta == f"Foreninger og faciliteter Glud · {shown_date(in_title.created_at)}"
    assert second.meta == f"Planer og projekter Juelsminde · {shown_date(in_text.created_at)}"
    # The words as written are marked: another form, and a compound that ends in the word.
    assert first.title_html == "<mark>Foreningerne</mark> i Glud"
    assert first.snippet_html == "<mark>Borgerforeningen</mark> mødes hver tirsdag i hallen."
    assert second.title_html == "Hallen i Juelsminde"
    assert second.snippet_html == "Hallen lejes ud til <mark>foreninger</mark> og private."
    content = response.content.decode()
    assert "<title>Søgning: forening" in content
    assert 'value="forening"' in content  # the box keeps the query


def test_the_title_link_shows_the_whole_title_when_the_word_is_at_its_end(setting):
    # Before 51225a7 the link read "… Juelsminde til Glud" (highlight() reused snippet()).
    write(setting.contact, area=setting.glud, title="Bussen fra Juelsminde til Glud")

    response = search(danish_client(setting.colleague), q="glud")

    [result] = results(response)
    assert result.title_html == "Bussen fra Juelsminde til <mark>Glud</mark>"


def test_one_hit_is_counted_in_the_singular(setting):
    write(setting.contact, area=setting.glud, title="Shelteren i skoven")

    response = search(danish_client(setting.colleague), q="shelter")

    assert heading(response) == "1 resultat"
    assert titles(response) == ["Shelteren i skoven"]


def test_more_than_a_thousand_matches_say_over_1000_and_why(setting):
    bulk_notes(CAP + 1, author=setting.contact)

    response = search(danish_client(setting.colleague), q="shelter")

    assert response.status_code == 200
    assert heading(response) == "Over 1.000 resultater"
    assert ("Viser de bedste blandt de 1.000 nyeste træffere. Tilføj et ord eller et filter for "
            "at indsnævre søgningen.") in response.content.decode()
    assert len(results(response)) == PAGE_SIZE
    assert "Side 1 af 50" in response.content.decode()


def test_exactly_a_thousand_matches_are_counted_not_over(setting):
    # Before 51225a7 this said "Over 1.000 resultater" (capped = len(ranked) >= CAP).
    bulk_notes(CAP, author=setting.contact)

    response = search(danish_client(setting.colleague), q="shelter")

    assert heading(response) == "1000 resultater"
    assert da(CAPPED) not in response.content.decode()
    assert "Side 1 af 50" in response.content.decode()


def test_fewer_than_a_thousand_matches_are_counted(setting):
    bulk_notes(CAP - 1, author=setting.contact)

    response = search(danish_client(setting.colleague), q="shelter")

    assert heading(response) == "999 resultater"
    assert da(CAPPED) not in response.content.decode()
    assert "Side 1 af 50" in response.content.decode()


# --- Filters ----------------------------------------------------------------------------------


@pytest.fixture
def filterable(areas_indexed):
    """Glud and Juelsminde (areas), and notes of two kinds about both, one with a focus area:
    every one of them matches "glud"."""
    setting = areas_indexed
    focus = FocusArea.objects.order_by("number").first()
    write(setting.contact, area=setting.glud, title="Hallen i Glud", kind=Note.Kind.ASSOCIATIONS)
    write(setting.contact, area=setting.glud, title="Glud Marked", kind=Note.Kind.EVENTS,
          focus_areas=[focus])
    write(setting.other_contact, area=setting.juelsminde, title="Glud og Juelsminde bus",
          kind=Note.Kind.LOCAL_CONDITIONS)
    return setting, focus


def test_without_filters_every_kind_is_found(filterable):
    setting, _focus = filterable

    response = search(danish_client(setting.colleague), q="glud")

    assert sorted(titles(response)) == ["Glud", "Glud Marked", "Glud og Juelsminde bus",
                                        "Hallen i Glud"]


def test_the_kind_filter_narrows_to_that_kind(filterable):
    setting, _focus = filterable
    client = danish_client(setting.colleague)

    notes = search(client, q="glud", kind="note")
    areas = search(client, q="glud", kind="area")

    assert sorted(titles(notes)) == ["Glud Marked", "Glud og Juelsminde bus", "Hallen i Glud"]
    assert {result.kind for result in results(areas)} == {"Lokalområde"}
    assert titles(areas) == ["Glud"]
    assert '<option value="note" selected>Noter</option>' in notes.content.decode()
    assert "<details class=\"search-filters\" open>" in notes.content.decode()


def test_the_area_filter_narrows_to_that_area(filterable):
    setting, _focus = filterable

    response = search(danish_client(setting.colleague), q="glud", area=setting.juelsminde.pk)

    # The Juelsminde note (and not the area Glud, nor Glud's notes, though they match "glud").
    assert titles(response) == ["Glud og Juelsminde bus"]


def test_the_focus_area_filter_narrows_to_that_focus_area(filterable):
    setting, focus = filterable

    response = search(danish_client(setting.colleague), q="glud", focus_area=focus.pk)

    assert titles(response) == ["Glud Marked"]


def test_the_filters_combine(filterable):
    setting, focus = filterable
    client = danish_client(setting.colleague)

    assert titles(search(client, q="glud", kind="note", area=setting.glud.pk)) == [
        "Glud Marked", "Hallen i Glud"]
    assert titles(search(client, q="glud", kind="area", focus_area=focus.pk)) == []


@pytest.mark.parametrize(("who", "kinds"), [
    ("anonymous", ["", "area", "note"]),
    ("outsider", ["", "area", "note"]),
    ("council_member", ["", "area", "note", "inquiry", "consultation"]),
    ("colleague", ["", "area", "note", "inquiry", "consultation"]),
    ("coordinator", ["", "area", "note", "inquiry", "consultation"]),
])
def test_the_kinds_offered_depend_on_the_user(setting, who, kinds):
    user = {"anonymous": None, "outsider": UserFactory(username="udenforstaaende"),
            "council_member": setting.council_member, "colleague": setting.colleague,
            "coordinator": setting.coordinator}[who]

    response = danish_client(user).get(SEARCH_URL)

    assert response.status_code == 200
    assert options(response, "kind") == kinds
    assert options(response, "area") == ["", str(setting.glud.pk), str(setting.juelsminde.pk)]


@pytest.mark.parametrize(("who", "params", "field"), [
    ("colleague", {"kind": "bogus"}, "kind"),
    ("anonymous", {"kind": "inquiry"}, "kind"),  # exists, but is not offered to a visitor
    ("anonymous", {"kind": "consultation"}, "kind"),
    ("colleague", {"area": "999999"}, "area"),
    ("colleague", {"area": "glud"}, "area"),
    ("anonymous", {"focus_area": "999999"}, "focus_area"),
    ("anonymous", {"focus_area": "1; DROP TABLE"}, "focus_area"),
])
def test_an_invalid_filter_is_a_400_with_a_danish_message_and_no_results(setting, who, params,
                                                                        field):
    write(setting.contact, area=setting.glud, title="Shelteren i Glud", visibility=PUBLIC)
    user = setting.colleague if who == "colleague" else None

    response = search(danish_client(user), q="shelter", **params)

    assert response.status_code == 400
    content = response.content.decode()
    assert f'id="id_{field}-error"' in content
    assert "Marker en gyldig valgmulighed." in content
    assert 'aria-invalid="true"' in content
    assert "results-heading" not in content
    assert "Shelteren i Glud" not in content


def test_a_query_over_200_characters_is_a_400_with_a_danish_message(setting):
    response = search(danish_client(setting.colleague), q="shelter " * 30)

    assert response.status_code == 400
    assert "Denne værdi må højst have 200 tegn (den har 239)." in response.content.decode()
    assert "results-heading" not in response.content.decode()


# --- Messages ---------------------------------------------------------------------------------


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "   "}, {"q": "", "kind": "note"}])
def test_an_empty_query_shows_the_form_only(setting, params):
    write(setting.contact, area=setting.glud, title="Shelteren i Glud")

    response = search(danish_client(setting.colleague), **params)

    assert response.status_code == 200
    content = response.content.decode()
    assert '<form method="get" action="/soeg/" role="search"' in content
    assert "results-heading" not in content
    assert "Shelteren i Glud" not in content
    assert da(NOTHING_FOUND) not in content
    assert da(STOP_WORDS_MESSAGE) not in content


def test_a_query_of_stop_words_only_says_so(setting):
    write(setting.contact, area=setting.glud, title="Hallen og skolen i Glud")

    response = search(danish_client(setting.colleague), q="og i")

    assert response.status_code == 200
    content = response.content.decode()
    assert ("Søgningen har kun meget almindelige ord (som “og” og “i”). Tilføj et ord, der siger, "
            "hvad du leder efter.") in content
    assert da(NOTHING_FOUND) not in content
    assert results(response) == []


def test_nothing_found_says_so(setting):
    write(setting.contact, area=setting.glud, title="Hallen i Glud")

    response = search(danish_client(setting.colleague), q="svømmehal")

    assert response.status_code == 200
    assert heading(response) == "0 resultater"
    assert ("Intet fundet. Tjek stavningen, brug færre ord, eller fjern et filter."
            in response.content.decode())
    assert da(STOP_WORDS_MESSAGE) not in response.content.decode()


# --- Pages ------------------------------------------------------------------------------------


@pytest.fixture
def forty_five(setting):
    """45 Glud notes that match "shelter" (and 5 in Juelsminde that the area filter leaves out)."""
    bulk_notes(45, author=setting.contact, area=setting.glud)
    Note.objects.bulk_create([
        Note(title=f"Juelsminde shelter {n}", text="Shelter", area=setting.juelsminde,
             kind=Note.Kind.EVENTS, author=setting.contact.employee) for n in range(5)])
    rebuild(kinds=["note"])
    return setting


def test_the_pages_keep_the_query_and_filters(forty_five):
    setting = forty_five
    client = danish_client(setting.colleague)
    filters = {"q": "shelter", "kind": "note", "area": str(setting.glud.pk)}

    first = search(client, **filters)

    assert heading(first) == "45 resultater"
    assert len(results(first)) == 20
    assert "Side 1 af 3" in first.content.decode()
    assert link_href(first, "Forrige") is None
    following = link_href(first, "Næste")
    assert query_of(following) == {**{k: [v] for k, v in filters.items()}, "side": ["2"]}

    second = client.get(SEARCH_URL + following)

    assert len(results(second)) == 20
    assert '<ol class="search-results nobullet-list" start="21">' in second.content.decode()
    assert "Side 2 af 3" in second.content.decode()
    assert query_of(link_href(second, "Forrige"))["side"] == ["1"]
    third = client.get(SEARCH_URL + link_href(second, "Næste"))

    assert len(results(third)) == 5
    assert "Side 3 af 3" in third.content.decode()
    assert link_href(third, "Næste") is None
    assert query_of(link_href(third, "Forrige"))["q"] == ["shelter"]
    shown = titles(first) + titles(second) + titles(third)
    assert sorted(shown) == [f"Shelter {n:04d}" for n in range(45)]  # each once, none lost


def test_the_page_links_keep_a_query_with_odd_characters(setting):
    query = "Shelteren & skoven, ved søen?"
    bulk_notes(25, author=setting.contact, title="Shelter {n}", text="Skoven ved søen.")
    client = danish_client(setting.colleague)

    first = search(client, q=query)
    second = client.get(SEARCH_URL + link_href(first, "Næste"))

    assert heading(first) == "25 resultater"
    assert query_of(link_href(first, "Næste")) == {"q": [query], "side": ["2"]}
    assert len(results(second)) == 5
    assert f'value="{query.replace("&", "&amp;")}"' in second.content.decode()
    assert query_of(link_href(second, "Hvem ved noget om “Shelteren &amp; skoven, ved søen?”?"))[
        "q"] == [query]


@pytest.mark.parametrize("query", [
    '"*()', "shelter OR NOT x", "NEAR(shelter x)", '"', "'", "shelter:*", "&|!", "a" * 200,
    "🙂 shelter", "١٢٣", "title:shelter", "^shelter", "shelter*", "\\", "%", "_",
])
def test_odd_queries_give_a_page_not_an_error(setting, query):
    write(setting.contact, area=setting.glud, title="Shelteren i Glud", visibility=PUBLIC)
    client = danish_client(setting.colleague)

    assert search(client, q=query).status_code == 200
    assert search(danish_client(), q=query).status_code == 200
    assert who_knows(client, query).status_code == 200


@pytest.mark.parametrize("params", [{"q": "shelter\x00"}, {"q": "shelter", "area": "\x00"},
                                    {"q": "shelter", "kind": "\x00"}])
def test_a_null_character_is_a_400(setting, params):
    response = search(danish_client(setting.colleague), **params)

    assert response.status_code == 400


@pytest.mark.parametrize(("side", "page", "count"), [
    ("99", 3, 5), ("4", 3, 5), ("0", 1, 20), ("-2", 1, 20), ("abc", 1, 20), ("", 1, 20),
    ("2.5", 1, 20), ("9" * 5000, 1, 20), ("\x00", 1, 20),
])
def test_a_page_out_of_range_or_not_a_number_shows_a_page(forty_five, side, page, count):
    response = search(danish_client(forty_five.colleague), q="shelter", area=forty_five.glud.pk,
                      side=side)

    assert response.status_code == 200
    assert len(results(response)) == count
    assert f"Side {page} af 3" in response.content.decode()


def test_one_page_has_no_page_links(setting):
    bulk_notes(PAGE_SIZE, author=setting.contact)

    response = search(danish_client(setting.colleague), q="shelter")

    assert len(results(response)) == PAGE_SIZE
    assert link_href(response, "Næste") is None
    assert 'class="pagination"' not in response.content.decode()


# --- English ----------------------------------------------------------------------------------


def test_the_english_interface_shows_english_texts(forty_five):
    setting = forty_five
    client = english_client(setting.colleague)
    write(setting.contact, area=setting.glud, title="Foreningerne i Glud")

    one = search(client, q="foreningerne")
    many = search(client, q="shelter", area=setting.glud.pk)
    nothing = search(client, q="svømmehal")
    stop_words = search(client, q="og i")
    invalid = search(client, q="shelter", kind="bogus")

    assert heading(one) == "1 result"
    assert results(one)[0].kind == "Associations and facilities"
    assert "Who knows something about “foreningerne”?" in one.content.decode()
    assert "<h1>Search</h1>" in one.content.decode()
    assert heading(many) == "45 results"
    assert link_href(many, "Next") is not None
    assert "Page 1 of 3" in many.content.decode()
    assert NOTHING_FOUND in nothing.content.decode()
    assert STOP_WORDS_MESSAGE in stop_words.content.decode()
    assert invalid.status_code == 400
    assert "Select a valid choice." in invalid.content.decode()


def test_the_english_interface_says_over_1000(setting):
    bulk_notes(CAP + 1, author=setting.contact)

    response = search(english_client(setting.colleague), q="shelter")

    assert heading(response) == "Over 1,000 results"
    assert CAPPED in response.content.decode()


# --- Who knows something about … --------------------------------------------------------------


@pytest.fixture
def korning(setting):
    """Korning, whose contact is Anders Anden; the colleague wrote two shelter notes, Lise one."""
    area = LocalAreaFactory(name="Korning")
    AssignmentFactory(area=area, employee=setting.other_contact.employee)
    index_update(area)
    write(setting.colleague, area=area, title="Shelteren i Korning", text="Bålplads og shelter.")
    write(setting.colleague, area=setting.glud, title="Ny shelter i Glud", text="Ved skoven.")
    write(setting.contact, area=setting.glud, title="Nye sheltere", text="Glud får to sheltere.")
    return area


def who_knows(client, q):
    return client.get(WHO_URL, {"q": q})


def test_who_knows_ranks_people_by_what_matches_with_reasons(setting, korning):
    response = who_knows(danish_client(setting.coordinator), "shelter")

    assert response.status_code == 200
    assert "Personer, der ved noget om “shelter”" in response.content.decode()
    kalle, lise = people(response)
    # Kalle wrote two of the matching notes, Lise one (and has the lower id: ties go to her).
    assert (kalle.name, kalle.reasons) == ("Kalle Kollega", ["Skrev 2 noter, der matcher"])
    assert (lise.name, lise.reasons) == ("Lise Lokal", ["Skrev 1 note, der matcher"])
    assert lise.meta == "Konsulent · lise@example.dk · +45 70 00 00 00"
    assert link_href(response, "Se, hvad der matcher") == f"{SEARCH_URL}?q=shelter"


def test_who_knows_names_the_contact_of_a_matching_area(setting, korning):
    response = who_knows(danish_client(setting.colleague), "korning")

    found = {person.name: person.reasons for person in people(response)}
    assert found == {"Anders Anden": ["Er lokalkontakt for Korning"],
                     "Kalle Kollega": ["Skrev 1 note, der matcher"]}


def test_who_knows_leaves_out_inactive_employees(setting, korning):
    leaver = UserFactory(username="fratraadt")
    EmployeeFactory(user=leaver, name="Frede Fratrådt")
    for n in range(3):
        write(leaver, area=setting.glud, title=f"Shelter nummer {n}")
    leaver.employee.is_active = False
    leaver.employee.save()

    response = who_knows(danish_client(setting.coordinator), "shelter")

    assert [person.name for person in people(response)] == ["Kalle Kollega", "Lise Lokal"]
    assert "Frede Fratrådt" not in response.content.decode()


def test_who_knows_shows_no_leading_separator_without_a_job_title(setting, korning):
    setting.contact.employee.title = ""
    setting.contact.employee.save()

    response = who_knows(danish_client(setting.coordinator), "shelter")

    lise = {person.name: person for person in people(response)}["Lise Lokal"]
    assert lise.meta == "lise@example.dk · +45 70 00 00 00"


def test_who_knows_nobody_says_so(setting, korning):
    client = danish_client(setting.colleague)

    nobody = who_knows(client, "svømmehal")
    stop_words = who_knows(client, "og i")

    for response in (nobody, stop_words):
        assert response.status_code == 200
        assert people(response) == []
        assert ("Ingen fundet: ingen noter, henvendelser, høringer eller områder, som du må se, "
                "matcher disse ord.") in response.content.decode()


def test_who_knows_without_a_query_shows_the_form(setting):
    response = danish_client(setting.colleague).get(WHO_URL)

    assert response.status_code == 200
    assert "<h1>Hvem ved noget om …</h1>" in response.content.decode()
    assert "Find personer" in response.content.decode()
    assert "people-heading" not in response.content.decode()


def test_who_knows_in_english(setting, korning):
    client = english_client(setting.colleague)

    shelter = who_knows(client, "shelter")
    area = who_knows(client, "korning")

    assert people(shelter)[0].reasons == ["Wrote 2 matching notes"]
    assert people(shelter)[1].reasons == ["Wrote 1 matching note"]
    assert {p.name: p.reasons for p in people(area)}["Anders Anden"] == ["Is the contact for Korning"]
    assert "<h1>Who knows something about …</h1>" in shelter.content.decode()


def test_who_knows_is_refused_to_a_council_member_and_a_visitor(setting, korning):
    council = who_knows(danish_client(setting.council_member), "shelter")
    visitor = who_knows(danish_client(), "shelter")

    assert council.status_code == 403
    assert "Kalle Kollega" not in council.content.decode()
    assert visitor.status_code == 302
    assert visitor["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(("who", "shown"), [
    ("coordinator", True), ("colleague", True), ("contact", True),
    ("council_member", False), ("anonymous", False), ("outsider", False),
])
def test_the_who_knows_link_is_for_staff_only(setting, who, shown):
    write(setting.contact, area=setting.glud, title="Shelteren i Glud", visibility=COUNCIL)
    user = {"anonymous": None, "outsider": UserFactory(username="udenforstaaende"),
            "council_member": setting.council_member, "colleague": setting.colleague,
            "contact": setting.contact, "coordinator": setting.coordinator}[who]

    response = search(danish_client(user), q="shelter")

    href = link_href(response, "Hvem ved noget om “shelter”?")
    assert (href == f"{WHO_URL}?q=shelter") is shown
    assert (WHO_URL in response.content.decode()) is shown


# --- What each user finds (a page-level check; the matrix is in tests/core/search/) -----------


@pytest.fixture
def shelters(areas_indexed):
    setting = areas_indexed
    write(setting.contact, area=setting.glud, title="Glud shelter for personalet", visibility=STAFF)
    write(setting.contact, area=setting.glud, title="Glud shelter for rådet", visibility=COUNCIL)
    write(setting.contact, area=setting.glud, title="Glud shelter for alle", visibility=PUBLIC)
    write(setting.other_contact, area=setting.juelsminde, title="Juelsminde shelter for rådet",
          text="Glud shelter", visibility=COUNCIL)
    write(setting.colleague, title="Generel shelter for alle", text="Glud", visibility=PUBLIC)
    return setting


def test_staff_find_every_note(shelters):
    response = search(danish_client(shelters.colleague), q="glud shelter")

    assert sorted(titles(response)) == [
        "Generel shelter for alle", "Glud shelter for alle", "Glud shelter for personalet",
        "Glud shelter for rådet", "Juelsminde shelter for rådet"]


def test_a_council_member_finds_their_councils_and_public_notes_not_staff_notes(shelters):
    response = search(danish_client(shelters.council_member), q="glud shelter")

    assert sorted(titles(response)) == ["Generel shelter for alle", "Glud shelter for alle",
                                        "Glud shelter for rådet"]
    content = response.content.decode()
    assert "personalet" not in content
    assert "Juelsminde shelter" not in content


def test_the_other_council_finds_its_own_shared_note(shelters):
    response = search(danish_client(shelters.other_council_member), q="glud shelter")

    assert sorted(titles(response)) == ["Generel shelter for alle", "Glud shelter for alle",
                                        "Juelsminde shelter for rådet"]


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_a_visitor_finds_public_notes_and_areas_only(shelters, who):
    user = UserFactory(username="udenforstaaende") if who == "outsider" else None
    client = danish_client(user)

    notes = search(client, q="glud shelter")
    areas = search(client, q="glud")

    assert sorted(titles(notes)) == ["Generel shelter for alle", "Glud shelter for alle"]
    assert "rådet" not in notes.content.decode()
    assert "personalet" not in notes.content.decode()
    assert sorted(titles(areas)) == ["Generel shelter for alle", "Glud", "Glud shelter for alle"]
    assert [r.kind for r in results(areas) if r.title == "Glud"] == ["Lokalområde"]


# --- Escaping ---------------------------------------------------------------------------------


def test_html_in_a_note_is_escaped_in_the_results(setting):
    write(setting.contact, area=setting.glud, visibility=PUBLIC,
          title='<script>alert("titel")</script> Shelter <b>fed</b>',
          text='Shelter <img src=x onerror=alert("tekst")> og <script>alert("krop")</script>')

    response = search(danish_client(), q="shelter")

    content = response.content.decode()
    [result] = results(response)
    assert "<script>alert" not in content
    assert "<img src=x" not in content
    assert "<b>fed</b>" not in content
    assert result.title_html == (
        "&lt;script&gt;alert(&quot;titel&quot;)&lt;/script&gt; <mark>Shelter</mark> "
        "&lt;b&gt;fed&lt;/b&gt;")
    # The text is indexed and shown as plain text: the tag shows as text, never as an element.
    assert result.snippet_html.startswith(
        "<mark>Shelter</mark> &lt;img src=x onerror=alert(&quot;tekst&quot;)&gt; og")


def test_html_in_the_query_is_escaped(setting):
    write(setting.contact, area=setting.glud, title="Shelteren", visibility=PUBLIC)
    query = '"><script>alert(1)</script> shelter'

    for client in (danish_client(setting.colleague), danish_client()):
        response = search(client, q=query)
        content = response.content.decode()

        assert response.status_code == 200
        assert "<script>alert(1)" not in content
        assert 'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; shelter"' in content
    who = who_knows(danish_client(setting.colleague), query)
    assert "<script>alert(1)" not in who.content.decode()


def test_html_in_a_name_is_escaped_on_who_knows(setting):
    user = UserFactory(username="html")
    EmployeeFactory(user=user, name="<i>Ida</i> Idé", title="<script>x</script>")
    write(user, area=setting.glud, title="Shelteren")

    response = who_knows(danish_client(setting.coordinator), "shelter")

    content = response.content.decode()
    assert "<i>Ida</i>" not in content
    assert "<script>x" not in content
    assert people(response)[0].name == "<i>Ida</i> Idé"  # as text, once unescaped


# --- Query counts -----------------------------------------------------------------------------

SIZES = [5, 500]


@pytest.fixture(params=SIZES, ids=[f"{size}-notes" for size in SIZES])
def matching_notes(request, areas_indexed):
    """`size` notes that match "shelter" and "glud", by three authors: staff notes about Glud,
    council notes about Juelsminde, public general notes; every other one with a focus area."""
    setting = areas_indexed
    authors = [setting.contact, setting.colleague, setting.other_contact]
    areas = [setting.glud, setting.juelsminde, None]
    visibilities = [STAFF, COUNCIL, PUBLIC]
    Note.objects.bulk_create([
        Note(title=f"Shelter {n}", text="Shelteren i Glud", kind=Note.Kind.EVENTS,
             area=areas[n % 3], visibility=visibilities[n % 3], author=authors[n % 3].employee)
        for n in range(request.param)])
    focus = FocusArea.objects.order_by("number").first()
    Note.focus_areas.through.objects.bulk_create([
        Note.focus_areas.through(note_id=pk, focusarea_id=focus.pk)
        for pk in Note.objects.values_list("pk", flat=True)[::2]])
    rebuild(kinds=["note"])
    return setting, focus


# Measured on SQLite and PostgreSQL, pinned: a query per hit (or per matching note) fails here.
# Every search page ends with: the candidates (one full-text query, at most CAP rows; PostgreSQL
# first looks at the newest entries to choose its plan, one more), the page's entries, the page's
# notes (with area), the form's areas and focus areas.
PROBE = 1 if connection.vendor == "postgresql" else 0
SEARCH_TAIL = 5 + PROBE
# Session, user, employee, coordinator group.
SEARCH_COORDINATOR = 4 + SEARCH_TAIL
# Session, user, employee, coordinator group, 2 x Django permissions (which inquiries and
# consultations a non-coordinator may find), council membership.
SEARCH_COLLEAGUE = 7 + SEARCH_TAIL
SEARCH_ANONYMOUS = SEARCH_TAIL  # no session cookie
# Session, user, employee; the chosen area and focus area; only notes' visibility is asked (no
# council membership); the coordinator group and 2 x permissions for the page's menu.
SEARCH_FILTERED = 8 + SEARCH_TAIL
# Session, user, employee, coordinator group, 2 x permissions, council membership; the candidates;
# who wrote, handles or covers them (one grouped count); the best employees; the areas they cover
# that match, and those areas.
WHO_KNOWS = 12 + PROBE


def _count(client, url, params, expected, django_assert_num_queries):
    # the database's once-a-process lookup (has the RUM index been built?) is made before
    # counting, as in a running server: whether an earlier test of this worker made it must not
    # decide the count
    if connection.vendor == "postgresql":
        has_rum_index()
    with django_assert_num_queries(expected):
        response = client.get(url, params)
    assert response.status_code == 200
    return response


def test_the_search_page_costs_the_same_for_the_coordinator(matching_notes,
                                                            django_assert_num_queries):
    setting, _focus = matching_notes
    response = _count(danish_client(setting.coordinator), SEARCH_URL, {"q": "shelter"},
                      SEARCH_COORDINATOR, django_assert_num_queries)
    assert len(results(response)) == min(len(Note.objects.all()), PAGE_SIZE)


def test_the_search_page_costs_the_same_for_a_colleague(matching_notes, django_assert_num_queries):
    setting, _focus = matching_notes
    response = _count(danish_client(setting.colleague), SEARCH_URL, {"q": "shelter"},
                      SEARCH_COLLEAGUE, django_assert_num_queries)
    assert len(results(response)) == min(Note.objects.count(), PAGE_SIZE)


def test_the_search_page_costs_the_same_for_a_visitor(matching_notes, django_assert_num_queries):
    _setting, _focus = matching_notes
    response = _count(danish_client(), SEARCH_URL, {"q": "shelter"}, SEARCH_ANONYMOUS,
                      django_assert_num_queries)
    assert len(results(response)) == min(Note.objects.filter(visibility=PUBLIC).count(), PAGE_SIZE)


def test_the_filtered_search_page_costs_the_same(matching_notes, django_assert_num_queries):
    setting, focus = matching_notes
    params = {"q": "shelter", "kind": "note", "area": setting.glud.pk, "focus_area": focus.pk}
    response = _count(danish_client(setting.colleague), SEARCH_URL, params, SEARCH_FILTERED,
                      django_assert_num_queries)
    assert results(response)


def test_the_who_knows_page_costs_the_same(matching_notes, django_assert_num_queries):
    setting, _focus = matching_notes
    response = _count(danish_client(setting.colleague), WHO_URL, {"q": "glud"}, WHO_KNOWS,
                      django_assert_num_queries)
    found = {person.name: person.reasons for person in people(response)}
    # Glud's contact and deputy cover the area; the three authors wrote the notes.
    assert set(found) == {"Lise Lokal", "Kalle Kollega", "Anders Anden", "Sofie Stedfortræder"}
    assert "Er lokalkontakt for Glud" in found["Lise Lokal"]


@pytest.mark.parametrize(("who", "offered"), [
    ("anonymous", False), ("council_member", False), ("colleague", True), ("coordinator", True)])
def test_only_staff_are_offered_who_knows_from_the_results(setting, who, offered):
    write(setting.contact, area=setting.glud, title="Shelteren i Glud", visibility=PUBLIC)
    user = {"anonymous": None, "council_member": setting.council_member,
            "colleague": setting.colleague, "coordinator": setting.coordinator}[who]

    response = search(danish_client(user), q="shelteren")

    assert titles(response) == ["Shelteren i Glud"]
    assert ("Hvem ved noget om “shelteren”?" in response.content.decode()) is offered
