# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A PDF/A checked structurally with pypdf (the reports, the journalisation packages):
the XMP identification, an output intent, every font embedded, no encryption or JavaScript."""

import io
import re
from xml.etree import ElementTree

from pypdf import PdfReader
from pypdf.generic import IndirectObject

PDFAID = "{http://www.aiim.org/pdfa/ns/id/}"


def _resolve(value):
    return value.get_object() if isinstance(value, IndirectObject) else value


def _fonts(reader: PdfReader):
    for page in reader.pages:
        resources = _resolve(page["/Resources"])
        for font in _resolve(resources.get("/Font", {})).values():
            yield _resolve(font)


def _descriptors(font):
    if "/FontDescriptor" in font:
        yield _resolve(font["/FontDescriptor"])
    for descendant in _resolve(font.get("/DescendantFonts", [])):
        yield from _descriptors(_resolve(descendant))


def _identification(reader: PdfReader) -> dict[str, str]:
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    root = ElementTree.fromstring(xmp[xmp.index("<x:xmpmeta"):xmp.index("</x:xmpmeta>") + 12])
    found = {}
    for node in root.iter():
        for name in ("part", "conformance"):
            if node.get(PDFAID + name):
                found[name] = node.get(PDFAID + name)
            if node.tag == PDFAID + name:
                found[name] = node.text
    return found


def assert_pdf_a(data: bytes) -> None:
    reader = PdfReader(io.BytesIO(data))
    assert _identification(reader) == {"part": "3", "conformance": "B"}
    intent = _resolve(reader.trailer["/Root"]["/OutputIntents"][0])
    assert intent["/S"] == "/GTS_PDFA1" and "/DestOutputProfile" in intent
    assert not reader.is_encrypted
    fonts = list(_fonts(reader))
    assert fonts
    for font in fonts:
        for descriptor in _descriptors(font):
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font.get("/BaseFont")
    root = reader.trailer["/Root"]
    assert "/JavaScript" not in _resolve(root.get("/Names", {})) and "/OpenAction" not in root
    assert b"/JavaScript" not in data and b"/Launch" not in data


def pdf_text(data: bytes) -> str:
    """The text of every page, its whitespace made single spaces (lines break anywhere)."""
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
