# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The order and the bounds of what the search shows: title before body, the filters, the cap of
1,000 candidates, pages of PAGE_SIZE, and who knows most about something."""

import pytest

from lokalkontakt.areas import services as areas
from lokalkontakt.areas.models import AssignmentRole
from lokalkontakt.core.models import FocusArea
from lokalkontakt.core.search.index import rebuild
from lokalkontakt.core.search.query import CAP, PAGE_SIZE, search, who_knows
from lokalkontakt.knowledge.models import Note
from tests.core.search.conftest import (
    create_consultation,
    employee_user,
    submit_inquiry,
    titles,
    write_note,
)


def many_notes(author, count: int, *, title="Vandværket {n}", text="Drift af vandværket",
               **fields) -> list[Note]:
    """`count` public notes, stored at once and indexed by rebuild() (as an import would be)."""
    notes = Note.objects.bulk_create(
        Note(title=title.format(n=n), text=text, kind=Note.Kind.PLANS,
             visibility=Note.Visibility.PUBLIC, author=author.employee, **fields)
        for n in range(count))
    rebuild(kinds=["note"])
    return notes


# --- rank -----------------------------------------------------------------------------------------

def test_a_title_match_ranks_above_a_newer_body_match(world):
    write_note(world.contact, title="Vandværket", text="Drift og vedligehold af anlægget.")
    write_note(world.contact, title="Referat fra mødet", text="Vi talte om vandværket.")

    assert titles(world.colleague, "vandværk") == ["Vandværket", "Referat fra mødet"]


def test_a_title_match_ranks_above_an_older_body_match(world):
    write_note(world.contact, title="Referat fra mødet", text="Vi talte om vandværket.")
    write_note(world.contact, title="Vandværket", text="Drift og vedligehold af anlægget.")

    assert titles(world.colleague, "vandværk") == ["Vandværket", "Referat fra mødet"]


def test_a_title_match_ranks_above_a_body_that_repeats_the_word(world):
    write_note(world.contact, title="Vandværket", text="Drift og vedligehold af anlægget.")
    write_note(world.contact, title="Referat fra mødet",
               text="Vandværket, vandværket og atter vandværket: vandværkets fremtid.")

    assert titles(world.colleague, "vandværk") == ["Vandværket", "Referat fra mødet"]


def test_a_whole_word_match_ranks_above_a_compound_match(world):
    write_note(world.contact, title="Sportshallen", text="Foreningen træner i sportshallen.")
    write_note(world.contact, title="Hallen", text="Hallen er lukket i juli.")

    assert titles(world.colleague, "hal") == ["Hallen", "Sportshallen"]


def test_hits_of_every_kind_are_ranked_together(world):
    areas.area_create(name="Stouby", towns="Stouby", postcodes="7140", parish="Stouby Sogn",
                      actor=world.coordinator)
    write_note(world.contact, title="Referat", text="Mødet i Stouby forsamlingshus.")
    submit_inquiry(area=world.glud, subject="Stouby: vejbump", text="Bilerne kører stærkt.")
    create_consultation(actor=world.colleague, title="Stouby: planstrategi", areas=[world.glud])

    results = search(user=world.coordinator, query="stouby")

    assert {hit.kind for hit in results.hits} == {"area", "note", "inquiry", "consultation"}
    assert results.hits[-1].title == "Referat"  # the only body-only match


# --- filters ---------------------------------------------------------------------------------------

@pytest.fixture
def stouby(world):
    """Something about Stouby of every kind; the note and consultation in Glud."""
    first, second = FocusArea.objects.order_by("number")[:2]
    areas.area_create(name="Stouby", towns="Stouby", postcodes="7140", parish="Stouby Sogn",
                      actor=world.coordinator)
    write_note(world.contact, title="Stouby: note i Glud", area=world.glud, focus_areas=[first])
    write_note(world.contact, title="Stouby: note i Juelsminde", area=world.juelsminde,
               focus_areas=[second])
    write_note(world.contact, title="Stouby: generel note")
    submit_inquiry(area=world.juelsminde, subject="Stouby: henvendelse")
    create_consultation(actor=world.colleague, title="Stouby: høring", areas=[world.glud],
                        focus_areas=[first, second])
    return world


@pytest.mark.parametrize(("kinds", "expected"), [
    (["note"], {"Stouby: note i Glud", "Stouby: note i Juelsminde", "Stouby: generel note"}),
    (["inquiry"], {"Stouby: henvendelse"}),
    (["consultation"], {"Stouby: høring"}),
    (["area"], {"Stouby"}),
    (["area", "inquiry"], {"Stouby", "Stouby: henvendelse"}),
    ([], {"Stouby", "Stouby: note i Glud", "Stouby: note i Juelsminde", "Stouby: generel note",
          "Stouby: henvendelse", "Stouby: høring"}),
])
def test_the_kind_filter_shows_those_kinds_only(stouby, kinds, expected):
    results = search(user=stouby.coordinator, query="stouby", kinds=kinds)

    assert {hit.title for hit in results.hits} == expected
    assert results.count == len(expected)


def test_an_unknown_kind_finds_nothing(stouby):
    assert search(user=stouby.coordinator, query="stouby", kinds=["user"]).count == 0


def test_the_area_filter_shows_what_is_about_the_area(stouby):
    assert set(titles(stouby.coordinator, "stouby", area=stouby.glud)) == {
        "Stouby: note i Glud", "Stouby: høring"}
    assert set(titles(stouby.coordinator, "stouby", area=stouby.juelsminde)) == {
        "Stouby: note i Juelsminde", "Stouby: henvendelse"}


def test_the_focus_area_filter_shows_what_is_tagged_with_it(stouby):
    first, second = FocusArea.objects.order_by("number")[:2]

    assert set(titles(stouby.coordinator, "stouby", focus_area=first)) == {
        "Stouby: note i Glud", "Stouby: høring"}
    assert set(titles(stouby.coordinator, "stouby", focus_area=second, kinds=["note"])) == {
        "Stouby: note i Juelsminde"}
    assert titles(stouby.coordinator, "stouby", focus_area=second, area=stouby.glud) == [
        "Stouby: høring"]


# --- the cap and rare words -------------------------------------------------------------------------

def test_more_than_a_thousand_matches_are_capped(world):
    many_notes(world.contact, CAP + 1)

    results = search(user=world.anonymous, query="vandværket")

    assert (results.count, results.capped, results.pages) == (CAP, True, CAP // PAGE_SIZE)
    assert len(results.hits) == PAGE_SIZE


def test_exactly_a_thousand_matches_are_not_over_a_thousand(world):
    # The page says "Over 1,000 results" when `capped`; query.py sets it when len(ranked) >= CAP,
    # so exactly CAP matches show as over CAP (the backend is asked for CAP, not CAP + 1).
    many_notes(world.contact, CAP)

    results = search(user=world.anonymous, query="vandværket")

    assert (results.count, results.capped) == (CAP, False)


def test_fewer_than_a_thousand_matches_are_counted_exactly(world):
    many_notes(world.contact, 999)

    results = search(user=world.anonymous, query="vandværket")

    assert (results.count, results.capped, results.pages) == (999, False, 50)
    assert len(search(user=world.anonymous, query="vandværket", page=50).hits) == 19


def test_a_rare_word_among_many_common_ones_finds_its_note(world):
    write_note(world.contact, title="Vandværket ved skolen", text="Brandhanen på Skolevej lækker.")
    many_notes(world.contact, CAP + 50)  # all newer than the rare one

    assert titles(world.anonymous, "brandhane") == ["Vandværket ved skolen"]
    assert titles(world.anonymous, "vandværket brandhane") == ["Vandværket ved skolen"]
    assert search(user=world.anonymous, query="brandhane").count == 1


def test_the_cap_counts_only_what_the_user_may_find(world):
    many_notes(world.contact, CAP + 1, title="Internt vandværk {n}")
    Note.objects.update(visibility=Note.Visibility.STAFF)
    rebuild(kinds=["note"])
    write_note(world.contact, title="Vandværket for alle")

    results = search(user=world.anonymous, query="vandværk")

    assert [hit.title for hit in results.hits] == ["Vandværket for alle"]
    assert (results.count, results.capped) == (1, False)
    assert search(user=world.colleague, query="vandværk").capped


# --- pages ----------------------------------------------------------------------------------------

def test_pages_show_every_hit_once(world):
    many_notes(world.contact, 2 * PAGE_SIZE + 5)

    pages = [search(user=world.anonymous, query="vandværket", page=n) for n in (1, 2, 3)]

    shown = [hit.url for page in pages for hit in page.hits]
    assert [len(page.hits) for page in pages] == [PAGE_SIZE, PAGE_SIZE, 5]
    assert len(set(shown)) == len(shown) == 2 * PAGE_SIZE + 5
    assert [(p.pages, p.has_previous, p.has_next) for p in pages] == [
        (3, False, True), (3, True, True), (3, True, False)]


def test_a_page_out_of_range_shows_the_nearest_page(world):
    many_notes(world.contact, PAGE_SIZE + 3)
    first = search(user=world.anonymous, query="vandværket", page=1)
    last = search(user=world.anonymous, query="vandværket", page=2)

    assert search(user=world.anonymous, query="vandværket", page=0).hits == first.hits
    assert search(user=world.anonymous, query="vandværket", page=-3).hits == first.hits
    beyond = search(user=world.anonymous, query="vandværket", page=99)
    assert (beyond.page, beyond.hits) == (2, last.hits)


def test_the_same_query_gives_the_same_order(world):
    many_notes(world.contact, PAGE_SIZE + 3)

    first = [hit.url for hit in search(user=world.anonymous, query="vandværket").hits]

    assert [hit.url for hit in search(user=world.anonymous, query="vandværket").hits] == first


# --- who knows --------------------------------------------------------------------------------------

def test_who_knows_ranks_the_author_of_more_matching_notes_first(world):
    for n in range(3):
        write_note(world.other_contact, title=f"Vandværket {n}")
    write_note(world.contact, title="Om vandværket")
    write_note(world.colleague, title="Legepladsen")  # matches nothing

    experts = who_knows(user=world.coordinator, query="vandværk")

    assert [e.employee.name for e in experts] == ["Anders Anden", "Lise Lokal"]
    assert [e.reasons for e in experts] == [[("author", "note", 3)], [("author", "note", 1)]]
    assert experts[0].score > experts[1].score


def test_who_knows_gives_every_reason(world):
    area = areas.area_create(name="Nørre Vandværk", towns="Nørre Vandværk", postcodes="7150",
                             parish="Nørre Sogn", actor=world.coordinator)
    areas.assignment_create(area=area, employee=world.other_contact.employee,
                            role=AssignmentRole.PRIMARY, actor=world.coordinator)
    write_note(world.other_contact, title="Vandværket")
    write_note(world.other_contact, title="Vandværket igen")
    submit_inquiry(area=world.juelsminde, subject="Vandværket lugter")
    create_consultation(actor=world.other_contact, title="Vandværkets fremtid",
                        areas=[world.glud])

    [expert] = [e for e in who_knows(user=world.coordinator, query="vandværk")
                if e.employee == world.other_contact.employee]

    assert sorted(expert.reasons) == [("author", "note", 2), ("contact", "area", 1),
                                      ("handler", "inquiry", 1),
                                      ("requester", "consultation", 1)]


def test_who_knows_names_at_most_the_limit(world):
    for n in range(4):
        write_note(employee_user(f"forfatter{n}", f"Forfatter {n}"), title=f"Vandværket {n}")

    assert len(who_knows(user=world.coordinator, query="vandværk", limit=3)) == 3
    assert who_knows(user=world.coordinator, query="og det") == []
