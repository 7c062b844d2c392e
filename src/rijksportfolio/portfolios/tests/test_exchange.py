# SPDX-License-Identifier: EUPL-1.2
"""Export and import of a whole portfolio: schema, round trip, all-or-nothing, idempotence, audit."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from jsonschema import Draft202012Validator

from rijksportfolio.audit.models import AuditEvent
from rijksportfolio.people.tests.factories import EmploymentFactory, PersonFactory
from rijksportfolio.portfolios import exchange, services
from rijksportfolio.portfolios.models import Evidence, Item, ItemCategory, Portfolio
from rijksportfolio.portfolios.tests import samples
from rijksportfolio.portfolios.tests.factories import ItemCategoryFactory, PortfolioFactory, user_for
from rijksportfolio.portfolios.tests.filled import fill
from rijksportfolio.portfolios.tests.samples import stored_files

pytestmark = pytest.mark.usefixtures("media")


@pytest.fixture
def filled(owner_user, portfolio):
    return fill(user=owner_user, portfolio=portfolio)


@pytest.fixture
def returner(db):
    person = PersonFactory(first_name="Sanne", name_prefix="de", last_name="Boer")
    EmploymentFactory(person=person)
    return person


@pytest.fixture
def returner_user(returner):
    return user_for(returner)


@pytest.fixture
def fresh(returner):
    return PortfolioFactory(person=returner)


def exported(user, portfolio) -> dict:
    return json.loads(exchange.portfolio_export(user=user, portfolio=portfolio))


def comparable(document: dict) -> dict:
    """What must survive a round trip: everything except when/who/how it was exported and the source."""
    document = copy.deepcopy(document)
    for key in ("geexporteerdOp", "medewerker", "bron"):
        document.pop(key)
    for key in ("zichtbaarheidGekozenOp", "toestemmingMatchingGewijzigdOp"):
        document["portfolio"].pop(key)
    for item in document["items"]:
        item.pop("herkomst")
    return document


def test_export_is_valid_against_the_published_schema_and_holds_every_part(owner_user, filled):
    document = exported(owner_user, filled.portfolio)
    assert list(Draft202012Validator(exchange.export_schema()).iter_errors(document)) == []
    assert document["schemaVersie"] == "1.0"
    assert document["portfolio"]["zichtbaarheid"] == {
        "dossier": "rijk",
        "analytisch": "alleen_ik",
        "ambitie": "op_aanvraag",
        "vrij": "rijk",
        "vaardigheden": "rijk",
    }
    assert document["portfolio"]["toestemmingMatching"] is True
    assert sorted(i["deel"] for i in document["items"]) == [
        "ambitie", "analytisch", "dossier", "dossier", "dossier", "vrij",
    ]  # fmt: skip
    assert {s["niveau"] for s in document["vaardigheden"]} == {"ervaren", "expert"}


def test_export_embeds_evidence_with_its_sha256(owner_user, filled):
    document = exported(owner_user, filled.portfolio)
    evidence = [e for i in document["items"] for e in i["bewijsstukken"]]
    assert [(e["bestandsnaam"], e["soort"]) for e in evidence] == [
        ("diploma master.pdf", "application/pdf"),
        ("prince2.png", "image/png"),
    ]
    for entry in evidence:
        content = base64.b64decode(entry["inhoud"])
        assert hashlib.sha256(content).hexdigest() == entry["sha256"]
        assert len(content) == entry["grootte"]


def test_published_schema_file_is_a_valid_json_schema():
    Draft202012Validator.check_schema(exchange.export_schema())


def test_export_is_the_owners_only_and_audited(owner_user, colleague_user, filled):
    with pytest.raises(PermissionDenied):
        exchange.portfolio_export(user=colleague_user, portfolio=filled.portfolio)
    exchange.portfolio_export(user=owner_user, portfolio=filled.portfolio)
    events = AuditEvent.objects.filter(object_type="portfolio_export").order_by("id")
    assert [(e.actor_id, e.action, e.outcome) for e in events] == [
        (colleague_user.pk, "export", "denied"),
        (owner_user.pk, "export", "success"),
    ]
    assert all(e.subject_person_id == filled.portfolio.person_id for e in events)


def test_round_trip_into_a_fresh_portfolio_reproduces_it(owner_user, filled, returner_user, fresh, media):
    document = exported(owner_user, filled.portfolio)
    result = services.portfolio_import(actor=returner_user, portfolio=fresh, raw=json.dumps(document))
    assert (result.items_created, result.evidence_added, result.skills_changed) == (6, 2, 2)
    assert result.warnings == []
    fresh.refresh_from_db()
    again = exported(returner_user, fresh)
    assert comparable(again) == comparable(document)
    assert {i["herkomst"] for i in again["items"]} == {"import"}
    assert fresh.matching_consent is True
    assert fresh.visibility_chosen_at is not None
    # The evidence files are stored anew, under random names with the detected extension.
    names = [Path(e.file.name).name for e in Evidence.objects.filter(item__portfolio=fresh)]
    assert sorted(Path(n).suffix for n in names) == [".pdf", ".png"]
    assert not any("diploma" in n or "prince2" in n for n in names)


def test_importing_the_same_file_again_changes_nothing(owner_user, filled, returner_user, fresh, media):
    raw = exchange.portfolio_export(user=owner_user, portfolio=filled.portfolio)
    services.portfolio_import(actor=returner_user, portfolio=fresh, raw=raw)
    before = (
        list(Item.objects.filter(portfolio=fresh).values_list("id", "updated_at")),
        Portfolio.objects.get(pk=fresh.pk).updated_at,
        stored_files(media),
    )
    second = services.portfolio_import(actor=returner_user, portfolio=fresh, raw=raw)
    assert second.changed is False
    assert (second.items_created, second.items_unchanged) == (0, 6)
    after = (
        list(Item.objects.filter(portfolio=fresh).values_list("id", "updated_at")),
        Portfolio.objects.get(pk=fresh.pk).updated_at,
        stored_files(media),
    )
    assert after == before


def test_import_is_audited(owner_user, filled, returner_user, fresh):
    raw = exchange.portfolio_export(user=owner_user, portfolio=filled.portfolio)
    services.portfolio_import(actor=returner_user, portfolio=fresh, raw=raw)
    event = AuditEvent.objects.get(object_type="portfolio_import")
    assert (event.actor_id, event.action, event.outcome, event.subject_person_id) == (
        returner_user.pk,
        "import",
        "success",
        fresh.person_id,
    )


def test_only_the_owner_imports_into_a_portfolio(owner_user, filled, colleague_user, fresh):
    raw = exchange.portfolio_export(user=owner_user, portfolio=filled.portfolio)
    with pytest.raises(PermissionDenied):
        services.portfolio_import(actor=colleague_user, portfolio=fresh, raw=raw)
    assert Item.objects.filter(portfolio=fresh).count() == 0


def problems(user, portfolio, document) -> dict[str, list[str]]:
    raw = document if isinstance(document, bytes | str) else json.dumps(document)
    with pytest.raises(ValidationError) as caught:
        services.portfolio_import(actor=user, portfolio=portfolio, raw=raw)
    return caught.value.message_dict


def test_invalid_document_reports_every_problem_by_json_pointer_and_imports_nothing(
    owner_user, filled, returner_user, fresh, media
):
    document = exported(owner_user, filled.portfolio)
    before = stored_files(media)
    document["portfolio"]["zichtbaarheid"]["dossier"] = "iedereen"
    del document["items"][0]["titel"]
    document["items"][1]["onbekend"] = 1
    found = problems(returner_user, fresh, document)
    assert found == {
        "/portfolio/zichtbaarheid/dossier": [
            'Ongeldige waarde; toegestaan: "rijk", "op_aanvraag", "alleen_ik".'
        ],
        "/items/0": ["Verplicht veld ontbreekt: titel."],
        "/items/1": ["Onbekend veld; dit hoort niet in een portfolio-export."],
    }
    assert Item.objects.filter(portfolio=fresh).count() == 0
    assert stored_files(media) == before
    assert AuditEvent.objects.get(object_type="portfolio_import").outcome == "error"


def test_semantic_problems_are_found_before_anything_is_written(
    owner_user, filled, returner_user, fresh, media
):
    document = exported(owner_user, filled.portfolio)
    index = {i["categorie"]: n for n, i in enumerate(document["items"])}
    opleiding, certificaat = index["opleiding"], index["certificaat"]
    document["items"][opleiding]["gegevens"]["kleur"] = "blauw"
    document["items"][opleiding]["tot"] = "2001-01-01"
    document["items"][certificaat]["gegevens"].pop("uitgever")
    evidence = document["items"][certificaat]["bewijsstukken"][0]
    evidence["sha256"] = "0" * 64
    document["items"][index["loopbaanstap"]]["categorie"] = "bestaat-niet"
    document["vaardigheden"][0]["onderbouwing"] = ["item-99"]
    before = stored_files(media)
    found = problems(returner_user, fresh, document)
    assert found == {
        f"/items/{opleiding}/gegevens/kleur": ["Dit veld hoort niet bij deze soort."],
        f"/items/{opleiding}/tot": ["De einddatum ligt vóór de begindatum."],
        f"/items/{certificaat}/gegevens/uitgever": ["Uitgegeven door is verplicht."],
        f"/items/{certificaat}/bewijsstukken/0/sha256": [
            "De SHA-256 klopt niet: het bestand is beschadigd of gewijzigd."
        ],
        f"/items/{index['loopbaanstap']}/categorie": [
            "Onbekende categorie bestaat-niet, en de definitie ervan staat niet in het bestand."
        ],
        "/vaardigheden/0/onderbouwing/0": ["Verwijst naar een item dat niet bestaat."],
    }
    assert Item.objects.filter(portfolio=fresh).count() == 0
    assert stored_files(media) == before


def test_evidence_in_an_import_gets_the_same_content_checks_as_an_upload(
    owner_user, filled, returner_user, fresh
):
    document = exported(owner_user, filled.portfolio)
    item = next(i for i in document["items"] if i["bewijsstukken"])
    html = b"<html><script>alert(1)</script></html>"
    item["bewijsstukken"][0].update(
        inhoud=base64.b64encode(html).decode(), grootte=len(html), sha256=hashlib.sha256(html).hexdigest()
    )
    pointer = f"/items/{document['items'].index(item)}/bewijsstukken/0/inhoud"
    assert problems(returner_user, fresh, document) == {
        pointer: [
            "Dit bestand is een webpagina (HTML), ook al heeft het een andere naam. Lever een PDF, PNG of JPEG aan."
        ]
    }


def test_unknown_category_is_imported_as_a_retired_copy_that_keeps_the_item_readable(
    owner_user, portfolio, returner_user, fresh
):
    category = ItemCategoryFactory(
        key="hackathon",
        part="vrij",
        label_nl="Hackathon",
        label_en="Hackathon",
        fields=[
            {"key": "plaats", "label_nl": "Plaats", "label_en": "Place", "type": "text", "required": True}
        ],
    )
    services.item_create(
        actor=owner_user,
        portfolio=portfolio,
        category=category,
        title="Hack the Rijk",
        data={"plaats": "Den Haag"},
    )
    document = exported(owner_user, portfolio)
    category.items.all().delete()
    category.delete()  # this installation no longer knows the category
    result = services.portfolio_import(actor=returner_user, portfolio=fresh, raw=json.dumps(document))
    assert result.categories_created == 1
    copy_ = ItemCategory.objects.get(key="hackathon")
    assert copy_.is_retired
    item = Item.objects.get(portfolio=fresh)
    assert (item.category, item.title, item.data) == (copy_, "Hack the Rijk", {"plaats": "Den Haag"})


def test_unknown_skills_are_left_out_with_a_warning(owner_user, filled, returner_user, fresh):
    document = exported(owner_user, filled.portfolio)
    document["vaardigheden"][0]["uri"] = "http://data.europa.eu/esco/skill/bestaat-niet"
    result = services.portfolio_import(actor=returner_user, portfolio=fresh, raw=json.dumps(document))
    assert [(w.pointer, w.message) for w in result.warnings] == [
        ("/vaardigheden/0/uri", "Onbekende vaardigheid; niet overgenomen.")
    ]
    assert fresh.skills.count() == 1


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"{niet json", {"": ["Dit is geen geldig JSON-bestand. Fout op regel 1."]}),
        (b'{"schema": "iets anders"}', {"/schema": ["Dit is geen portfolio-export van Rijksportfolio."]}),
        (
            b'{"schema": "rijksportfolio-portfolio-export", "schemaVersie": "2.0"}',
            {"/schemaVersie": ["Versie 2.0 van het exportformaat wordt niet ondersteund (wel: 1.0)."]},
        ),
    ],
)
def test_unreadable_or_foreign_files_are_refused_with_a_clear_message(returner_user, fresh, raw, expected):
    assert problems(returner_user, fresh, raw) == expected


def test_evidence_add_rejects_a_bad_file_and_stores_nothing(owner_user, portfolio, media):
    item = services.item_create(
        actor=owner_user, portfolio=portfolio, category=ItemCategory.objects.get(key="diploma"),
        title="Diploma", data={"instelling": "ROC"},
    )  # fmt: skip
    with pytest.raises(ValidationError):
        services.evidence_add(actor=owner_user, item=item, file=samples.jpeg() + b"<html>", name="d.jpg")
    assert (item.evidence.count(), stored_files(media)) == (0, [])
