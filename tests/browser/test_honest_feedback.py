# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Honest feedback in the browser (issue 17, item 3): in the demo, Glud's contact Susanne Ernst
has no e-mail address. The coordinator is warned on the handover form before planning (axe on the
page with the warning), and the message after says who got the e-mail and who got hers."""

import pytest
from django.utils import timezone

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.people.models import Employee
from tests.browser.helpers import expect, log_in, message, read, t
from tests.browser.test_accessibility import assert_accessible
from tests.conftest import site_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LEAVING = "Susanne Ernst"
NEW = "Demo Lokalkontakt"


def test_the_coordinator_is_warned_before_and_told_after(hedensted, new_page):
    glud = LocalArea.objects.get(name="Glud")
    Employee.objects.filter(name=LEAVING).update(email="")

    coordinator = new_page()
    log_in(coordinator, "koordinator")
    coordinator.goto(glud.get_absolute_url())
    coordinator.get_by_role("link", name=t("Hand over to a new contact")).click()
    warning = coordinator.get_by_role("status").filter(has_text=t("Not everyone can get the e-mail"))
    expect(warning).to_contain_text(read("%(name)s has no e-mail address and gets no e-mail.",
                                         name=LEAVING))
    assert_accessible(coordinator)  # the form with the warning

    coordinator.get_by_label(t("New contact")).select_option(label=f"{NEW} (Teknik og Miljø)")
    before = OutgoingEmail.objects.order_by("pk").values_list("pk", flat=True).last() or 0
    coordinator.get_by_label(t("Handover date")).fill(timezone.localdate().isoformat())
    coordinator.get_by_role("button", name=t("Plan the handover")).click()

    expect(message(coordinator, read("The handover of %(area)s to %(name)s is planned.",
                                     area="Glud", name=NEW))).to_be_visible()
    expect(message(coordinator, read("No e-mail to %(names)s: %(reason)s.", names=LEAVING,
                                     reason=t("no e-mail address")))).to_be_visible()
    assert_accessible(coordinator)  # the handover page with the warning message
    bodies = [email.body for email in OutgoingEmail.objects.filter(pk__gt=before)]
    meant_for = site_text("This e-mail was meant for %(name)s, who cannot receive it (%(reason)s).",
                          name=LEAVING, reason=site_text("no e-mail address"))
    assert len(bodies) == 2
    assert [body.startswith(meant_for) for body in bodies].count(True) == 1
