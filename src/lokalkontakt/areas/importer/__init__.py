# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Import of local areas, councils and contacts from CSV or XLSX: all rows or none.

Every row is checked first; a single bad row stops the import and the report names each
problem by row and column. Only when the whole file is clean is it written, in one transaction.
"""

from lokalkontakt.areas.importer.applying import import_file
from lokalkontakt.areas.importer.columns import (
    COLUMN_NAMES,
    COLUMNS,
    ImportRejected,
    ImportResult,
    ParsedRow,
    RowError,
    template_csv,
    template_xlsx,
)
from lokalkontakt.areas.importer.parsing import parse
from lokalkontakt.areas.importer.reading import read_table

__all__ = ["COLUMNS", "COLUMN_NAMES", "ImportRejected", "ImportResult", "ParsedRow", "RowError",
           "import_file", "parse", "read_table", "template_csv", "template_xlsx"]
