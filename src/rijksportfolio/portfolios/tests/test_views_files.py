# SPDX-License-Identifier: EUPL-1.2
"""The evidence, export and import pages: uploads through the browser form, downloads as attachments."""

from __future__ import annotations

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from rijksportfolio.audit.models import AuditEvent
from rijksportfolio.portfolios import services
from rijksportfolio.portfolios.models import Evidence, Item
from rijksportfolio.portfolios.tests import samples
from rijksportfolio.portfolios.tests.factories import AccessRequestFactory, PortfolioFactory, category_get
from rijksportfolio.portfolios.tests.filled import fill
from rijksportfolio.portfolios.tests.samples import stored_files

pytestmark = pytest.mark.usefixtures("media")


@pytest.fixture
def filled(owner_user, portfolio):
    return fill(user=owner_user, portfolio=portfolio)


@pytest.fixture
def owner_client(client, owner_user):
    client.force_login(owner_user)
    return client


@pytest.fixture
def colleague_client(client, colleague, colleague_user):
    PortfolioFactory(person=colleague, visibility_chosen_at=timezone.now())
    client.force_login(colleague_user)
    return client


def upload(client, item, content: bytes, name: str):
    return client.post(
        reverse("portfolios:evidence", args=[item.pk]), {"file": SimpleUploadedFile(name, content)}
    )


def test_owner_uploads_evidence_through_the_form(owner_client, filled):
    item = filled.items["certificaat"]
    response = upload(owner_client, item, samples.jpeg(), "C:\\scans\\certificaat.jpeg")
    assert response.status_code == 302
    evidence = item.evidence.get(content_type="image/jpeg")
    assert evidence.display_name == "certificaat.jpg"
    page = owner_client.get(reverse("portfolios:evidence", args=[item.pk]))
    assert "certificaat.jpg" in page.content.decode()


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"<html><script>alert(1)</script></html>", "cv.pdf", "Dit bestand is een webpagina (HTML)"),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
            "logo.png",
            "SVG-bestanden zijn niet",
        ),
        (samples.png() + b"<script>alert(1)</script>", "a.png", "Na het einde van de afbeelding"),
    ],
)
def test_rejected_upload_shows_a_dutch_message_and_stores_nothing(
    owner_client, filled, media, content, name, message
):
    item = filled.items["certificaat"]
    before = (Evidence.objects.count(), stored_files(media))
    response = upload(owner_client, item, content, name)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert (Evidence.objects.count(), stored_files(media)) == before


def test_oversize_upload_is_refused(owner_client, filled, settings):
    settings.EVIDENCE_MAX_BYTES = 1024
    response = upload(owner_client, filled.items["certificaat"], samples.jpeg(), "groot.jpg")
    assert response.status_code == 400
    assert "Het bestand is te groot: het mag hoogstens 1 kB zijn." in response.content.decode()


def test_download_is_an_attachment_with_the_detected_type_and_safe_headers(owner_client, filled):
    evidence = filled.items["certificaat"].evidence.get()
    response = owner_client.get(reverse("portfolios:evidence_download", args=[evidence.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'attachment; filename="prince2.png"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'; frame-ancestors 'none'"
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content) == samples.png()


def test_colleague_downloads_evidence_of_a_rijk_part_without_audit(colleague_client, filled):
    evidence = filled.items["certificaat"].evidence.get()  # Dossierdeel: rijk
    response = colleague_client.get(reverse("portfolios:evidence_download", args=[evidence.pk]))
    assert response.status_code == 200
    assert not AuditEvent.objects.filter(object_type__startswith="portfolio.").exists()


def test_colleague_needs_a_grant_for_evidence_of_an_on_request_part(
    colleague_client, colleague, filled, owner_user
):
    item = filled.items["feedback"]  # Analytisch deel: set it to "op aanvraag"
    services.portfolio_visibility_set(
        actor=owner_user, portfolio=filled.portfolio, visibilities={"analytisch": "op_aanvraag"}
    )
    evidence = services.evidence_add(actor=owner_user, item=item, file=samples.pdf(), name="rapport.pdf")
    url = reverse("portfolios:evidence_download", args=[evidence.pk])
    assert colleague_client.get(url).status_code == 403
    AccessRequestFactory(portfolio=filled.portfolio, requester=colleague, section="analytisch", approved=True)
    assert colleague_client.get(url).status_code == 200
    events = AuditEvent.objects.filter(object_type="portfolio.analytisch").order_by("id")
    assert [e.outcome for e in events] == ["denied", "success"]


def test_evidence_of_a_private_item_is_never_served_to_others(colleague_client, filled, owner_user):
    evidence = services.evidence_add(
        actor=owner_user, item=filled.items["geheim"], file=samples.pdf(), name="x.pdf"
    )
    assert (
        colleague_client.get(reverse("portfolios:evidence_download", args=[evidence.pk])).status_code == 403
    )


def test_json_export_download(owner_client, filled):
    response = owner_client.get(reverse("portfolios:export_json"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith('attachment; filename="portfolio-')
    assert json.loads(response.content)["schemaVersie"] == "1.0"


def test_pdf_download_of_chosen_sections(owner_client, filled):
    response = owner_client.get(reverse("portfolios:export_pdf"), {"onderdeel": ["analytisch"]})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "ANALYTISCHMERK" in text
    assert "DOSSIERMERK" not in text


def test_pdf_options_page_ticks_the_shared_sections(owner_client, filled):
    page = owner_client.get(reverse("portfolios:export_pdf_options")).content.decode()
    assert 'value="dossier" id="id_sections_0" checked' in page
    assert 'value="analytisch" id="id_sections_1">' in page  # alleen ik: not ticked


def test_import_through_the_form_and_again_without_changes(owner_client, filled, returner_client):
    raw = owner_client.get(reverse("portfolios:export_json")).content
    url = reverse("portfolios:import")
    first = returner_client.post(url, {"file": SimpleUploadedFile("p.json", raw)})
    assert first.status_code == 200
    assert "6 onderdelen toegevoegd" in first.content.decode()
    second = returner_client.post(url, {"file": SimpleUploadedFile("p.json", raw)})
    assert "er is niets veranderd" in second.content.decode()


def test_import_of_a_broken_file_lists_the_problems(owner_client, filled):
    response = owner_client.post(
        reverse("portfolios:import"), {"file": SimpleUploadedFile("p.json", b"{kapot")}
    )
    assert response.status_code == 400
    assert "Dit is geen geldig JSON-bestand. Fout op regel 1." in response.content.decode()


@pytest.fixture
def returner_client(db):
    from django.test import Client

    from rijksportfolio.people.tests.factories import EmploymentFactory, PersonFactory
    from rijksportfolio.portfolios.tests.factories import user_for

    person = PersonFactory()
    EmploymentFactory(person=person)
    PortfolioFactory(person=person, visibility_chosen_at=timezone.now())
    client = Client()
    client.force_login(user_for(person))
    return client


def test_markdown_in_item_texts_is_rendered_safely_on_the_part_page(owner_client, owner_user, filled):
    services.item_create(
        actor=owner_user,
        portfolio=filled.portfolio,
        category=category_get("interesse"),
        title="Zeilen",
        body="**Graag** <script>window.__xss=1</script> [x](javascript:alert(1))",
    )
    page = owner_client.get(reverse("portfolios:part", args=["vrij"])).content.decode()
    assert (
        "<strong>Graag</strong> &lt;script&gt;window.__xss=1&lt;/script&gt; [x](javascript:alert(1))" in page
    )
    assert Item.objects.filter(title="Zeilen").exists()
