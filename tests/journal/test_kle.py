# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Loading the municipality's KLE list: CSV (; or ,, with or without BOM) or KL's XML; a reload
updates, adds and deactivates; a bad file names its line and changes nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from lokalkontakt.journal.kle import kle_load
from lokalkontakt.journal.models import KleLoad, KleNumber

XML = """<?xml version="1.0" encoding="UTF-8"?>
<KLE-Emneplan xmlns="http://www.klxml.dk/KLE">
  <Hovedgruppe><HovedgruppeNr>05</HovedgruppeNr><HovedgruppeTitel>Veje og trafik</HovedgruppeTitel>
    <Gruppe><GruppeNr>05.04</GruppeNr><GruppeTitel>Trafikregulering</GruppeTitel>
      <Emne><EmneNr>05.04.08</EmneNr><EmneTitel>Trafiksikkerhed</EmneTitel></Emne>
    </Gruppe>
  </Hovedgruppe>
</KLE-Emneplan>
"""


def numbers():
    return {kle.number: (kle.title, kle.active) for kle in KleNumber.objects.all()}


@pytest.mark.parametrize("data", [
    b"05;Veje og trafik\n05.04;Trafikregulering\n05.04.08;Trafiksikkerhed\n",
    "\ufeffKLE-nr,Titel\r\n05,Veje og trafik\r\n05.04,Trafikregulering\r\n05.04.08,Trafiksikkerhed\r\n"
    .encode(),
    XML.encode(),
], ids=["semicolon", "comma-bom-header", "kl-xml"])
def test_a_good_file_is_loaded(db, data):
    load = kle_load(data=data, file_name="kle")
    assert numbers() == {"05": ("Veje og trafik", True), "05.04": ("Trafikregulering", True),
                         "05.04.08": ("Trafiksikkerhed", True)}
    assert (load.total, load.added, load.updated, load.deactivated) == (3, 3, 0, 0)


def test_a_reload_updates_titles_adds_and_deactivates(db):
    kle_load(data=b"05;Veje\n05.04;Trafikregulering\n", file_name="first.csv")
    load = kle_load(data=b"05;Veje og trafik\n05.04.08;Trafiksikkerhed\n",
                    file_name="second.csv")
    assert numbers() == {"05": ("Veje og trafik", True), "05.04": ("Trafikregulering", False),
                         "05.04.08": ("Trafiksikkerhed", True)}
    assert (load.added, load.updated, load.deactivated) == (1, 1, 1)
    kle_load(data=b"05.04;Trafikregulering\n", file_name="third.csv")
    assert numbers()["05.04"] == ("Trafikregulering", True)


@pytest.mark.parametrize(("data", "line"), [
    (b"05;Veje\n5.4;Forkert\n", "2"),
    (b"05;Veje\n05.04;\n", "2"),
    (b"05;Veje\n05.04;Trafik\n05;Igen\n", "3"),
    (b"05;Veje\n\xff\xfe;x\n", "2"),
    (b"05;Veje\n05.04\n", "2"),
], ids=["bad-number", "no-title", "twice", "not-utf8", "one-column"])
def test_a_bad_file_names_the_line_and_changes_nothing(db, data, line):
    kle_load(data=b"01;Byplanl\xc3\xa6gning\n", file_name="kle.csv")
    before = numbers()
    with pytest.raises(Exception) as refused:
        kle_load(data=data, file_name="bad.csv")
    assert f"{line}" in " ".join(refused.value.messages)
    assert numbers() == before and KleLoad.objects.count() == 1


def test_xml_with_a_dtd_is_refused(db):
    data = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><KLE-Emneplan/>'
    with pytest.raises(Exception, match="DTD"):
        kle_load(data=data, file_name="bad.xml")


def test_the_command_loads_a_file_and_reports_a_bad_one(db, tmp_path, capsys):
    good = tmp_path / "kle.csv"
    good.write_text("05;Veje og trafik\n", encoding="utf-8")
    call_command("load_kle", str(good))
    assert "1 added" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_text("05;Veje\nxx;Forkert\n", encoding="utf-8")
    with pytest.raises(CommandError, match="2"):
        call_command("load_kle", str(bad))
    assert numbers() == {"05": ("Veje og trafik", True)}


def test_the_coordinator_uploads_the_list_and_sees_a_bad_file_refused(client, coordinator):
    client.force_login(coordinator)
    url = reverse("journal:kle")
    response = client.post(url, {"file": SimpleUploadedFile("kle.csv", b"05;Veje og trafik\n")},
                           follow=True)
    assert response.status_code == 200 and numbers() == {"05": ("Veje og trafik", True)}
    response = client.post(url, {"file": SimpleUploadedFile("kle.csv", b"05;Veje\nnej;x\n")})
    assert response.status_code == 400
    assert "2" in response.content.decode() and numbers() == {"05": ("Veje og trafik", True)}
