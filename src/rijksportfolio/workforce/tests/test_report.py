# SPDX-License-Identifier: EUPL-1.2
"""The annual report (jaarrapportage): PDF and XLSX with the pages' figures, aggregates only, permissions,
the page and the command. The world: conftest ``world`` (22 people in the Rijk on 1 June 2025)."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from rijksportfolio.audit.models import AuditEvent
from rijksportfolio.workforce import report

PEIL = dt.date(2025, 6, 1)


def _pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_report_has_the_chapters_texts_and_the_pages_tables(world) -> None:  # type: ignore[no-untyped-def]
    built = report.report_build(user=world.users["analist"], organisation=None, peildatum=PEIL)
    assert built.title == "Jaarrapportage personeel Rijk 2025"
    assert [c.title for c in built.chapters] == [
        "Personeelsbestand",
        "In-, door- en uitstroom",
        "Uitstroomprognose",
        "3-5-7-model",
        "Diversiteit en inclusie",
        "Spreiding over het land",
        "ICT-personeel",
        "Detacheringen langer dan een jaar",
    ]
    first = built.chapters[0]
    assert first.paragraphs[0].startswith("Op 1 juni 2025 werkten 22 medewerkers bij het Rijk, samen ")
    # the page's own tables, in the page's order
    page = Client()
    page.force_login(world.users["analist"])
    response = page.get(reverse("workforce:personeelsbestand"), {"peildatum": PEIL.isoformat()})
    page_tables = [chart.table for _heading, chart in response.context["sections"]]
    assert [chart.table for _heading, chart in first.sections] == page_tables
    # the forecast text: the twelve born on 1 March 1960 reach AOW age in 2027; 12 of 22 by the twelfth year
    forecast = built.chapters[2].paragraphs[0]
    assert re.search(r"bereikt naar verwachting 54,5 % tot en met 2036 de AOW-leeftijd", forecast), forecast


def test_pdf_is_a_document_with_text_charts_and_no_names(world) -> None:  # type: ignore[no-untyped-def]
    manager = world.users["leidinggevende"]  # may see the 3-5-7 list of team-a on its page
    team = world.orgs["team"]
    content, filename, content_type = report.annual_report(
        user=manager, organisation=team, peildatum=PEIL, fmt="pdf"
    )
    assert content.startswith(b"%PDF-")
    assert content_type == "application/pdf"
    assert filename == "jaarrapportage-team-a-2025-06-01.pdf"
    text = _pdf_text(content)
    assert "Jaarrapportage personeel Team Arbeidsmarkt 2025" in text
    for heading in ("Inhoud", "Personeelsbestand", "Uitstroomprognose", "3-5-7-model", "Verantwoording"):
        assert heading in text
    assert "Gedetacheerd" not in text  # a name in team-a: the report holds no person-level parts
    assert not AuditEvent.objects.filter(object_type="workforce_357").exists()
    export = AuditEvent.objects.get(object_type=report.OBJECT_TYPE)
    assert (export.actor_id, export.action, export.object_id) == (manager.pk, "export", str(team.pk))
    assert export.purpose == "jaarrapportage pdf 2025-06-01"


def test_xlsx_has_every_table_of_the_report(world) -> None:  # type: ignore[no-untyped-def]
    user = world.users["hr-adviseur"]
    content, filename, _type = report.annual_report(
        user=user, organisation=world.orgs["bzk"], peildatum=PEIL, fmt="xlsx"
    )
    assert filename == "jaarrapportage-bzk-2025-06-01.xlsx"
    workbook = load_workbook(io.BytesIO(content))
    built = report.report_build(user=user, organisation=world.orgs["bzk"], peildatum=PEIL)
    assert len(workbook.sheetnames) == len(built.tables()) + 1  # and "Toelichting"
    assert workbook.sheetnames[-1] == "Toelichting"
    contract = workbook[workbook.sheetnames[4]]  # the fifth table: per soort dienstverband
    rows = {row[0]: row[1:] for row in contract.iter_rows(values_only=True)}
    assert rows["Detachering"] == ("< 10", "x")  # one person: hidden as on the page


def test_only_who_may_see_the_figures_may_make_the_report(world) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        report.report_build(user=world.users["or-lid"], organisation=world.orgs["fin"], peildatum=PEIL)
    with pytest.raises(PermissionDenied):
        report.report_build(user=world.users["medewerker"], organisation=None, peildatum=PEIL)
    assert not AuditEvent.objects.filter(object_type=report.OBJECT_TYPE).exists()


def test_small_organisation_text_says_fewer_than_ten(world) -> None:  # type: ignore[no-untyped-def]
    built = report.report_build(user=world.users["analist"], organisation=world.orgs["fin"], peildatum=PEIL)
    assert built.chapters[0].paragraphs == [
        "Op 1 juni 2025 werkten minder dan 10 medewerkers bij Ministerie van Financiën."
    ]


def test_report_page_form_errors_and_download(world) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(world.users["hr-adviseur"])
    url = reverse("workforce:jaarrapportage")
    form = client.get(url)
    assert form.status_code == 200
    codes = [code for code, _name in form.context["form"].fields["organisatie"].choices]
    assert codes == ["bzk", "logius", "dgop", "team-a"]
    bad = client.get(url, {"organisatie": "bzk", "peildatum": "2025-02-30", "formaat": "pdf"})
    assert bad.status_code == 400
    assert "Voer een geldige datum in." in bad.content.decode()
    assert client.get(url, {"organisatie": "bzk", "formaat": "docx"}).status_code == 400
    assert client.get(url, {"organisatie": "fin", "formaat": "pdf"}).status_code == 403
    response = client.get(url, {"organisatie": "bzk", "peildatum": "2025-06-01", "formaat": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="jaarrapportage-bzk-2025-06-01.xlsx"'
    landing = client.get(reverse("workforce:index"))
    assert url in landing.content.decode()


def test_report_command_writes_the_file(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "rapport.pdf"
    out = io.StringIO()
    call_command(
        "workforce", "report", "--user", "analist", "--peildatum", "2025-06-01", "-o", str(target), stdout=out
    )
    assert target.read_bytes().startswith(b"%PDF-")
    assert f"Jaarrapportage geschreven: {target}" in out.getvalue()
    with pytest.raises(CommandError, match="mag de cijfers van het Rijk niet zien"):
        call_command("workforce", "report", "--user", "or-lid", "-o", str(target))
    with pytest.raises(CommandError, match="Onbekende gebruiker: niemand"):
        call_command("workforce", "report", "--user", "niemand", "-o", str(target))
