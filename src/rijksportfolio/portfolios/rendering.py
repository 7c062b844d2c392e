# SPDX-License-Identifier: EUPL-1.2
"""Markdown in portfolio texts, rendered to HTML that is safe to put in a page.

Two layers, so that a mistake in one is caught by the other:

1. markdown-it-py (CommonMark + tables and strikethrough) with raw HTML **off**: ``<script>`` typed by a
   user stays text. Images are off too (no pictures fetched from elsewhere; ``![x](url)`` shows as a link),
   and headings are shifted down three levels (``#`` becomes ``<h4>``, below an item's title) so that
   user text never breaks the page's heading structure.
2. nh3 (ammonia) with an allow-list of tags and attributes: links keep only ``href`` with the schemes
   http, https and mailto (relative URLs are removed), and always get ``rel="nofollow noopener noreferrer"``.
"""

from __future__ import annotations

from functools import lru_cache

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "hr", "strong", "em", "del", "s", "code", "pre", "blockquote",
        "ul", "ol", "li", "a", "h4", "h5", "h6",
        "table", "thead", "tbody", "tr", "th", "td",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title"},
    "ol": {"start"},
    "th": {"align"},
    "td": {"align"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow noopener noreferrer"
HEADING_SHIFT = 3


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.disable(["image", "html_block", "html_inline"])
    return md


def markdown_to_html(text: str) -> str:
    """Markdown → sanitised HTML (a plain ``str``); empty for empty input."""
    if not text or not text.strip():
        return ""
    md = _parser()
    tokens = md.parse(text)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            level = min(6, int(token.tag[1]) + HEADING_SHIFT)
            token.tag = f"h{level}"
    html = md.renderer.render(tokens, md.options, {})
    return sanitise_html(html)


def sanitise_html(html: str) -> str:
    """The nh3 layer on its own (also used for HTML that did not come from Markdown)."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags={"script", "style", "template", "iframe", "object", "embed", "svg", "math"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=set(URL_SCHEMES),
        url_relative="deny",
        link_rel=LINK_REL,
        strip_comments=True,
    )


def render_markdown(text: str) -> SafeString:
    """For templates: the sanitised HTML marked safe (it is: see the module docstring)."""
    return mark_safe(markdown_to_html(text))  # noqa: S308 - sanitised by nh3 just above
