# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Spreadsheet exports of any size. Each export registers itself (core.exports.registry) with a
function that writes its rows into a write-only workbook (core.xlsx); a view answers through
`core.exports.respond.export_response`, which builds a small export at once and hands a large
one (more rows than settings.EXPORT_INLINE_ROWS) to the worker (core.exports.tasks), so that no
request holds a web worker for seconds. A prepared export is kept for the one who asked, for
settings.EXPORT_DOWNLOAD_HOURS, then deleted by the periodic job (core.exports.services); at each
download the user must still be allowed it and still see every row it shows (registry.Export).
One whose build was interrupted, or lost with a killed worker, is marked failed, never given again;
one never handed to the worker (the process stopped between the commit and the enqueue) is
enqueued again by the periodic job. An export may be another file than a spreadsheet (the
journal's ZIP of a period's cases: registry.Export.content_type); such a one is always prepared."""
