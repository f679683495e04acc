# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The two guides with the municipality's first text, written from the scheme's description
(Lokalkontakten – samarbejde med lokalsamfundene), each with its first version in the history.
The coordinator changes them on the site; the text is the municipality's own, in Danish."""

from django.db import migrations
from django.utils import timezone

PUBLIC_TITLE = "Sådan bruger du Lokalkontakten"
PUBLIC_BODY = """\
Kommunen tilbyder alle lokalområder en Lokalkontakt. Lokalkontakten er en medarbejder i kommunens \
administration, som har et særligt ansvar for kontakten til jeres lokalområde. Det er frivilligt, \
om et lokalområde vil have en Lokalkontakt.

## Hvad Lokalkontakten gør

- Er en nem indgang til kommunen: I kan skrive eller ringe til Lokalkontakten med spørgsmål, \
idéer og ønsker, og Lokalkontakten hjælper jer videre til de rette kolleger.
- Støtter de lokale kræfter og de initiativer, I selv sætter i gang – med sparring, viden om \
kommunens muligheder og kontakt til fagområderne.
- Deler det, Lokalkontakten lærer om jeres område, med kollegerne i kommunen, så beslutninger \
træffes med kendskab til de lokale forhold.
- Bringer kommunens planer og høringer ud til jer, så jeres område bliver hørt.

## Hvad Lokalkontakten ikke er

- Lokalkontakten overtager ikke styringen af jeres projekter og løser ikke opgaverne for jer. \
Ansvaret for de lokale initiativer bliver hos jer.
- Lokalkontakten er ikke den eneste vej ind i kommunen. I kan fortsat bruge de kontakter, I plejer \
at bruge.
- Lokalkontakten er ikke sagsbehandler på alle sager og træffer ikke politiske beslutninger.

## Sådan kommer du i kontakt med din Lokalkontakt

- Find dit lokalområde i oversigten over lokalområder. Områdets side viser, hvem der er \
Lokalkontakt, og hvordan du når vedkommende.
- Du kan også sende en henvendelse her på siden. Den går til områdets Lokalkontakt – eller til \
landdistriktskoordinatoren, hvis området ikke har en – og du kan følge den via et personligt link.
- Lokalkontakten løser opgaven ved siden af sit øvrige arbejde, i gennemsnit 1–1½ time om ugen. \
Du får besked om, at henvendelsen er modtaget, og et svar inden for kommunens svarfrister.

## Vil jeres område have en Lokalkontakt?

Lokalrådet kan kontakte landdistriktskoordinatoren, som har ansvaret for ordningen og finder en \
Lokalkontakt til området.
"""

STAFF_TITLE = "Sådan bruger du Lokalkontakterne"
STAFF_BODY = """\
Lokalkontakterne er kolleger i administrationen, som hver har et særligt ansvar for kontakten til \
et eller flere lokalområder. Ordningen skal styrke kommunikationen – både eksternt og internt – \
give bedre viden om lokale forhold og dermed et bedre beslutningsgrundlag, og give bedre \
udviklingsprocesser med enklere sagsbehandling og hurtigere handling.

## Hvad en Lokalkontakt er

- En indgang til lokalområdet: Lokalkontakten kender lokalrådet og de lokale kræfter og kan \
hjælpe dig med at få kvalificeret et kommunalt tiltag lokalt.
- En kollega med "antennerne ude", som følger med i, hvad der sker i organisationen, og bidrager \
med input, når det er relevant.
- En del af et netværk: Lokalkontakterne findes i alle kerneområder og mødes hver anden måned med \
landdistriktskoordinatoren til videndeling og koordinering.

## Hvad en Lokalkontakt ikke er

- Ikke en ekstra sagsbehandler: sagen bliver hos det fagområde, der ejer den.
- Ikke den eneste vej ind: borgere og foreninger bruger fortsat de kontakter i kommunen, de plejer.
- Ikke en fuldtidsfunktion: opgaven tager i gennemsnit 1–1½ time om ugen. Spørg i god tid.

## Sådan hører du et område, før du handler

1. Slå området op i oversigten over lokalområder og se, hvem der er Lokalkontakt – og om området \
har en.
2. Læs, hvad vi allerede ved om området, under Viden.
3. Kontakt Lokalkontakten tidligt, mens der stadig er plads til at ændre planen. Skal flere \
områder høres, så opret en høring: den går til områdernes Lokalkontakter med en svarfrist.
4. Del det, du lærer, som en note om området, så Lokalkontakten og kollegerne ved det. \
Samarbejdet går begge veje.

## Områder uden Lokalkontakt

Har området ingen Lokalkontakt, så kontakt landdistriktskoordinatoren, som har ansvaret for \
ordningen og kender lokalområderne.
"""

GUIDES = {"public": (PUBLIC_TITLE, PUBLIC_BODY), "staff": (STAFF_TITLE, STAFF_BODY)}
NOTE = "Første udgave"


def create_guides(apps, schema_editor):
    Guide = apps.get_model("guides", "Guide")
    HistoricalGuide = apps.get_model("guides", "HistoricalGuide")
    now = timezone.now()
    for audience, (title, body) in GUIDES.items():
        if Guide.objects.filter(audience=audience).exists():
            continue
        guide = Guide.objects.create(audience=audience, title=title, body=body.strip())
        # Historical models get no simple_history signals in a migration: the first version by hand.
        HistoricalGuide.objects.create(
            id=guide.pk, audience=audience, title=guide.title, body=guide.body,
            updated_at=guide.updated_at, history_date=now, history_type="+",
            history_change_reason=NOTE)


def remove_guides(apps, schema_editor):
    apps.get_model("guides", "HistoricalGuide").objects.filter(
        audience__in=GUIDES, history_change_reason=NOTE).delete()
    apps.get_model("guides", "Guide").objects.filter(audience__in=GUIDES).delete()


class Migration(migrations.Migration):
    dependencies = [("guides", "0001_guide")]

    operations = [migrations.RunPython(create_guides, remove_guides)]
