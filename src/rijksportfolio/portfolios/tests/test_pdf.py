# SPDX-License-Identifier: EUPL-1.2
"""The CV-style PDF: what the owner chose and nothing else, in the vendored fonts, without network fetches."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import PermissionDenied
from pypdf import PdfReader

from rijksportfolio.audit.models import AuditEvent
from rijksportfolio.portfolios import pdf
from rijksportfolio.portfolios.tests.filled import fill

pytestmark = pytest.mark.usefixtures("media")


@pytest.fixture
def filled(owner_user, portfolio):
    return fill(user=owner_user, portfolio=portfolio)


def text_of(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def fonts_of(content: bytes) -> set[str]:
    reader = PdfReader(io.BytesIO(content))
    names = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


def test_default_pdf_holds_the_shared_sections_and_nothing_private(owner_user, filled):
    content = pdf.portfolio_pdf(user=owner_user, portfolio=filled.portfolio)
    assert content.startswith(b"%PDF-")
    text = text_of(content)
    assert "Anouk Jansen" in text
    assert "Beleidsadviseur met oog voor data" in text
    for marker in ("DOSSIERMERK", "AMBITIEMERK", "VRIJMERK"):
        assert marker in text
    assert "Python programmeren" in text  # skills profile (visible to the Rijk)
    assert "Universiteit Leiden" in text  # a field of the category
    # The analytical part is "alleen ik", and so is one item of the dossier: left out by default.
    assert "ANALYTISCHMERK" not in text
    assert "PRIVEITEMMERK" not in text


def test_default_sections_are_those_not_private(filled):
    assert pdf.default_sections(filled.portfolio) == ["dossier", "ambitie", "vrij", "vaardigheden"]


def test_owner_can_choose_sections_including_private_ones(owner_user, filled):
    content = pdf.portfolio_pdf(
        user=owner_user, portfolio=filled.portfolio, sections=["analytisch"], include_private_items=False
    )
    text = text_of(content)
    assert "ANALYTISCHMERK" in text
    assert "Ik wil beter luisteren." in text  # the reflection, rendered from Markdown
    for marker in ("DOSSIERMERK", "AMBITIEMERK", "VRIJMERK", "Python programmeren"):
        assert marker not in text


def test_private_items_only_when_the_owner_asks_for_them(owner_user, filled):
    content = pdf.portfolio_pdf(
        user=owner_user, portfolio=filled.portfolio, sections=["dossier"], include_private_items=True
    )
    assert "PRIVEITEMMERK" in text_of(content)


def test_pdf_uses_the_vendored_fira_sans_and_fetches_nothing_else(filled):
    fetcher = pdf.restricted_fetcher()
    content = pdf.render_pdf(portfolio=filled.portfolio, sections=["dossier", "vrij"], fetcher=fetcher)
    assert {"Fira-Sans", "Fira-Sans-Semi-Bold", "Fira-Sans-Bold"} <= fonts_of(content)
    assert fetcher.refused == []
    assert all(url.startswith(pdf.FONT_DIR.as_uri()) for url in fetcher.served)


@pytest.mark.parametrize(
    "url",
    ["https://example.org/tracker.css", "http://169.254.169.254/latest", "file:///etc/passwd", "data:,x"],
)
def test_fetcher_refuses_anything_but_the_vendored_fonts(url):
    fetcher = pdf.restricted_fetcher()
    with pytest.raises(ValueError, match="Refused"):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


def test_markdown_in_the_pdf_cannot_pull_in_remote_resources(owner_user, filled):
    item = filled.items["publicatie"]
    item.body = (
        '<img src="https://evil.example/x.png"> <link rel=stylesheet href="https://evil.example/x.css">'
    )
    item.save()
    fetcher = pdf.restricted_fetcher()
    pdf.render_pdf(portfolio=filled.portfolio, sections=["vrij"], fetcher=fetcher)
    assert fetcher.refused == []
    assert not any("evil" in url for url in fetcher.served)


def test_only_the_owner_makes_the_pdf_and_it_is_audited(owner_user, colleague_user, filled):
    with pytest.raises(PermissionDenied):
        pdf.portfolio_pdf(user=colleague_user, portfolio=filled.portfolio)
    pdf.portfolio_pdf(user=owner_user, portfolio=filled.portfolio, sections=["vrij"])
    events = AuditEvent.objects.filter(object_type="portfolio_export").order_by("id")
    assert [(e.actor_id, e.outcome, e.purpose) for e in events] == [
        (colleague_user.pk, "denied", ""),
        (owner_user.pk, "success", "pdf: vrij"),
    ]
