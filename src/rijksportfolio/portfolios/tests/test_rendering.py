# SPDX-License-Identifier: EUPL-1.2
"""Markdown in portfolio texts becomes safe HTML: formatting works, scripts and unsafe links never survive."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.template import Context, Template

from rijksportfolio.portfolios.rendering import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    markdown_to_html,
    sanitise_html,
)

REL = 'rel="nofollow noopener noreferrer"'

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    '<a href="javascript:alert(1)">klik</a>',
    "[klik](javascript:alert(1))",
    "[klik](JaVaScRiPt:alert(1))",
    "[klik](java\tscript:alert(1))",
    "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[klik](vbscript:msgbox(1))",
    '[klik](https://example.org "x\\" onmouseover=\\"alert(1)")',
    "<details open ontoggle=alert(1)>",
    "![x](https://evil.example/pixel.png)",
    "<style>body{background:url(https://evil.example)}</style>",
    "<<script>script>alert(1)<</script>/script>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "`<script>alert(1)</script>`",
]


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(html)
    return parser.elements


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_xss_payloads_render_without_any_active_html(payload):
    html = markdown_to_html(f"Tekst {payload} meer tekst")
    for tag, attrs in elements(html):
        assert tag in ALLOWED_TAGS, html
        assert set(attrs) <= set(ALLOWED_ATTRIBUTES.get(tag, set())) | {"rel"}, html
        href = attrs.get("href")
        assert href is None or href.split(":", 1)[0] in ("http", "https", "mailto"), html


def test_raw_html_is_shown_as_text_not_interpreted():
    assert markdown_to_html("<b>vet</b> <script>alert(1)</script>") == (
        "<p>&lt;b&gt;vet&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>\n"
    )


def test_markdown_formatting_is_rendered_and_headings_are_shifted_below_the_item_title():
    html = markdown_to_html("# Kop\n\n**vet** en *schuin* en ~~weg~~\n\n- een\n- twee\n\n> citaat\n\n`code`")
    assert html == (
        "<h4>Kop</h4>\n<p><strong>vet</strong> en <em>schuin</em> en <s>weg</s></p>\n"
        "<ul>\n<li>een</li>\n<li>twee</li>\n</ul>\n<blockquote>\n<p>citaat</p>\n</blockquote>\n"
        "<p><code>code</code></p>\n"
    )


def test_links_keep_only_http_https_and_mailto_and_always_get_a_safe_rel():
    html = markdown_to_html(
        "[a](https://www.rijksoverheid.nl) [b](http://example.org) [c](mailto:jan@minbzk.nl) "
        "[d](/uitloggen) [e](ftp://example.org/x) [f](javascript:alert(1))"
    )
    assert html == (
        f'<p><a href="https://www.rijksoverheid.nl" {REL}>a</a> <a href="http://example.org" {REL}>b</a> '
        f'<a href="mailto:jan@minbzk.nl" {REL}>c</a> <a {REL}>d</a> <a {REL}>e</a> [f](javascript:alert(1))</p>\n'
    )


def test_images_are_not_loaded_from_anywhere():
    html = markdown_to_html("![logo](https://evil.example/pixel.png)")
    assert "<img" not in html
    assert html == f'<p>!<a href="https://evil.example/pixel.png" {REL}>logo</a></p>\n'


def test_tables_are_rendered():
    html = markdown_to_html("| Jaar | Cursus |\n|---|---|\n| 2023 | Python |")
    assert "<table>" in html
    assert "<td>Python</td>" in html


def test_sanitiser_alone_removes_event_handlers_and_scripts_from_html():
    assert sanitise_html('<p onclick="alert(1)">x<script>alert(2)</script></p>') == "<p>x</p>"
    assert sanitise_html('<a href="javascript:alert(1)" target="_top">x</a>') == f"<a {REL}>x</a>"


def test_empty_text_renders_nothing():
    assert markdown_to_html("") == ""
    assert markdown_to_html("   \n") == ""


def test_template_filter_renders_safe_html_and_escapes_payloads():
    template = Template("{% load portfolio_markdown %}<div>{{ body|portfolio_markdown }}</div>")
    html = template.render(Context({"body": "**Hallo** <script>alert(1)</script>"}))
    assert html == "<div><p><strong>Hallo</strong> &lt;script&gt;alert(1)&lt;/script&gt;</p>\n</div>"
    assert template.render(Context({"body": None})) == "<div></div>"
