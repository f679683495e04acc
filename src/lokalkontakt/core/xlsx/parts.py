# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The fixed parts of an XLSX package (core.xlsx.stream writes the sheets into it): the content
types, the relationships, the workbook with its sheet names, the document properties and the
styles the cells use, as openpyxl writes them (its theme too), so that the files read the same."""

from xml.sax.saxutils import escape, quoteattr

from openpyxl.styles.fonts import DEFAULT_FONT
from openpyxl.styles.numbers import BUILTIN_FORMATS_REVERSE
from openpyxl.xml.functions import tostring

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
OFFICE = "application/vnd.openxmlformats-officedocument"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def content_types(sheets: int) -> str:
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{number}.xml" '
        f'ContentType="{OFFICE}.spreadsheetml.worksheet+xml"/>'
        for number in range(1, sheets + 1))
    return (
        f'{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{OFFICE}.spreadsheetml.sheet.main+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{OFFICE}.spreadsheetml.styles+xml"/>'
        f'<Override PartName="/xl/theme/theme1.xml" ContentType="{OFFICE}.theme+xml"/>'
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
        'package.core-properties+xml"/>'
        f'<Override PartName="/docProps/app.xml" ContentType="{OFFICE}.extended-properties+xml"/>'
        f'{overrides}</Types>')


ROOT_RELS = (
    f'{XML_HEAD}<Relationships xmlns="{RELS}">'
    f'<Relationship Id="rId1" Type="{DOC_RELS}/officeDocument" Target="xl/workbook.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
    'metadata/core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{DOC_RELS}/extended-properties" Target="docProps/app.xml"/>'
    '</Relationships>')

APP = (f'{XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
       'extended-properties"><Application>Microsoft Excel Compatible / Openpyxl 3.1.5'
       '</Application><AppVersion>3.1</AppVersion></Properties>')


def core_properties(now: str) -> str:
    """The document's creator and dates (`now` as 2026-01-02T03:04:05Z), as openpyxl's."""
    return (
        f'{XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>openpyxl</dc:creator>'
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified>'
        '</cp:coreProperties>')


def workbook(titles: list[str]) -> str:
    sheets = "".join(f'<sheet name={quoteattr(title)} sheetId="{number}" r:id="rId{number}"/>'
                     for number, title in enumerate(titles, start=1))
    return (f'{XML_HEAD}<workbook xmlns="{MAIN}" xmlns:r="{DOC_RELS}"><workbookPr/>'
            '<bookViews><workbookView activeTab="0"/></bookViews>'
            f'<sheets>{sheets}</sheets><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>')


def workbook_rels(sheets: int) -> str:
    worksheets = "".join(
        f'<Relationship Id="rId{number}" Type="{DOC_RELS}/worksheet" '
        f'Target="worksheets/sheet{number}.xml"/>' for number in range(1, sheets + 1))
    return (f'{XML_HEAD}<Relationships xmlns="{RELS}">{worksheets}'
            f'<Relationship Id="rId{sheets + 1}" Type="{DOC_RELS}/styles" Target="styles.xml"/>'
            f'<Relationship Id="rId{sheets + 2}" Type="{DOC_RELS}/theme" '
            'Target="theme/theme1.xml"/></Relationships>')


def _xml(style) -> str:
    return tostring(style.to_tree()).decode()


class Styles:
    """The cell formats a workbook's cells use, each a (number format, font, alignment) with its
    index in cellXfs (0: the default, unstyled)."""

    def __init__(self):
        self.index = {("General", None, None): 0}

    def id(self, number_format: str | None, font=None, alignment=None) -> int:
        key = (number_format or "General", font, alignment)
        found = self.index.get(key)
        if found is None:
            found = self.index[key] = len(self.index)
        return found

    def xml(self) -> str:
        formats: dict[str, int] = {}
        fonts = {DEFAULT_FONT: 0}
        xfs = []
        for number_format, font, alignment in self.index:
            format_id = BUILTIN_FORMATS_REVERSE.get(number_format)
            if format_id is None:
                format_id = formats.setdefault(number_format, 164 + len(formats))
            font_id = 0 if font is None else fonts.setdefault(font, len(fonts))
            applied = (' applyNumberFormat="1"' if format_id else "") + (
                ' applyFont="1"' if font_id else "")
            inner = ""
            if alignment is not None:
                applied += ' applyAlignment="1"'
                inner = _xml(alignment)
            xfs.append(f'<xf numFmtId="{format_id}" fontId="{font_id}" fillId="0" borderId="0" '
                       f'xfId="0"{applied}>{inner}</xf>')
        number_formats = "".join(
            f'<numFmt numFmtId="{format_id}" formatCode="{escape(code, {chr(34): "&quot;"})}"/>'
            for code, format_id in formats.items())
        return (
            f'{XML_HEAD}<styleSheet xmlns="{MAIN}">'
            + (f'<numFmts count="{len(formats)}">{number_formats}</numFmts>' if formats else "")
            + f'<fonts count="{len(fonts)}">{"".join(_xml(font) for font in fonts)}</fonts>'
            '<fills count="2"><fill><patternFill/></fill><fill><patternFill patternType="gray125"/>'
            '</fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/>'
            '</border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
            f'borderId="0"/></cellStyleXfs><cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            '<tableStyles count="0" defaultTableStyle="TableStyleMedium9" '
            'defaultPivotStyle="PivotStyleLight16"/></styleSheet>')
