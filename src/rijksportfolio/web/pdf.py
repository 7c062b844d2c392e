# SPDX-License-Identifier: EUPL-1.2
"""HTML to PDF with WeasyPrint, fetching nothing but the vendored Fira Sans files.

Used by the portfolio CV (``portfolios.pdf``) and the annual workforce report (``workforce.report``).
Rendering never touches the network: the URL fetcher serves files under ``ALLOWED_ROOTS`` only and refuses
everything else (http, data URLs, other files). Links in a document stay links; they are not fetched.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

FONT_DIR = Path(__file__).resolve().parent / "static" / "vendor" / "fira-sans"
ALLOWED_ROOTS = (FONT_DIR,)


def _fetcher_class() -> type:
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class RestrictedFetcher(URLFetcher):
        """Serves only files under ``ALLOWED_ROOTS``; every other URL (http, data, other files) is refused."""

        def __init__(self) -> None:
            super().__init__(allowed_protocols=("file",))
            self.refused: list[str] = []
            self.served: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            path = (
                Path(url.removeprefix("file://").split("?")[0]).resolve()
                if url.startswith("file://")
                else None
            )
            if (
                path is None
                or not any(path.is_relative_to(root) for root in ALLOWED_ROOTS)
                or not path.is_file()
            ):
                self.refused.append(url)
                raise ValueError(f"Refused to fetch {url}")
            self.served.append(url)
            content_type = "font/woff2" if path.suffix == ".woff2" else "text/css"
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})

    return RestrictedFetcher


def restricted_fetcher() -> Any:
    return _fetcher_class()()


def html_to_pdf(html: str, *, fetcher: Any = None) -> bytes:
    """The PDF bytes of a complete HTML document (fonts referenced under ``FONT_DIR``)."""
    import weasyprint

    document = weasyprint.HTML(
        string=html, base_url=FONT_DIR.as_uri() + "/", url_fetcher=fetcher or restricted_fetcher()
    )
    return bytes(document.write_pdf())
