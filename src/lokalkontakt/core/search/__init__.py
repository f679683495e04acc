# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""One full-text search over areas, notes, inquiries and consultations (ADR 0005).

- `text`: Danish words, Snowball stems, reversed stems for compound words, snippets;
- `registry`: what each app puts in the index (a Source per kind) and who may find it;
- `backends`: PostgreSQL (`danish` tsvector, GIN) and SQLite (FTS5 over Python stems);
- `index`: keeps the index in step with writes, in the writer's transaction;
- `query`: the bounded, permission-filtered, ranked search and "who knows something about".
"""
