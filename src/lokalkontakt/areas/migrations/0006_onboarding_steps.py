# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Load the default onboarding checklist: the steps a new local contact takes (the coordinator
"sikrer at den enkelte Lokalkontakt bliver klar til opgaven"). The municipality's own content, in
Danish; the coordinator edits it in the application. Each step gets its first history record."""

from django.db import migrations
from django.utils import timezone

DEFAULT_STEPS = [
    ("Læs områdeprofilen og introduktionspakken",
     "Læs områdets side og introduktionspakken: fakta om området, lokalrådet, tidligere "
     "lokalkontakter, den seneste viden, åbne henvendelser og høringer samt projekter."),
    ("Aftal med din leder, hvordan tiden findes",
     "Funktionen tager i gennemsnit 1–1½ time om ugen, og en gang imellem uden for normal "
     "arbejdstid. Din afdeling skal sikre tiden – aftal med din leder, hvordan den findes."),
    ("Præsentér dig for lokalrådet på e-mail",
     "Skriv til lokalrådet, hvem du er, hvordan de kan kontakte dig, og hvad du som "
     "lokalkontakt kan hjælpe med."),
    ("Mød lokalrådet",
     "Aftal et første møde med lokalrådet eller formanden. Hør om områdets ønsker, foreninger "
     "og aktuelle sager, og aftal, hvordan I holder kontakten."),
    ("Gennemgå åbne henvendelser og høringer",
     "Se områdets åbne henvendelser og høringer under Mine områder, og overtag dem, der venter "
     "på svar."),
    ("Deltag i det næste koordinerende møde",
     "Landdistriktskoordinatoren indkalder til koordinerende møder hver anden måned, hvor "
     "lokalkontakterne deler viden og erfaringer. Tilmeld dig det næste."),
]


def load(apps, schema_editor):
    """Create the default steps unless a step with the same title exists (idempotent)."""
    step_model = apps.get_model("areas", "OnboardingStep")
    history_model = apps.get_model("areas", "HistoricalOnboardingStep")
    now = timezone.now()
    for position, (title, description) in enumerate(DEFAULT_STEPS, start=1):
        step, created = step_model.objects.get_or_create(
            title=title, defaults={"description": description, "position": position * 10})
        # Called with the project's own models (tests, the demo), saving records the history.
        if created and not history_model.objects.filter(id=step.pk).exists():
            history_model.objects.create(
                id=step.pk, title=step.title, description=step.description,
                position=step.position, is_active=step.is_active, history_date=now,
                history_type="+", history_change_reason="Standardtjekliste")


def unload(apps, schema_editor):
    titles = [title for title, _description in DEFAULT_STEPS]
    apps.get_model("areas", "HistoricalOnboardingStep").objects.filter(title__in=titles).delete()
    apps.get_model("areas", "OnboardingStep").objects.filter(title__in=titles).delete()


class Migration(migrations.Migration):
    dependencies = [("areas", "0005_area_event_kinds")]
    operations = [migrations.RunPython(load, unload)]
