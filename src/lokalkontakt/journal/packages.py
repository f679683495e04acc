# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The journalisation package: a ZIP with a folder per case,

    <reference>/sag.pdf          the whole case as PDF/A-3b (document.py)
    <reference>/bilag/<name>     the attachments, byte for byte
    <reference>/metadata.json    reference, dates, parties, areas, KLE, files with sha256 (metadata.py)

written file by file with bounded memory: the attachments are copied in chunks, the ZIP goes to a
temporary file (`package_file`) or any writable binary file. docs/journalisering.md describes the
format for the case system's integration."""

import hashlib
import json
import tempfile
import zipfile

from django.utils import timezone

from lokalkontakt.journal.content import read_content
from lokalkontakt.journal.document import case_pdf
from lokalkontakt.journal.metadata import build_metadata
from lokalkontakt.journal.selectors import Case

CHUNK = 1024 * 1024


def _copy(source, target) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    while chunk := source.read(CHUNK):
        digest.update(chunk)
        target.write(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def write_package(archive: zipfile.ZipFile, case: Case) -> list[str]:
    """Write `case`'s folder (`<reference>/...`) into an open, writable ZipFile; returns the paths
    written. An attachment whose stored file is gone is listed in metadata.json with
    "missing": true and no content (nothing else is invented). Reads the case's events, tasks,
    files and areas: a handful of queries, and renders one PDF (about a second)."""
    content = read_content(case)
    now = timezone.now()
    folder = case.reference
    pdf = case_pdf(content, generated_at=now)
    archive.writestr(f"{folder}/sag.pdf", pdf)
    files = [{"path": "sag.pdf", "name": "sag.pdf", "role": "case", "size": len(pdf),
              "sha256": hashlib.sha256(pdf).hexdigest(), "content_type": "application/pdf"}]
    for file in content.files:
        attachment = file.attachment
        entry = {"path": file.path, "name": attachment.name, "role": "attachment",
                 "belongs_to": file.context or None,
                 "content_type": attachment.content_type or "application/octet-stream"}
        try:
            source = attachment.file.open("rb")
        except FileNotFoundError:
            entry.update(missing=True, sha256=None, size=None)
        else:
            with source, archive.open(f"{folder}/{file.path}", "w", force_zip64=True) as target:
                entry["sha256"], entry["size"] = _copy(source, target)
        files.append(entry)
    metadata = build_metadata(content, files, generated_at=now)
    archive.writestr(f"{folder}/metadata.json",
                     json.dumps(metadata, ensure_ascii=False, indent=2) + "\n")
    return [f"{folder}/{entry['path']}" for entry in files] + [f"{folder}/metadata.json"]


def write_cases(handle, cases: list[Case]) -> None:
    """A ZIP of every case's folder written into the open binary file `handle`. Memory stays
    bounded however large the files; the caller bounds the number of cases
    (downloads.MAX_CASES for the period download)."""
    with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for case in cases:
            write_package(archive, case)


def package_file(cases: list[Case]):
    """The ZIP (write_cases) in a temporary file, rewound and open for reading (deleted when
    closed): hand it to a FileResponse or copy it on."""
    handle = tempfile.TemporaryFile()  # noqa: SIM115 (the caller reads and closes it)
    try:
        write_cases(handle, cases)
    except BaseException:
        handle.close()
        raise
    handle.seek(0)
    return handle


def package_zip(cases: list[Case]) -> bytes:
    """The same ZIP as bytes, for a few cases (the API answering for one case)."""
    with package_file(cases) as handle:
        return handle.read()
