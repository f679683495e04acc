# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Notes and bulletins are written in Markdown and shown as HTML that has passed nh3's allowlist: no scripts,
no event handlers, no raw HTML beyond these tags, links only to http, https and mailto."""

import html as html_lib
import threading

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "h3", "h4", "blockquote", "code", "pre"}
ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}


HEADINGS = {"h3", "h4"}


def render_markdown(text: str, *, headings=("h3", "h4")) -> SafeString:
    """The note's Markdown as sanitised HTML. Raw HTML in the source is dropped or escaped by nh3;
    headings other than `headings` (h3/h4 under a page's h2 sections; a guide, whose text is the
    page, h2/h3) lose their tag (their text stays)."""
    html = markdown_lib.markdown(text or "", output_format="html")
    clean = nh3.clean(html, tags=(TAGS - HEADINGS) | set(headings), attributes=ATTRIBUTES,
                      url_schemes=URL_SCHEMES, link_rel="noopener noreferrer")
    return mark_safe(clean)  # noqa: S308 - nh3 has sanitised it


_local = threading.local()


def plain_text(text: str) -> str:
    """The note's words without Markdown or HTML (for the search index and its snippets). One
    Markdown converter per thread, reset between texts: building one costs more than converting."""
    converter = getattr(_local, "converter", None)
    if converter is None:
        converter = _local.converter = markdown_lib.Markdown(output_format="html")
    html = converter.reset().convert(text or "")
    return html_lib.unescape(nh3.clean(html, tags=set()))
