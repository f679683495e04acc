# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A person's export (art. 15) as a ZIP: `index.html`, a readable summary of every object that
holds their data, and their files under `filer/`. Built in a temporary file (memory up to
SPOOL_BYTES, then disk); files beyond EXPORT_MAX_BYTES in all are named in the index but left
out (the page says so), so one export cannot fill the disk."""

import tempfile
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

from lokalkontakt.core.files import clean_name
from lokalkontakt.core.registry import personal_data
from lokalkontakt.core.subjectrights.selectors import found_ids

SPOOL_BYTES = 16 * 1024 * 1024
EXPORT_MAX_BYTES = 500 * 1024 * 1024


@dataclass
class FileEntry:
    name: str
    path: str = ""  # in the archive; empty when left out
    problem: str = ""  # "too_large" or "missing"


def person_export(query: str):
    """(the ZIP as an open binary file at position 0, [(model label, id), …] exported)."""
    sources, references = [], []
    for key, ids in found_ids(query).items():
        source = personal_data.get(key)
        if ids and source.export is not None:
            sources.append((source.label, source.export(ids)))
            references += [(key, pk) for pk in ids]
    # Handed open to the response, which closes it when sent.
    archive = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        listed = _write_files(zipped, sources)
        with translation.override(settings.LANGUAGE_CODE):
            index = render_to_string("core/personal_data_export.html", {
                "query": query, "sources": listed, "made_at": timezone.localtime()})
        zipped.writestr("index.html", index)
    archive.seek(0)
    return archive, references


def _write_files(zipped: zipfile.ZipFile, sources) -> list:
    """Every section's files into the archive under filer/, each under a safe, unique name
    (numbered; clean_name keeps no directory part, so nothing lands outside filer/)."""
    listed, total, number = [], 0, 0
    for label, sections in sources:
        entries = []
        for section in sections:
            files = []
            for file in section.files:
                number += 1
                entry = FileEntry(name=file.name)
                if total + file.size > EXPORT_MAX_BYTES:
                    entry.problem = "too_large"
                else:
                    entry.path = f"filer/{number:03d}-{clean_name(file.name)}"
                    try:
                        with file.open() as handle, zipped.open(entry.path, "w") as out:
                            total += _copy(handle, out)
                    except FileNotFoundError:
                        entry.path, entry.problem = "", "missing"
                files.append(entry)
            entries.append((section, files))
        listed.append((label, entries))
    return listed


def _copy(source, target) -> int:
    copied = 0
    while chunk := source.read(1024 * 1024):
        target.write(chunk)
        copied += len(chunk)
    return copied
