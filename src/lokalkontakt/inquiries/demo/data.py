# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The demo's inquiries: invented local matters in Hedensted's areas, written by obviously
fictitious people (surnames Eksempel, Prøvesen, Demosen, Fiktiv, Testrup) with example.dk
addresses. Each row: days before today it was received, area, channel, who wrote, name, e-mail,
subject, text, focus areas (slugs), how far it came (state) and the handler's reply and outcome.

States: "closed" (answered within the deadline, then closed), "late" (answered after the
deadline, then closed), "answered", "answered_late", "acknowledged", "received". An inquiry
received long ago that is still "acknowledged" or "received" is overdue."""

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoInquiry:
    days_ago: int
    area: str | None
    channel: str
    kind: str
    name: str
    email: str
    subject: str
    text: str
    focus: tuple[str, ...] = ()
    state: str = "closed"
    reply: str = ""
    outcome: str = ""
    shared: bool = False


BY = "byudvikling-og-udstykninger"
SMIDIG = "smidige-processer"
KULTUR = "kultur"
LOKAL = "lokalsamfund-aktive-faellesskaber"
ERHVERV = "erhverv-turisme"
KLIMA = "klima-baeredygtighed"
SAGSB = "sagsbehandling-taet-paa-borgerne"
JOB = "formidling-af-arbejdskraft-opkvalificering-og-uddannelse-job-til-alle"
UNGE = "unge-paa-vej"
FAELLES = "faellesskab-forpligter"
BARN = "en-god-barndom-varer-hele-livet"
OEKONOMI = "oekonomi-i-balance"
VAEKST = "baeredygtig-vaekst"

D = DemoInquiry
INQUIRIES = [
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
    # --- the last nine months -----------------------------------------------------------------
    D(270, "Ølsted", "web_form", "association", "Ølsted Idrætsforening (demo) v/ Tina Prøvesen",
      "if.olsted@example.dk", "Brug af skolens gymnastiksal om aftenen",
      "Foreningen mangler haltid. Kan vi bruge skolens gymnastiksal tirsdag og torsdag aften?",
      (LOKAL, FAELLES), "closed",
      "Skolen kan stille salen til rådighed tirsdag aften; booking sker gennem lokalebooking.",
      "Foreningen har fået fast tid tirsdag aften.", True),
    D(255, "Stenderup", "email", "citizen", "Karen Demosen", "karen.demosen@example.dk",
      "Byggegrunde i Stenderup",
      "Vi er en ung familie, der gerne vil bygge i Stenderup. Er der planer om en ny udstykning "
      "af byggegrunde?",
      (BY,), "closed",
      "Der er ingen kommunale grunde lige nu, men området er med i kommuneplanens forslag.",
      "Familien er skrevet op til besked, når udstykningen sælges."),
    D(240, "Rårup", "web_form", "council", "Lokalrådet for Rårup v/ Niels Eksempel",
      "lokalraad.raarup@example.dk", "Lokalrådets ønske om en shelterplads",
      "Lokalrådet vil bygge en shelterplads ved skoven til børnehaven og skolen. Vi søger om "
      "lov til at bruge kommunens areal.",
      (BARN, LOKAL), "closed",
      "Arealet kan lånes på en brugsaftale. Vi sender et udkast.",
      "Brugsaftalen er underskrevet, og shelterne er bygget af frivillige.", True),
    D(226, "Tørring", "meeting", "association", "Tørring Handelsstandsforening v/ Bo Fiktiv",
      "handel.torring@example.dk", "Tomme butikker på hovedgaden",
      "Flere butikker står tomme. Foreningen vil gerne samarbejde med kommunen om at få nye "
      "erhverv og pop-up-butikker ind.",
      (ERHVERV, VAEKST), "late",
      "Erhvervsafdelingen inviterer foreningen til et møde om byens handelsliv.",
      "Der er aftalt et forløb med erhvervsafdelingen og to pop-up-butikker til jul."),
    D(210, "Juelsminde", "web_form", "citizen", "Peter Testrup", "peter.testrup@example.dk",
      "Oversvømmelse af kældre ved stormflod",
      "Ved sidste stormflod stod vandet i kældrene på havnevejen. Hvad gør kommunen for at "
      "sikre kysten?",
      (KLIMA,), "closed",
      "Kystbeskyttelse er en del af klimatilpasningsplanen; der holdes borgermøde i foråret.",
      "Borgeren er inviteret til borgermødet om kystsikring."),
    D(196, "Korning", "letter", "citizen", "Else Prøvesen", "",
      "Hjælp til ansøgning om boligstøtte",
      "Jeg er 82 år og har svært ved at søge om boligstøtte på computeren. Kan nogen hjælpe?",
      (SAGSB,), "closed",
      "Borgerservice ringer til dig og aftaler et besøg, hvor ansøgningen laves sammen.",
      "Ansøgningen er sendt ved et hjemmebesøg."),
    D(182, "Hjarnø", "email", "association", "Hjarnø Beboerforening v/ Rasmus Eksempel",
      "beboere.hjarno@example.dk", "Vedligehold af badebroen",
      "Badebroen på Hjarnø er rådden flere steder. Foreningen vil gerne stå for arbejdet, hvis "
      "kommunen betaler materialerne.",
      (FAELLES, ERHVERV), "closed",
      "Kommunen betaler materialerne efter aftale med Vej og Park.",
      "Foreningen har skiftet brædderne på broen.", True),
    D(165, "Uldum", "web_form", "citizen", "Mads Fiktiv", "mads.fiktiv@example.dk",
      "Legepladsen ved hallen er slidt",
      "Gyngerne ved Uldum hallen er i stykker, og faldunderlaget mangler. Hvornår bliver "
      "legepladsen sat i stand?",
      (), "closed",
      "Legepladsen er efterset, og de farlige redskaber er fjernet.",
      "Nye gynger og faldunderlag er sat op."),
    D(150, "Lindved", "phone", "business", "Lindved Gårdbutik (demo) v/ Dorte Demosen", "",
      "Skiltning til gårdbutikken",
      "Må vi sætte et vejviserskilt op ved landevejen, så kunder kan finde gårdbutikken?",
      (ERHVERV,), "closed",
      "Turistoplysningsskilte skal søges hos vejmyndigheden; vi har sendt ansøgningsskemaet.",
      "Skiltet er godkendt og sat op."),
    D(135, "Barrit", "web_form", "citizen", "Henrik Eksempel", "henrik.eksempel@example.dk",
      "Naturpleje på engen ved Barrit",
      "Engen ved Barrit gror til i brombær. Kan kommunen sætte får på, så blomsterne kommer "
      "igen?",
      (KLIMA, VAEKST), "answered",
      "Natur og Miljø undersøger en aftale om afgræsning med en lokal fåreholder."),
    D(118, "Hornborg", "web_form", "council", "Lokalrådet for Hornborg v/ Gitte Prøvesen",
      "lokalraad.hornborg@example.dk", "Cykelsti mellem Hornborg og Korning",
      "Lokalrådet ønsker en sikker cykelsti mellem Hornborg og Korning, så børnene kan cykle "
      "til skole. Vi har samlet 240 underskrifter.",
      (BARN, SAGSB), "late",
      "Cykelstien er skrevet ind i forslaget til næste års anlægsbudget.",
      "Cykelstien er med i anlægsbudgettet; lokalrådet inviteres til et møde om linjeføringen.",
      True),
    D(104, "Ølsted", "in_person", "citizen", "Lone Testrup", "lone.testrup@example.dk",
      "Et sted for de unge om aftenen",
      "De unge i Ølsted har ingen steder at være om aftenen. Kan skolens lokaler bruges til en "
      "ungdomsklub?",
      (UNGE, FAELLES), "closed",
      "Ungdomsskolen og skolen ser på et forsøg med åben klub en aften om ugen.",
      "Der er åben klub hver onsdag på skolen."),
    D(90, "Hedensted", "web_form", "citizen", "Camilla Fiktiv", "camilla.fiktiv@example.dk",
      "Skraldespande ved søen",
      "Der mangler skraldespande ved søen, og der flyder med affald efter sommerens gode "
      "dage.",
      (), "answered_late",
      "Vi beklager det sene svar. Der sættes to ekstra skraldespande op ved søen."),
    D(80, "Løsning", "email", "council", "Lokalrådet for Løsning v/ Torben Demosen",
      "lokalraad.losning@example.dk", "Byfornyelse af stationsområdet",
      "Lokalrådet vil gerne inddrages i planerne for stationsområdet. Hvornår kommer der et "
      "forslag til lokalplan?",
      (BY, SMIDIG), "closed",
      "Planafdelingen holder et dialogmøde med lokalrådet, før forslaget sendes i høring.",
      "Dialogmødet er holdt, og lokalrådets ønsker er med i forslaget.", True),
    D(70, "Stenderup", "web_form", "citizen", "Jonas Prøvesen", "jonas.provesen@example.dk",
      "Vandhuller ved vejen",
      "Vejen gennem Stenderup står under vand ved hver regnbyge, fordi grøften er groet til.",
      (), "answered",
      "Grøften bliver renset i næste måned af Vej og Park."),
    D(58, "Snaptun", "web_form", "association", "Snaptun Havneforening v/ Lars Fiktiv",
      "havn.snaptun@example.dk", "Havnefest og markedsdag",
      "Vi planlægger havnefest med markedsdag i august og vil gerne låne kommunens scene og "
      "borde-bænkesæt.",
      (KULTUR, ERHVERV), "closed",
      "Scenen og borde-bænkesættene er reserveret til jer.",
      "Udstyret er udlånt, og havnefesten er holdt.", True),
    D(45, "Rårup", "phone", "citizen", "Inge Eksempel", "",
      "Manglende snerydning på fortovet",
      "Fortovet ved Rårup skole blev ikke ryddet for sne i sidste uge. Det var glat for "
      "børnene.",
      (), "closed",
      "Vintertjenesten har fået fortovet med på ruten.",
      "Fortovet er nu med i vintertjenestens rute."),
    # --- the last six weeks: open, some overdue --------------------------------------------------
    D(38, "Tørring", "web_form", "citizen", "Morten Demosen", "morten.demosen@example.dk",
      "Skolebus om eftermiddagen",
      "Skolebussen fra Tørring kører kun kl. 14. Børn med fritidsaktiviteter må vente en time. "
      "Kan der komme en senere afgang?",
      (BARN, UNGE), "acknowledged"),
    D(33, "Glud", "email", "council", "Lokalrådet for Glud v/ Susanne Testrup",
      "lokalraad.glud@example.dk", "Stiforbindelse til stranden",
      "Lokalrådet spørger igen om stiforbindelsen fra Glud til stranden, som vi drøftede sidste "
      "år. Hvor langt er sagen?",
      (BY,), "acknowledged", shared=True),
    D(27, "Juelsminde", "web_form", "business", "Juelsminde Feriecenter (demo) v/ Ulla Fiktiv",
      "feriecenter.juelsminde@example.dk", "Flere besøgende uden for sæsonen",
      "Vi vil gerne samarbejde med kommunen og de andre turisterhverv om at trække gæster til "
      "byen i foråret og efteråret.",
      (ERHVERV, VAEKST), "answered",
      "Erhvervs- og turistkonsulenten kontakter jer om et netværksmøde."),
    D(21, "Korning", "meeting", "association", "Korning Forsamlingshus v/ Erik Prøvesen",
      "forsamlingshus.korning@example.dk", "Energirenovering af forsamlingshuset",
      "Bestyrelsen vil energirenovere forsamlingshuset med varmepumpe og solceller og spørger "
      "om kommunale puljer og hjælp til energitjek.",
      (KLIMA, LOKAL), "answered",
      "Energitjekket kan bestilles gratis hos kommunens energivejleder; puljerne er sendt.",
      shared=True),
    D(16, "As", "web_form", "citizen", "Kirsten Eksempel", "kirsten.eksempel@example.dk",
      "Hvem er lokalkontakt for As?",
      "Vi vil gerne starte et lokalråd i As og have en kontaktperson i kommunen. Hvordan "
      "kommer vi i gang?",
      (LOKAL,), "received"),
    D(12, "Uldum", "letter", "citizen", "Arne Testrup", "",
      "Støj fra grusgraven",
      "Lastbilerne til grusgraven kører forbi vores hus fra kl. 5 om morgenen. Er det "
      "tilladt?",
      (), "acknowledged"),
    D(9, "Hornborg", "web_form", "citizen", "Maja Fiktiv", "maja.fiktiv@example.dk",
      "Fart på skolevejen",
      "Bilerne kører alt for stærkt på skolevejen i Hornborg om morgenen. Kan politiet lave "
      "fartkontrol, eller kan der komme bump?",
      (BARN,), "received"),
    D(7, "Stouby", "email", "association", "Stouby Borgerforening v/ Hans Demosen",
      "borgerforening.stouby@example.dk", "Ny udstykning ved Stouby",
      "Borgerforeningen hører, at der kommer nye byggegrunde ved Stouby, og vil gerne være med "
      "i dialogen om veje og grønne områder.",
      (BY, LOKAL), "acknowledged"),
    D(5, "Åle-Hjortsvang", "web_form", "citizen", "Sofie Prøvesen", "sofie.provesen@example.dk",
      "Festival i Hjortsvang til sommer",
      "Vi er en gruppe unge, der vil holde en lille musikfestival på sportspladsen. Hvad skal "
      "vi søge om?",
      (KULTUR, UNGE), "acknowledged"),
    D(3, "Daugård", "phone", "citizen", "Bent Eksempel", "",
      "Væltet træ over stien",
      "Et stort træ er væltet over stien ved Daugård efter stormen.",
      (), "received"),
    D(2, "Hedensted", "web_form", "business", "Hedensted Cykler (demo) v/ Rikke Testrup",
      "cykler.hedensted@example.dk", "Cykelparkering ved stationen",
      "Der er for få cykelstativer ved Hedensted station, og cyklerne står i vejen for "
      "fodgængere.",
      (), "received"),
    D(1, "Korning", "web_form", "citizen", "Anders Demosen", "anders.demosen@example.dk",
      "Bustider til Hedensted",
      "Kan bussen fra Korning komme til at passe med toget i Hedensted om morgenen?",
      (), "received"),
]
