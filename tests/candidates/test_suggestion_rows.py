# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The suggestions' items, written once in Python (candidates.tables.suggestion_rows, issue 20):
the markup the template wrote, every name escaped once, the button of a nominee leading to the
nomination's decision and that of a contact to the assignment form."""

from django.test import Client
from django.urls import reverse

from lokalkontakt.candidates.services import nomination_create
from tests.areas.factories import AssignmentFactory
from tests.candidates.nomination_world import make_staff
from tests.people.factories import CoreAreaFactory, EmployeeFactory


def test_each_suggestion_is_the_template_s_item_with_its_names_escaped(coordinator):
    staff = make_staff()
    odd = EmployeeFactory(name='Bo <b>&</b> "Berg"', core_area=CoreAreaFactory(name="Kultur & Fri <i>"))
    AssignmentFactory(area=staff.flemming, employee=odd)
    nomination = nomination_create(actor=staff.leader, employee=staff.bo, areas=[staff.stouby])
    client = Client()
    client.force_login(coordinator)

    content = client.get(reverse("nominations:suggestions", args=[staff.stouby.slug])).content.decode()

    name = "Bo &lt;b&gt;&amp;&lt;/b&gt; &quot;Berg&quot;"
    assign = reverse("coordination:assign", args=[staff.stouby.slug])
    assert (f'\n  <li>\n    <h2 class="h3" id="suggestion-{odd.pk}">{name} <span class="weight-normal">'
            "– Kultur &amp; Fri &lt;i&gt;</span></h2>\n    <ul><li>") in content
    assert (f'</ul>\n    <p><a class="button button-primary" href="{assign}?medarbejder={odd.pk}">'
            f'Tildel <span class="sr-only">{name}</span></a></p>\n  </li>\n  ') in content
    decide = reverse("nominations:decide", args=[nomination.pk])
    assert (f'<p><a class="button button-primary" href="{decide}?omraade={staff.stouby.slug}">'
            'Tildel <span class="sr-only">Bo Berg</span></a> <span class="muted">godkender'
            " indstillingen først</span></p>") in content
    assert content.count('<h2 class="h3" id="suggestion-') == 3  # Bo, Lise and the odd one
    assert '<ol class="suggestion-list">\n  \n  <li>' in content and "</li>\n  \n</ol>" in content
