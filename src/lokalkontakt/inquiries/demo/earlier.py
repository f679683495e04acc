# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The demo's inquiries of last year: closed, some answered late."""

from lokalkontakt.inquiries.demo.data import (
    BARN,
    ERHVERV,
    JOB,
    KLIMA,
    KULTUR,
    LOKAL,
    OEKONOMI,
    SAGSB,
    UNGE,
    VAEKST,
    D,
)

EARLIER = [
    # --- last year: closed, some answered late -------------------------------------------------
    D(450, "Korning", "web_form", "citizen", "Jens Eksempel", "jens.eksempel@example.dk",
      "Huller i stien langs åen",
      "Stien langs åen mellem Korning og skoven har store huller efter vinteren. Barnevogne og "
      "kørestole kan ikke komme forbi. Kan kommunen fylde hullerne op?",
      (KLIMA,), "closed",
      "Tak for henvendelsen. Vej og Park har set på stien og fylder hullerne op i næste uge.",
      "Hullerne er fyldt op med stabilgrus; stien er farbar igen."),
    D(432, "Uldum", "email", "association", "Uldum Borgerforening v/ Hanne Prøvesen",
      "borgerforening.uldum@example.dk", "Tilskud til nyt tag på forsamlingshuset",
      "Forsamlingshuset i Uldum trænger til nyt tag. Vi vil gerne høre, hvilke puljer vi kan "
      "søge, og om kommunen kan hjælpe med ansøgningen.",
      (LOKAL, OEKONOMI), "closed",
      "Landdistriktspuljen og Lokale- og Anlægsfonden er de oplagte muligheder. Vi sender et "
      "overblik over frister.",
      "Foreningen søgte Landdistriktspuljen med hjælp fra lokalkontakten og fik tilsagn.",
      True),
    D(420, "Juelsminde", "phone", "business", "Juelsminde Havnecafé (demo) v/ Kim Demosen", "",
      "Parkering ved havnen i sommersæsonen",
      "Om sommeren holder autocampere på p-pladsen ved havnen i flere døgn, og gæster til "
      "caféen kan ikke parkere. Kan der komme tidsbegrænsning?",
      (ERHVERV,), "late",
      "Vi har drøftet sagen med Trafik og Vej; en tidsbegrænsning kræver en ny skiltning, som "
      "vi undersøger.",
      "Der er opsat skilte med 24 timers parkering for autocampere i sommerhalvåret."),
    D(405, "Tørring", "web_form", "citizen", "Birthe Fiktiv", "birthe.fiktiv@example.dk",
      "Busstoppestedet ved skolen mangler læskur",
      "Børnene venter på bussen ved Tørring skole i regn og blæst. Kan der sættes et læskur op "
      "ved stoppestedet?",
      (BARN,), "closed",
      "Midttrafik og kommunen har aftalt at sætte et læskur op inden vinteren.",
      "Læskuret er sat op ved stoppestedet."),
    D(396, "Glud", "letter", "citizen", "Ole Testrup", "",
      "Ønske om bænke ved gadekæret",
      "Mange ældre går tur ved gadekæret i Glud. Der er ingen steder at sidde. Jeg foreslår to "
      "bænke ved stien.",
      (), "closed",
      "Tak for forslaget. Vej og Park sætter to bænke op i foråret.",
      "To bænke er sat op ved gadekæret."),
    D(380, "Lindved", "meeting", "council", "Lokalrådet for Lindved v/ Poul Demosen",
      "lokalraad.lindved@example.dk", "Fartdæmpning på hovedgaden",
      "Lokalrådet har drøftet fart på hovedgaden gennem Lindved. Bilisterne kører for stærkt "
      "forbi børnehaven. Vi ønsker en fartdæmpende ø eller chikane.",
      (BARN, SAGSB), "late",
      "Trafiksikkerheden er vurderet; en chikane kommer med i næste års trafikpulje.",
      "Chikanen er prioriteret i trafikpuljen og etableres til foråret.", True),
    D(362, "Barrit", "web_form", "citizen", "Lise Eksempel", "lise.eksempel@example.dk",
      "Hurtigere bredbånd i landzonen",
      "Vi bor uden for Barrit og har kun 10 Mbit/s. Vi arbejder hjemme og kan ikke holde "
      "videomøder. Er der planer for fibernet i området?",
      (ERHVERV, VAEKST), "closed",
      "Kommunen har kortlagt de hvide pletter; en fælles ansøgning til bredbåndspuljen er på vej.",
      "Adressen er med i kommunens ansøgning til Bredbåndspuljen."),
    D(350, "Hornborg", "in_person", "citizen", "Søren Prøvesen", "",
      "Affald i skoven ved spejderhytten",
      "Der ligger affald og gamle dæk i skoven bag spejderhytten i Hornborg.",
      (), "closed",
      "Tak. Natur og Miljø har fået besked og fjerner affaldet.",
      "Affaldet er fjernet, og der er sat et skilt op."),
    D(335, "Hedensted", "web_form", "association", "Hedensted Kulturnat (demo) v/ Mette Fiktiv",
      "kulturnat.hedensted@example.dk", "Tilladelse til gadefest og kulturnat",
      "Vi vil holde kulturnat på torvet med musik og boder. Hvilke tilladelser skal vi søge, og "
      "hvem skal vi tale med?",
      (KULTUR, LOKAL), "closed",
      "I skal søge om brug af offentligt vejareal og om lejlighedstilladelse. Lokalkontakten "
      "samler ansøgningerne, så I kun skal sende én gang.",
      "Tilladelserne er givet, og kulturnatten blev holdt i september.", True),
    D(318, "Løsning", "email", "business", "Løsning Tømrer og Snedker (demo) v/ Jakob Demosen",
      "tomrer.loesning@example.dk", "Lærepladser for unge i lokalområdet",
      "Vi vil gerne tage en lærling fra lokalområdet. Kan kommunen hjælpe med at finde unge, "
      "der er interesserede?",
      (UNGE, JOB), "closed",
      "Jobcentret og Ungdommens Uddannelsesvejledning kontakter jer om et samarbejde.",
      "Virksomheden har fået en lærling gennem jobcentrets formidling."),
    D(300, "Åle-Hjortsvang", "web_form", "citizen", "Anne Testrup", "anne.testrup@example.dk",
      "Belysning på skolestien",
      "Skolestien mellem Åle og Hjortsvang er helt mørk om morgenen i vinterhalvåret. Kan der "
      "komme lys på stien?",
      (BARN,), "late",
      "Vi beklager det lange svar. Belysning af stien er nu med i vejafdelingens plan.",
      "Der er sat solcellelamper op langs stien."),
    D(288, "Snaptun", "phone", "citizen", "Ib Eksempel", "",
      "Færgens sejlplan og bussen",
      "Bussen fra Juelsminde når ikke færgen til Hjarnø om morgenen. Kan køreplanerne passe "
      "bedre sammen?",
      (), "closed",
      "Vi har sendt ønsket videre til Midttrafik til næste køreplan.",
      "Midttrafik har rykket afgangen fem minutter."),
]
