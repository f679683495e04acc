# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Notes are Markdown shown as HTML: only the allowlisted tags survive, links only to http(s) and
mailto, and nothing a visitor's browser would run."""

import pytest

from lokalkontakt.core.markdown import render_markdown


def test_markdown_becomes_the_allowed_html():
    html = render_markdown("### Foreninger\n\n- **Borgerforeningen**\n- *Idrætsforeningen*\n\n"
                           "> citat\n\n`kode`")

    assert "<h3>Foreninger</h3>" in html
    assert "<li><strong>Borgerforeningen</strong></li>" in html
    assert "<em>Idrætsforeningen</em>" in html
    assert "<blockquote>" in html and "<code>kode</code>" in html


def test_links_keep_their_address_and_get_rel_noopener():
    html = render_markdown("[Hjemmeside](https://glud.dk) og [mail](mailto:a@glud.dk)")

    assert '<a href="https://glud.dk" rel="noopener noreferrer">Hjemmeside</a>' in html
    assert 'href="mailto:a@glud.dk"' in html


@pytest.mark.parametrize("source", [
    "<script>alert(1)</script>",
    "Tekst <script src=https://evil.example/x.js></script>",
    '<img src=x onerror="alert(1)">',
    '<a href="https://glud.dk" onclick="alert(1)">klik</a>',
    "[klik](javascript:alert(1))",
    '<a href="javascript:alert(1)">klik</a>',
    "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<iframe src="https://evil.example"></iframe>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<svg onload=alert(1)>",
])
def test_script_handlers_and_dangerous_links_are_removed(source):
    html = render_markdown(source).lower()

    for danger in ["<script", "onerror", "onclick", "onload", "javascript:", "data:text",
                   "<iframe", "<img", "<svg", "style="]:
        assert danger not in html, f"{source!r} gave {html!r}"


def test_raw_html_outside_the_allowlist_keeps_only_its_text():
    html = render_markdown('<h1>Stor</h1>\n\n<table><tr><td>celle</td></tr></table>')

    assert "<h1" not in html and "<table" not in html
    assert "Stor" in html and "celle" in html


def test_headings_other_than_h3_and_h4_lose_their_tag():
    html = render_markdown("# Overskrift\n\n#### Lille")

    assert "<h1" not in html and "Overskrift" in html
    assert "<h4>Lille</h4>" in html
