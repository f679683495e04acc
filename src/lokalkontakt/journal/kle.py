# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Loading the municipality's KLE list (KLE is licensed by KL: none ships with the application).

Two formats: a CSV file with number and title on each line (separated by ; or ,, UTF-8 with or
without BOM, an optional header line), or KL's own XML (KLE-Emneplan: Hovedgruppe, Gruppe and
Emne with their Nr and Titel). A load is all or nothing: a bad line is named in a Danish message
and nothing changes. A reload updates titles, adds new numbers and deactivates those missing.
"""

import csv
import io
from xml.etree import ElementTree

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lokalkontakt.journal.models import KLE_NUMBER, KleLoad, KleNumber

MAX_BYTES = 20 * 1024 * 1024
LEVELS = ("Hovedgruppe", "Gruppe", "Emne")


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise ValidationError(_("Line %(line)d is not UTF-8 text. Save the file as UTF-8 (CSV "
                                "UTF-8 in Excel) and try again.") % {"line": line}) from None


def _checked(line: int, number: str, title: str, seen: dict) -> tuple[str, str]:
    number, title = number.strip(), " ".join(title.split())
    if not KLE_NUMBER.fullmatch(number):
        raise ValidationError(_("Line %(line)d: \"%(number)s\" is not a KLE number (like "
                                "27.12.04).") % {"line": line, "number": number[:40]})
    if not title:
        raise ValidationError(_("Line %(line)d: %(number)s has no title.") % {
            "line": line, "number": number})
    if len(title) > 300:
        raise ValidationError(_("Line %(line)d: the title is longer than 300 characters.") % {
            "line": line})
    if number in seen:
        raise ValidationError(_("Line %(line)d: %(number)s is also on line %(other)d.") % {
            "line": line, "number": number, "other": seen[number]})
    seen[number] = line
    return number, title


def parse_csv(text: str) -> dict[str, str]:
    """number -> title from CSV text; the first line may be a header."""
    lines = text.splitlines()
    sample = next((line for line in lines if line.strip()), "")
    delimiter = ";" if sample.count(";") >= sample.count(",") else ","
    result, seen = {}, {}
    for line, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        if not any(cell.strip() for cell in row):
            continue
        if line == 1 and not KLE_NUMBER.fullmatch(row[0].strip()):
            continue  # a header line ("number;title", "KLE-nr;Titel")
        if len(row) < 2:
            raise ValidationError(_("Line %(line)d: expected a KLE number and a title separated "
                                    "by \"%(delimiter)s\".") % {"line": line,
                                                                "delimiter": delimiter})
        number, title = _checked(line, row[0], delimiter.join(row[1:]), seen)
        result[number] = title
    return result


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def parse_xml(data: bytes) -> dict[str, str]:
    """number -> title from KL's KLE-Emneplan XML (every main group, group and subject)."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        # KL's file declares no DTD; without one no entity can expand (billion laughs) or point
        # at a file, so the standard library's parser is safe here.
        raise ValidationError(_("The XML file declares a DTD or entities, which are not accepted."))
    try:
        root = ElementTree.fromstring(data)  # noqa: S314 (no DTD, see above)
    except ElementTree.ParseError as error:
        raise ValidationError(_("Line %(line)d: the XML cannot be read (%(error)s).") % {
            "line": error.position[0], "error": str(error)}) from None
    if _local(root.tag) != "KLE-Emneplan":
        raise ValidationError(_("The XML file is not KL's KLE-Emneplan."))
    result, seen = {}, {}
    for element in root.iter():
        level = _local(element.tag)
        if level not in LEVELS:
            continue
        fields = {_local(child.tag): (child.text or "") for child in element}
        number, title = fields.get(f"{level}Nr", ""), fields.get(f"{level}Titel", "")
        # ElementTree keeps no line numbers: the count is the entry's place in the file.
        number, title = _checked(len(seen) + 1, number, title, seen)
        result[number] = title
    if not result:
        raise ValidationError(_("The XML file holds no KLE numbers."))
    return result


def parse(data: bytes) -> dict[str, str]:
    """number -> title from a CSV or XML file's bytes; ValidationError names what is wrong."""
    if len(data) > MAX_BYTES:
        raise ValidationError(_("The file is larger than 20 MB."))
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return parse_xml(data)
    result = parse_csv(_text(data))
    if not result:
        raise ValidationError(_("The file holds no KLE numbers."))
    return result


@transaction.atomic
def kle_load(*, data: bytes, file_name: str, actor=None) -> KleLoad:
    """Load the KLE list from a file's bytes: new numbers are added, titles updated, numbers
    missing from the file deactivated (a deactivated number that returns is active again).
    ValidationError (a Danish message naming the line) for a bad file; nothing changes then."""
    numbers = parse(data)
    load = KleLoad(file_name=file_name[:200], loaded_by=actor, loaded_at=timezone.now(),
                   total=len(numbers))
    existing = {kle.number: kle for kle in KleNumber.objects.all()}
    changed = []
    for number, title in numbers.items():
        kle = existing.get(number)
        if kle is None:
            continue
        if kle.title != title or not kle.active:
            kle.title, kle.active, kle.updated_at = title, True, load.loaded_at
            changed.append(kle)
    KleNumber.objects.bulk_update(changed, ["title", "active", "updated_at"], batch_size=500)
    new = [KleNumber(number=number, title=title) for number, title in numbers.items()
           if number not in existing]
    KleNumber.objects.bulk_create(new, batch_size=500)
    load.added, load.updated = len(new), len(changed)
    gone = [kle.pk for number, kle in existing.items() if kle.active and number not in numbers]
    for start in range(0, len(gone), 500):  # within every database's limit on parameters
        KleNumber.objects.filter(pk__in=gone[start:start + 500]).update(
            active=False, updated_at=load.loaded_at)
    load.deactivated = len(gone)
    load.save()
    return load
