# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The rollout in the browser (issue 7, item 6), on the Hedensted demo with the seed's plan: the
coordinator reads the need (Glud, Snaptun and Hjarnø are interested, their handover is due, a
colleague is nominated for Snaptun), marks the contacts' forum as established, tries to add a step
without a title, records a second invitation for As and Bjerre at once (after one try without
areas), and does the same for two more areas and starts the forum's step without JavaScript. axe on the
rollout page, the areas page, both forms with errors."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from lokalkontakt.areas.models import AreaEvent, LocalArea
from lokalkontakt.candidates.models import Nomination
from lokalkontakt.people.models import Employee
from lokalkontakt.rollout.demo import load_demo_rollout
from lokalkontakt.rollout.models import RolloutMilestone
from tests.browser.helpers import expect, log_in, message, read, read_plural, screenshot, shown, t
from tests.browser.test_accessibility import (
    assert_accessible,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

FORUM = "Samarbejdsrum for lokalkontakterne etableres"
ANSWERS = "Lokalrådene melder tilbage til Det Fælles Landdistriktsråd"
SECOND_LETTER = datetime.date(2020, 1, 15)


@pytest.fixture
def rollout(hedensted):
    load_demo_rollout()
    kollega = Employee.objects.get(user__username="kollega")
    Nomination.objects.create(employee=kollega, core_area=kollega.core_area,
                              note="Bor i Snaptun").areas.add(LocalArea.objects.get(name="Snaptun"))
    return hedensted


def recorded(count: int) -> str:
    with translation.override("da"):
        return translation.ngettext("The invitation date is recorded for %(count)d area.",
                                    "The invitation date is recorded for %(count)d areas.",
                                    count) % {"count": count}


def row(page, text: str):
    return page.get_by_role("row").filter(has_text=text)


def test_the_coordinator_reads_the_need_keeps_the_plan_and_records_invitations(rollout, new_page):
    today = timezone.localdate()
    page = new_page()
    log_in(page, "koordinator")
    page.goto(reverse("rollout:overview"))
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Rollout"))

    # The need: three interested areas whose handover is due, one candidate, named for Snaptun.
    gap = (read_plural("%(counter)s interested area lacks a local contact;",
                       "%(counter)s interested areas lack a local contact;", 3) + " "
           + read_plural("%(counter)s candidate is nominated.",
                         "%(counter)s candidates are nominated.", 1))
    expect(page.get_by_text(gap)).to_be_visible()
    needing = page.get_by_role("region", name=t("Interested areas without a local contact"))
    expect(needing.get_by_role("row")).to_have_count(4)  # the header and Glud, Hjarnø, Snaptun
    expect(row(needing, "Snaptun")).to_contain_text("Demo Kollega")
    expect(row(needing, "Glud")).to_contain_text(t("No one yet"))
    # The plan, by month in Danish; the forum is overdue.
    expect(row(page, ANSWERS)).to_contain_text("december 2019 – januar 2020")
    forum = row(page, FORUM)
    expect(forum).to_contain_text("marts – april 2020")
    expect(forum).to_contain_text(t("Overdue"))
    screenshot(page, "rollout")
    assert_accessible(page)

    forum.get_by_role("button", name=read('Mark done <span class="sr-only">“%(title)s”</span>',
                                          title=FORUM)).click()
    expect(message(page, read("The step “%(title)s” is done.", title=FORUM))).to_be_visible()
    forum = row(page, FORUM)
    expect(forum).to_contain_text(shown(today))
    expect(forum).not_to_contain_text(t("Overdue"))
    step = RolloutMilestone.objects.get(title=FORUM)
    assert (step.status, step.done_on) == ("done", today)
    assert step.history.latest().history_user.username == "koordinator"

    # A step without a title is refused, with the error summary leading to the field.
    page.get_by_role("link", name=t("Add a step"), exact=True).click()
    page.get_by_label(t("Planned from (month)")).fill("2020-05")
    page.get_by_label(t("Planned until (month)")).fill("2020-05")
    page.get_by_role("button", name=t("Save the step")).click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text(t("The form has errors"))
    alert.get_by_role("link", name=f'{t("Task")}: {t("This field is required.")}').click()
    expect(page.get_by_label(t("Task"), exact=True)).to_be_focused()
    assert_accessible(page)
    assert RolloutMilestone.objects.count() == 8
    page.get_by_role("link", name=t("Cancel")).click()

    # Invitations: first without choosing an area, then As and Bjerre at once.
    page.get_by_role("link", name=t("Invitations and answers by area")).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Invitations and answers by area"))
    page.get_by_label(t("The council's answer")).select_option(label=t("Not answered"))
    page.get_by_role("button", name=t("Show"), exact=True).click()
    assert_accessible(page)
    page.get_by_label(t("Invitation sent on")).fill(SECOND_LETTER.isoformat())
    page.get_by_role("button", name=t("Record the invitation")).click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text(t("Choose at least one local area."))
    screenshot(page, "rollout_areas_error")
    assert_accessible(page)
    assert not LocalArea.objects.filter(invited_on=SECOND_LETTER).exists()

    page.get_by_label(read("Choose %(name)s", name="As"), exact=True).check()
    page.get_by_label(read("Choose %(name)s", name="Bjerre"), exact=True).check()
    page.get_by_role("button", name=t("Record the invitation")).click()
    expect(message(page, recorded(2))).to_be_visible()
    expect(page.get_by_label(t("The council's answer"))).to_have_value("unknown")  # same filter
    for name in ["As", "Bjerre"]:
        expect(row(page, name).first).to_contain_text(shown(SECOND_LETTER))
    assert set(LocalArea.objects.filter(invited_on=SECOND_LETTER).values_list("name", flat=True)) \
        == {"As", "Bjerre"}
    assert AreaEvent.objects.filter(kind=AreaEvent.Kind.INVITED,
                                    actor__username="koordinator").count() == 2


def test_without_javascript_the_coordinator_records_invitations_and_starts_a_step(rollout,
                                                                                 new_page):
    page = new_page(javascript=False)
    log_in(page, "koordinator")
    page.goto(reverse("rollout:areas"))

    page.get_by_label(read("Choose %(name)s", name="Daugård"), exact=True).check()
    page.get_by_label(read("Choose %(name)s", name="Stouby"), exact=True).check()
    page.get_by_label(t("Invitation sent on")).fill(SECOND_LETTER.isoformat())
    page.get_by_role("button", name=t("Record the invitation")).click()

    expect(message(page, recorded(2))).to_be_visible()
    assert set(LocalArea.objects.filter(invited_on=SECOND_LETTER).values_list("name", flat=True)) \
        == {"Daugård", "Stouby"}

    page.goto(reverse("rollout:overview"))
    row(page, FORUM).get_by_role("button", name=read(
        'Start <span class="sr-only">“%(title)s”</span>', title=FORUM)).click()
    expect(message(page, read("The step “%(title)s” is in progress.", title=FORUM))).to_be_visible()
    assert RolloutMilestone.objects.get(title=FORUM).status == "in_progress"
