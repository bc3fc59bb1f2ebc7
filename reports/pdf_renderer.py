"""The document as a PDF: the same HTML as the web page, through WeasyPrint, with page
numbers and a contents list, tagged (PDF/UA) so screen readers can follow it. Nothing is
fetched from the network: static files are read from disk and anything else is refused."""

from __future__ import annotations

import logging
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse, URLFetchingError

from .document import Document

# WeasyPrint notes every SVG presentation property it does not style; they are not errors.
logging.getLogger("weasyprint").setLevel(logging.ERROR)


class LocalFetcher(URLFetcher):
    """Serve /static/ from disk; refuse every other address."""

    def fetch(self, url, headers=None):  # noqa: ARG002 (WeasyPrint's fetcher signature)
        prefix = settings.STATIC_URL
        path = url.split("://", 1)[-1]
        path = path[path.find("/") :] if "://" in url else path
        if path.startswith(prefix):
            found = finders.find(path[len(prefix) :])
            if found:
                return URLFetcherResponse(
                    url, body=Path(found).read_bytes(), headers={"Content-Type": _mime(found)}
                )
        raise URLFetchingError(f"Refused to fetch {url}: PDFs never reach the network.")


def _mime(name: str) -> str:
    return {".css": "text/css", ".png": "image/png", ".svg": "image/svg+xml"}.get(
        Path(name).suffix, "application/octet-stream"
    )


def render_pdf(document: Document, *, partnership_name: str) -> bytes:
    html = render_to_string(
        "reports/print.html", {"document": document, "partnership_name": partnership_name}
    )
    # PDF/UA: a tagged PDF (headings, tables, reading order, language) for screen readers.
    return HTML(string=html, base_url="http://localhost/", url_fetcher=LocalFetcher()).write_pdf(
        pdf_variant="pdf/ua-1"
    )
