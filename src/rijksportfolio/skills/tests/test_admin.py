# SPDX-License-Identifier: EUPL-1.2
"""Taxonomy administration through the pages and the API: who may, Dutch errors, CSV in and out."""

from __future__ import annotations

import json

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse

from rijksportfolio.accounts.constants import Role
from rijksportfolio.accounts.services import role_assign
from rijksportfolio.audit.models import AuditEvent
from rijksportfolio.skills import services
from rijksportfolio.skills.models import RijkLabel, Skill
from rijksportfolio.skills.normalise import reset_cache
from rijksportfolio.skills.tests.factories import SkillFactory
from rijksportfolio.web.tests.world import build_world


@pytest.fixture
def world(db):
    cache.clear()
    reset_cache()
    return build_world()


def client_for(world, username: str) -> Client:
    client = Client()
    client.force_login(world.users[username])
    return client


def test_only_org_admins_of_the_coordinating_ministry_administer_the_taxonomy(world):
    url = reverse("taxonomie:index")
    assert client_for(world, "beheerder").get(url).status_code == 200
    assert client_for(world, "hr-adviseur").get(url).status_code == 403
    team_admin = world.users["leidinggevende"]
    role_assign(user=team_admin, role=Role.ORG_ADMIN, organisation=world.orgs["team"])
    assert client_for(world, "leidinggevende").get(url).status_code == 403  # scope below BZK
    with override_settings(TAXONOMY_ADMIN_ORGANISATION="fin"):
        assert client_for(world, "beheerder").get(url).status_code == 403


def test_navigation_shows_taxonomy_administration_to_the_administrator_only(world):
    assert "Taxonomiebeheer" in client_for(world, "beheerder").get(reverse("web:home")).content.decode()
    assert "Taxonomiebeheer" not in client_for(world, "hr-adviseur").get(reverse("web:home")).content.decode()


def test_label_page_saves_the_label_and_shows_it_in_the_overview(world):
    skill = SkillFactory(preferred_label_nl="", preferred_label_en="manage budgets")
    client = client_for(world, "beheerder")

    response = client.post(
        reverse("taxonomie:label", args=[skill.pk]),
        {"naam": "budgetten beheren", "alternatieve_namen": "begroting beheren\n\nbudgetbeheer"},
        follow=True,
    )

    assert "De Nederlandse naam ‘budgetten beheren’ is opgeslagen." in response.content.decode()
    skill.refresh_from_db()
    assert (skill.preferred_label_nl, skill.alt_labels_nl) == (
        "budgetten beheren",
        ["begroting beheren", "budgetbeheer"],
    )
    rijk = RijkLabel.objects.get(skill=skill)
    assert (rijk.source, rijk.changed_by) == ("beheer", world.users["beheerder"])
    event = AuditEvent.objects.get(object_type="skills.Skill")
    assert (event.action, event.actor) == ("create", world.users["beheerder"])


def test_label_page_refuses_an_empty_label_in_dutch_and_writes_nothing(world):
    skill = SkillFactory(preferred_label_nl="")
    response = client_for(world, "beheerder").post(
        reverse("taxonomie:label", args=[skill.pk]), {"naam": "  ", "alternatieve_namen": ""}
    )
    assert response.status_code == 400
    assert "Dit veld is vereist." in response.content.decode()
    assert not RijkLabel.objects.exists()


def test_skill_groups_get_no_label_page(world):
    group = SkillFactory(is_group=True)
    assert client_for(world, "beheerder").get(reverse("taxonomie:label", args=[group.pk])).status_code == 404


def test_import_page_lists_line_numbered_errors_and_imports_nothing(world):
    skill = SkillFactory(preferred_label_nl="")
    data = f"uri;naam\r\n{skill.uri};budgetten beheren\r\n{skill.uri};dubbel\r\nx;y\r\n".encode("cp1252")
    response = client_for(world, "beheerder").post(
        reverse("taxonomie:import"),
        {"bestand": SimpleUploadedFile("rijk.csv", data, content_type="text/csv")},
    )
    text = response.content.decode()
    assert response.status_code == 400
    assert f"regel 3, kolom uri: {skill.uri} staat al op regel 2" in text
    assert "regel 4, kolom uri: &#x27;x&#x27; is geen ESCO-vaardigheid en geen Rijk-vaardigheid" in text
    assert not RijkLabel.objects.exists()


def test_export_download_is_excel_csv_and_audited(world):
    skill = SkillFactory(preferred_label_nl="")
    services.dutch_label_set(actor=None, skill=skill, label="budgetten beheren", alt_labels=["begroting"])
    response = client_for(world, "beheerder").get(reverse("taxonomie:export"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        response.content
        == (
            "\ufeffuri;naam;alternatieve namen;omschrijving;soort;breder\r\n"
            f"{skill.uri};budgetten beheren;begroting;;;\r\n"
        ).encode()
    )
    assert AuditEvent.objects.filter(action="export", object_type="skills.RijkExtension").count() == 1


def test_api_sets_and_removes_a_label_and_refuses_others(world):
    skill = SkillFactory(preferred_label_nl="", preferred_label_en="manage budgets")
    url = reverse("api:vaardigheid-nederlandse-naam", kwargs={"id": skill.pk})
    body = json.dumps({"naam": "budgetten beheren", "alternatieveNamen": ["begroting beheren"]})
    hr = client_for(world, "hr-adviseur")
    admin = client_for(world, "beheerder")

    assert hr.put(url, body, content_type="application/json").status_code == 403
    answer = admin.put(url, body, content_type="application/json")
    assert answer.status_code == 200
    assert {k: answer.json()[k] for k in ("naam", "alternatieveNamen", "herkomst", "naamEsco")} == {
        "naam": "budgetten beheren",
        "alternatieveNamen": ["begroting beheren"],
        "herkomst": "beheer",
        "naamEsco": "",
    }
    detail = hr.get(reverse("api:vaardigheid-detail", kwargs={"id": skill.pk})).json()
    assert (detail["naam"], detail["taal"]) == ("budgetten beheren", "nl")
    assert admin.delete(url).status_code == 204
    assert hr.get(url).status_code == 404
    assert Skill.objects.get(pk=skill.pk).label_is_english


def test_api_errors_are_dutch_problem_json(world):
    admin = client_for(world, "beheerder")
    response = admin.post(
        reverse("api:rijk-vaardigheid-list"),
        json.dumps(
            {"sleutel": "Niet Goed", "naam": "IAK", "breder": "http://data.europa.eu/esco/skill/onbekend"}
        ),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    reasons = {p["name"]: p["reason"] for p in response.json()["invalidParams"]}
    assert reasons == {
        "sleutel": "sleutel 'Niet Goed' is ongeldig: gebruik kleine letters, cijfers en koppeltekens (hoogstens 80 tekens)",
        "breder": "Geen ESCO-vaardigheid of -vaardigheidsgroep met deze URI.",
    }
    imported = admin.post(
        reverse("api:rijk-uitbreiding-importeer"),
        json.dumps({"inhoud": "uri;naam\r\nx;y\r\n"}),
        content_type="application/json",
    )
    assert imported.status_code == 400
    assert [p["reason"] for p in imported.json()["invalidParams"]] == [
        "regel 2, kolom uri: 'x' is geen ESCO-vaardigheid en geen Rijk-vaardigheid (urn:rijksportfolio:vaardigheid:…)"
    ]
