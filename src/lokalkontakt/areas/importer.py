"""Import of local areas, councils and contacts from CSV or XLSX: all rows or none.

Every row is checked first; a single bad row stops the import and the report names each
problem by row and column. Only when the whole file is clean is it written, in one transaction.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lokalkontakt.areas import services
from lokalkontakt.areas.models import AreaEvent, AssignmentRole, LocalArea, Participation
from lokalkontakt.people.models import CoreArea, Employee
from lokalkontakt.people.services import employee_save

# (column, description) in the order of the template. Column names are Danish, ASCII only.
COLUMNS = [
    ("omraade", gettext_lazy("The local area's name. Required; an existing area with the same "
                             "name is updated.")),
    ("byer", gettext_lazy("Towns, separated by semicolons.")),
    ("postnumre", gettext_lazy("Postcodes: four digits each, separated by spaces or commas.")),
    ("sogn", gettext_lazy("Parish.")),
    ("indbyggere", gettext_lazy("Population (a whole number).")),
    ("indbyggere_aar", gettext_lazy("The year of the population figure.")),
    ("bredde", gettext_lazy("Latitude in decimal degrees, e.g. 55.7725.")),
    ("laengde", gettext_lazy("Longitude in decimal degrees, e.g. 9.7017.")),
    ("lokalraad", gettext_lazy("The local council's name.")),
    ("lokalraad_email", gettext_lazy("The local council's e-mail.")),
    ("lokalraad_web", gettext_lazy("The local council's website.")),
    ("tilslutning", gettext_lazy("The council's answer: interesseret, afslaaet or ukendt.")),
    ("lokalkontakt", gettext_lazy("The contact's name. Leave empty to keep the current contact.")),
    ("lokalkontakt_titel", gettext_lazy("The contact's job title.")),
    ("lokalkontakt_email", gettext_lazy("The contact's work e-mail; identifies the employee.")),
    ("lokalkontakt_telefon", gettext_lazy("The contact's work phone.")),
    ("kerneomraade", gettext_lazy("The contact's core area; it must already exist.")),
]
COLUMN_NAMES = [name for name, _description in COLUMNS]
ALIASES = {"lokalomraade": "omraade", "navn": "omraade", "postnummer": "postnumre",
           "by": "byer", "latitude": "bredde", "longitude": "laengde", "email": "lokalkontakt_email"}
PARTICIPATION = {"interesseret": Participation.INTERESTED, "ja": Participation.INTERESTED,
                 "afslaaet": Participation.DECLINED, "afslået": Participation.DECLINED,
                 "nej": Participation.DECLINED, "ukendt": Participation.UNKNOWN,
                 "ikke svaret": Participation.UNKNOWN}
MAX_ROWS = 5000


class ImportRejected(Exception):
    """The file was not imported; `errors` lists (row, column, message)."""

    def __init__(self, errors):
        super().__init__(f"{len(errors)} errors")
        self.errors = errors


@dataclass
class RowError:
    row: int
    column: str
    message: str


@dataclass
class ImportResult:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    assigned: list = field(default_factory=list)
    employees_created: list = field(default_factory=list)


@dataclass
class ParsedRow:
    number: int
    area: dict
    council: dict
    participation: str | None
    contact: dict


def _normalise_header(value) -> str:
    text = str(value or "").strip().casefold()
    for old, new in (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("-", "_"), (" ", "_")):
        text = text.replace(old, new)
    return ALIASES.get(text, text)


def read_table(*, content: bytes, filename: str) -> list[list[str]]:
    """The file's rows as lists of strings, header first. Raises ImportRejected if unreadable."""
    try:
        if filename.lower().endswith(".xlsx"):
            return _read_xlsx(content)
        return _read_csv(content)
    except ImportRejected:
        raise
    except Exception as error:  # noqa: BLE001 - any parser failure is the user's file
        raise ImportRejected([RowError(0, "", _("The file could not be read (%(error)s).")
                                       % {"error": type(error).__name__})]) from error


def _read_csv(content: bytes) -> list[list[str]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("cp1252")
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text),
                                                                  delimiter=delimiter)]


def _read_xlsx(content: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    sheet = workbook.worksheets[0]
    rows = []
    for values in sheet.iter_rows(values_only=True):
        rows.append(["" if v is None else _cell_text(v) for v in values])
    workbook.close()
    return rows


def _cell_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def parse(rows: list[list[str]]) -> list[ParsedRow]:
    """Check every row; raise ImportRejected with all problems, or return the parsed rows."""
    # Blank rows are skipped, but every row keeps its number in the file.
    rows = [(number, row) for number, row in enumerate(rows, start=1)
            if any(cell.strip() for cell in row)]
    if not rows:
        raise ImportRejected([RowError(0, "", _("The file is empty."))])
    header_number, header_cells = rows[0]
    header = [_normalise_header(cell) for cell in header_cells]
    errors = [RowError(header_number, name, _("Unknown column “%(column)s”.") % {"column": raw})
              for name, raw in zip(header, header_cells, strict=False)
              if name and name not in COLUMN_NAMES]
    if "omraade" not in header:
        errors.append(RowError(header_number, "omraade", _("The column “omraade” is missing.")))
    if len(rows) - 1 > MAX_ROWS:
        errors.append(RowError(0, "", _("The file has more than %(max)d rows.") % {"max": MAX_ROWS}))
    if errors:
        raise ImportRejected(errors)
    core_areas = {c.name.casefold(): c for c in CoreArea.objects.all()}
    parsed, seen = [], {}
    for number, cells in rows[1:]:
        values = {name: (cells[i].strip() if i < len(cells) else "")
                  for i, name in enumerate(header) if name}
        row = _parse_row(number, values, core_areas, errors)
        key = values.get("omraade", "").casefold()
        if key and key in seen:
            errors.append(RowError(number, "omraade", _(
                "The area “%(name)s” is also in row %(row)d.") % {
                "name": values["omraade"], "row": seen[key]}))
        elif key:
            seen[key] = number
        if row:
            parsed.append(row)
    if errors:
        raise ImportRejected(errors)
    return parsed


def _parse_row(number, values, core_areas, errors) -> ParsedRow | None:
    def error(column, message):
        errors.append(RowError(number, column, message))

    def get(name):
        return values.get(name, "")

    before = len(errors)
    if not get("omraade"):
        error("omraade", _("The area's name is missing."))
    postcodes = re.split(r"[\s,;]+", get("postnumre")) if get("postnumre") else []
    bad = [code for code in postcodes if not re.fullmatch(r"\d{4}", code)]
    if bad:
        error("postnumre", _("“%(value)s” is not a postcode of four digits.") % {"value": bad[0]})
    area = {"towns": "; ".join(t.strip() for t in get("byer").split(";") if t.strip()),
            "postcodes": " ".join(postcodes), "parish": get("sogn")}
    for column, key, low, high in (("indbyggere", "population", 0, 10_000_000),
                                   ("indbyggere_aar", "population_year", 1900, 2100)):
        area[key] = _integer(get(column), low, high, lambda msg, c=column: error(c, msg))
    for column, key, low, high in (("bredde", "latitude", 54, 58), ("laengde", "longitude", 7, 16)):
        area[key] = _decimal(get(column), low, high, lambda msg, c=column: error(c, msg))
    for column in ("lokalraad_email", "lokalkontakt_email"):
        if get(column) and not _is_email(get(column)):
            error(column, _("“%(value)s” is not a valid e-mail address.") % {"value": get(column)})
    participation = None
    if get("tilslutning"):
        participation = PARTICIPATION.get(get("tilslutning").casefold())
        if participation is None:
            error("tilslutning", _("Write interesseret, afslaaet or ukendt."))
    contact = {}
    if get("lokalkontakt") or get("lokalkontakt_email"):
        contact = {"name": get("lokalkontakt"), "title": get("lokalkontakt_titel"),
                   "email": get("lokalkontakt_email"), "phone": get("lokalkontakt_telefon"),
                   "core_area": None}
        if not contact["name"]:
            error("lokalkontakt", _("The contact's name is missing."))
        if get("kerneomraade"):
            contact["core_area"] = core_areas.get(get("kerneomraade").casefold())
            if contact["core_area"] is None:
                error("kerneomraade", _("Unknown core area “%(value)s”.")
                      % {"value": get("kerneomraade")})
    council = {"name": get("lokalraad"), "email": get("lokalraad_email"),
               "website": get("lokalraad_web")}
    if len(errors) > before:
        return None
    return ParsedRow(number, {"name": get("omraade"), **area}, council, participation, contact)


def _integer(text, low, high, error):
    if not text:
        return None
    try:
        value = int(text.replace(".", "").replace(" ", ""))
    except ValueError:
        error(_("“%(value)s” is not a whole number.") % {"value": text})
        return None
    if not low <= value <= high:
        error(_("%(value)s is outside %(low)d–%(high)d.") % {"value": text, "low": low, "high": high})
        return None
    return value


def _decimal(text, low, high, error):
    if not text:
        return None
    try:
        value = Decimal(text.replace(",", ".")).quantize(Decimal("0.00001"))
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():  # "NaN" parses but cannot be compared
        error(_("“%(value)s” is not a number.") % {"value": text})
        return None
    if not low <= value <= high:
        error(_("%(value)s is outside %(low)d–%(high)d.") % {"value": text, "low": low, "high": high})
        return None
    return value


def _is_email(value: str) -> bool:
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True


def import_file(*, content: bytes, filename: str, actor=None) -> ImportResult:
    """Read, check and import a file. Raises ImportRejected and changes nothing on any error."""
    rows = parse(read_table(content=content, filename=filename))
    try:
        return _apply(rows, source=filename, actor=actor)
    except ValidationError as error:
        raise ImportRejected([RowError(0, "", "; ".join(error.messages))]) from error


@transaction.atomic
def _apply(rows: list[ParsedRow], *, source: str, actor) -> ImportResult:
    result = ImportResult()
    existing = {a.name.casefold(): a for a in LocalArea.objects.select_related("council")}
    for row in rows:
        area = existing.get(row.area["name"].casefold())
        fields = {k: v for k, v in row.area.items() if k != "name" and v not in (None, "")}
        council = {k: v for k, v in row.council.items() if v}
        try:
            area = _save_area(area, row, fields, council, actor, source, result)
            if row.participation and row.participation != area.participation:
                services.participation_record(
                    area=area, answer=row.participation, actor=actor, note=area.participation_note,
                    answered_on=area.participation_date or timezone.localdate()
                    if row.participation != Participation.UNKNOWN else None)
            if row.contact:
                _assign(area, row.contact, actor, result)
        except ValidationError as error:
            raise ImportRejected([RowError(row.number, "", "; ".join(error.messages))]) from error
    return result


def _save_area(area, row, fields, council, actor, source, result):
    if area is None:
        area = services.area_create(name=row.area["name"], actor=actor,
                                    event_kind=AreaEvent.Kind.IMPORTED, **fields)
        area.events.filter(kind=AreaEvent.Kind.IMPORTED).update(data={"source": source})
        if council:
            services.council_save(area=area, **council)
        result.created.append(area)
        return area
    services.area_update(area=area, actor=actor, council=council or None, **fields)
    result.updated.append(area)
    return area


def _assign(area, contact, actor, result):
    employee = None
    if contact["email"]:
        employee = Employee.objects.filter(email__iexact=contact["email"]).first()
    if employee is None:
        employee = Employee.objects.filter(name=contact["name"], is_active=True).first()
    if employee is None:
        employee = employee_save(name=contact["name"], title=contact["title"],
                                 email=contact["email"], phone=contact["phone"],
                                 core_area=contact["core_area"])
        result.employees_created.append(employee)
    current = area.primary_assignment if hasattr(area, "pk") else None
    if current and current.employee_id == employee.pk:
        return
    services.assignment_create(area=area, employee=employee, role=AssignmentRole.PRIMARY,
                               replace=True, actor=actor, starts_on=timezone.localdate(),
                               onboard=False)
    result.assigned.append((area, employee))


def template_csv() -> bytes:
    return ("\ufeff" + ";".join(COLUMN_NAMES) + "\r\n").encode("utf-8")


def template_xlsx() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Lokalomraader"
    sheet.append(COLUMN_NAMES)
    guide = workbook.create_sheet(_("Columns"))
    guide.append([_("Column"), _("Description")])
    for name, description in COLUMNS:
        guide.append([name, str(description)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


