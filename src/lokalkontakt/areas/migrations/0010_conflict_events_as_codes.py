# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Source conflicts stored as an English sentence ("Bilag 1 lists Stenderup both with a contact
(…) and without a contact; …") become a code and the source's own words, so that a Danish page
shows them in Danish (areas.events.conflict_text). Other conflicts are left as they are."""

import re

from django.db import migrations

CODE = "listed_with_and_without_contact"
SENTENCE = re.compile(r"^(?P<source>Bilag 1) lists (?P<area>.+?) both with a contact "
                      r"\((?P<entry>.+)\) and without a contact; one area was created and the "
                      r"contact kept\.$", re.DOTALL)


def to_codes(apps, schema_editor):
    AreaEvent = apps.get_model("areas", "AreaEvent")
    for event in AreaEvent.objects.filter(kind="conflict"):
        match = SENTENCE.match(event.data.get("detail", ""))
        if match:
            event.data = {"code": CODE, "source": match["source"], "entry": match["entry"]}
            event.save(update_fields=["data"])


def to_sentences(apps, schema_editor):
    AreaEvent = apps.get_model("areas", "AreaEvent")
    for event in AreaEvent.objects.filter(kind="conflict").select_related("area"):
        if event.data.get("code") == CODE:
            event.data = {"detail": (
                f"{event.data['source']} lists {event.area.name} both with a contact "
                f"({event.data['entry']}) and without a contact; one area was created and the "
                "contact kept.")}
            event.save(update_fields=["data"])


class Migration(migrations.Migration):

    dependencies = [("areas", "0009_move_handovers_onboarding")]

    operations = [migrations.RunPython(to_codes, to_sentences)]
