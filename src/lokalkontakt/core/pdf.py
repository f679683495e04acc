# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""HTML to PDF with WeasyPrint, fetching nothing but the project's own static files.

The document is rendered without a base URL; it names its stylesheet by an absolute static URL
(`static_url`), which `StaticOnlyFetcher` answers from the static files (collected or found by the
staticfiles finders). Every other URL (the network, file:// paths, data: URIs, anything a user
typed into a page) is refused, so rendering a PDF never leaves the machine or reads other files.
"""

import posixpath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import SuspiciousFileOperation
from django.templatetags.static import static
from django.utils.translation import gettext as _
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from lokalkontakt.core.mail import site_url

CONTENT_TYPES = {".css": "text/css", ".png": "image/png", ".svg": "image/svg+xml",
                 ".woff": "font/woff", ".woff2": "font/woff2", ".ttf": "font/ttf"}


def _static_prefix() -> str:
    base = settings.STATIC_URL
    return base if urlsplit(base).scheme else site_url(base)


def static_url(path: str) -> str:
    """The absolute URL of a static file, as the PDF's documents name it."""
    url = static(path)
    return url if urlsplit(url).scheme else site_url(url)


def static_file(url: str):
    """The file behind an absolute static URL, or None for every other URL."""
    prefix = _static_prefix()
    if not url.startswith(prefix):
        return None
    name = posixpath.normpath(unquote(urlsplit(url[len(prefix):]).path)).lstrip("/")
    if name.startswith("..") or "\\" in name or "\x00" in name:
        return None
    if posixpath.splitext(name)[1] not in CONTENT_TYPES:
        return None
    found = finders.find(name)  # the source files; a hashed name is only in the collected ones
    if isinstance(found, str):
        return found
    try:
        return staticfiles_storage.path(name) if staticfiles_storage.exists(name) else None
    except (NotImplementedError, SuspiciousFileOperation):  # a remote storage; a refused name
        return None


class StaticOnlyFetcher(URLFetcher):
    """Serves the project's static files by their URL; refuses everything else."""

    def __init__(self):
        super().__init__(allowed_protocols=(), allow_redirects=False, fail_on_errors=False)

    def fetch(self, url, headers=None):
        path = static_file(url)
        if path is None:
            raise ValueError(f"Only the application's own static files are fetched, not {url}")
        with open(path, "rb") as handle:
            body = handle.read()
        content_type = CONTENT_TYPES[posixpath.splitext(path)[1]]
        return URLFetcherResponse(url, body, {"Content-Type": content_type})


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def page_numbers_css() -> str:
    """A4 pages numbered "Page 2 of 5" in the active language (a CSS string cannot be translated
    in a static file)."""
    before, _sep, rest = _("Page %(page)s of %(pages)s").partition("%(page)s")
    between, _sep, after = rest.partition("%(pages)s")
    content = " ".join(part for part in [
        _css_string(before) if before else "", "counter(page)",
        _css_string(between) if between else "", "counter(pages)",
        _css_string(after) if after else ""] if part)
    return f"@page {{ size: A4; @bottom-right {{ content: {content}; }} }}"


def html_to_pdf(html: str, *, variant: str | None = None) -> bytes:
    """The PDF of an HTML document (its own stylesheets fetched by StaticOnlyFetcher).

    `variant` names a PDF standard WeasyPrint writes, e.g. "pdf/a-3b" for archiving (fonts
    embedded, an sRGB output intent, XMP metadata from the document's title, author and lang)."""
    fetcher = StaticOnlyFetcher()
    options = {"pdf_variant": variant} if variant else {}
    return HTML(string=html, base_url=None, url_fetcher=fetcher).write_pdf(
        stylesheets=[CSS(string=page_numbers_css(), url_fetcher=fetcher)], **options)
