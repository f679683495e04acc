# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""core.recipients: who an action's e-mail reached, said in a sentence, in English here (the
Danish comes from the translation)."""

import types

import pytest
from django.contrib import messages
from django.utils import translation

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.core.recipients import (
    COORDINATOR,
    INACTIVE,
    NO_ADDRESS,
    NO_LOGIN,
    NOBODY,
    Missed,
    Reach,
    email_people,
    names_text,
    no_email_reason,
    no_email_warning,
    no_email_warnings,
    reach_notice,
    reach_text,
)


def person(name, email="x@example.dk", is_active=True, user_id=1, pk=None):
    return types.SimpleNamespace(name=name, email=email, is_active=is_active, user_id=user_id,
                                 pk=pk or name)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_names_are_listed_in_danish_order_without_repeats():
    assert names_text(["Åse Ø", "Bo Holm", "Anne Jensen", "Bo Holm"]) == (
        "Anne Jensen, Bo Holm and Åse Ø")
    assert names_text(["Anne Jensen"]) == "Anne Jensen"


def test_many_names_are_counted():
    assert names_text([f"Person {n:02}" for n in range(11)]) == "11 people"


def test_why_someone_gets_no_email():
    assert no_email_reason(person("A")) == ""
    assert no_email_reason(person("A", email="")) == NO_ADDRESS
    assert no_email_reason(person("A", is_active=False)) == INACTIVE
    assert no_email_reason(person("A", user_id=None)) == ""
    assert no_email_reason(person("A", user_id=None), needs_login=True) == NO_LOGIN


def test_the_sentence_names_who_got_it_and_who_got_it_instead():
    reach = Reach(sent=["Bo Holm", "Anne Jensen"], missed=[
        Missed("Carl Nielsen", NO_ADDRESS, COORDINATOR), Missed("Dan Due", NO_ADDRESS, COORDINATOR),
        Missed("Eva Ege", NO_LOGIN, "Frida Fisker"), Missed("Ib Inaktiv", INACTIVE),
        Missed("Lone Leder", NO_ADDRESS, NOBODY)])

    assert reach_text(reach) == (
        "E-mail sent to Anne Jensen and Bo Holm. "
        "No e-mail to Carl Nielsen and Dan Due: no e-mail address. The coordinator got it "
        "instead. No e-mail to Eva Ege: no login to open the link. Frida Fisker got it instead, "
        "as deputy. No e-mail to Ib Inaktiv: no longer active. "
        "No e-mail to Lone Leder: no e-mail address.")


def test_a_notice_is_a_warning_only_when_someone_was_missed():
    assert reach_notice("Saved.", Reach(sent=["Bo"])).level == messages.SUCCESS
    missed = reach_notice("Saved.", Reach(missed=[Missed("Bo", NO_ADDRESS, COORDINATOR)]))
    assert missed.level == messages.WARNING
    assert reach_notice("Saved.", Reach()) == "Saved."


def test_the_warning_before_names_the_stand_in():
    carl, dorte = person("Carl Nielsen", email=""), person("Dorte Deputy")

    assert no_email_warning(carl, stand_in=dorte) == (
        "Carl Nielsen has no e-mail address and gets no e-mail. Dorte Deputy gets it instead, "
        "as deputy.")
    assert no_email_warning(carl) == (
        "Carl Nielsen has no e-mail address and gets no e-mail. The coordinator gets it instead.")
    assert no_email_warning(dorte) == ""


def test_the_warnings_before_name_everyone_of_a_reason_in_one_sentence():
    people = [person("Øjvind Ørum", email=""), person("Anne Hansen", email=""),
              person("Bo Holm", email=""), person("Carl Nielsen", is_active=False),
              person("Dorte Deputy")]

    assert no_email_warnings(people) == [
        "Anne Hansen, Bo Holm and Øjvind Ørum have no e-mail address and get no e-mail. The "
        "coordinator gets it instead.",
        "Carl Nielsen is no longer active and gets no e-mail. The coordinator gets it instead."]
    assert no_email_warnings(people[:1]) == [no_email_warning(people[0])]
    assert no_email_warnings(people[4:]) == []


@pytest.mark.django_db
def test_one_copy_for_all_without_an_address_goes_to_the_coordinator(coordinator, settings):
    settings.LANGUAGE_CODE = "en"
    reach = Reach()

    email_people("meetings/email/bulletin.txt", reach=reach, people=[
        person("Anne Jensen", email="anne@example.dk"), person("Bo Holm", email=""),
        person("Carl Nielsen", email=""), person("Ib Inaktiv", is_active=False)],
        context={"bulletin": types.SimpleNamespace(title="Nyt"), "body": "Tekst", "url": "/"})

    emails = list(OutgoingEmail.objects.order_by("pk"))
    assert [e.to for e in emails] == [["anne@example.dk"], [coordinator.employee.email]]
    assert emails[1].body.startswith(
        "This e-mail was meant for people who cannot receive it: Bo Holm (no e-mail address); "
        "Carl Nielsen (no e-mail address). You get it as the coordinator, so that it is not "
        "lost.")
    assert reach.sent == ["Anne Jensen"]
    assert [m.name for m in reach.missed] == ["Ib Inaktiv", "Bo Holm", "Carl Nielsen"]
