# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/medewerkers: directory cards, guarded history, HR writes that never overwrite history."""

import json

import pytest
from django.core.cache import cache
from django.test import Client

from rijksportfolio.audit.models import AuditEvent
from rijksportfolio.people.models import Employment, Person
from rijksportfolio.web.tests.world import build_world


@pytest.fixture
def world(db):
    cache.clear()
    yield build_world()
    cache.clear()


def _client(world, username):
    client = Client()
    client.force_login(world.users[username])
    return client


def _post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def _patch(client, url, body):
    return client.patch(url, json.dumps(body), content_type="application/json")


NEW_PERSON = {
    "personeelsnummer": "NIEUW-1",
    "voornaam": "Kim",
    "tussenvoegsel": "de",
    "achternaam": "Wit",
    "geboortedatum": "1990-05-01",
    "geslacht": "female",
    "emailadres": "kim.dewit@minbzk.nl",
    "dienstverband": {
        "organisatie": "team-a",
        "functienaam": "Jurist",
        "functiefamilie": "juridisch",
        "werksoort": "policy",
        "salarisschaal": 10,
        "fte": 0.8,
        "soortDienstverband": "permanent",
        "begindatum": "2025-01-01",
    },
}


def test_list_shows_directory_cards_only(world):
    data = _client(world, "medewerker").get("/api/v1/medewerkers", {"organisatie": "team-a"}).json()
    assert [c["naam"] for c in data["resultaten"]] == ["Anouk Jansen", "Daan Visser"]
    card = data["resultaten"][0]
    assert set(card) == {"personeelsnummer", "naam", "huidigeFuncties", "organisatie", "werklocatie"}
    assert card["organisatie"]["code"] == "team-a"
    assert [f["organisatie"]["code"] for f in card["huidigeFuncties"]] == [
        "team-a"
    ]  # ended records are not current
    assert card["werklocatie"]["plaats"] == "Den Haag"


def test_list_filter_by_organisation_covers_the_subtree(world):
    data = _client(world, "medewerker").get("/api/v1/medewerkers", {"organisatie": "bzk"}).json()
    assert data["totaal"] == 7  # BZK itself, Logius, the directorate and team-a


def test_search_by_name_is_a_post(world):
    client = _client(world, "medewerker")
    data = _post(client, "/api/v1/medewerkers/_zoek", {"naam": "viss", "organisatie": "bzk"}).json()
    assert [c["naam"] for c in data["resultaten"]] == ["Daan Visser"]
    assert _post(client, "/api/v1/medewerkers/_zoek", {}).status_code == 400


def test_detail_shows_personal_details_only_to_hr_and_self(world):
    number = world.people["collega"].personnel_number
    as_colleague = _client(world, "analist").get(f"/api/v1/medewerkers/{number}").json()
    assert as_colleague["geboortedatum"] is None
    assert as_colleague["geslacht"] is None
    as_hr = _client(world, "hr-adviseur").get(f"/api/v1/medewerkers/{number}").json()
    assert as_hr["geboortedatum"] == world.people["collega"].date_of_birth.isoformat()


def test_history_read_by_hr_is_audited_with_purpose(world):
    subject = world.people["medewerker"]
    response = _client(world, "hr-adviseur").get(
        f"/api/v1/medewerkers/{subject.personnel_number}/dienstverbanden", {"doel": "loopbaangesprek"}
    )
    assert [r["begindatum"] for r in response.json()["resultaten"]] == ["2020-01-01", "2015-03-01"]
    event = AuditEvent.objects.get(subject_person=subject, object_type="employment_history")
    assert (event.actor, event.purpose) == (world.users["hr-adviseur"], "loopbaangesprek")


def test_hr_creates_a_person_with_a_first_record(world):
    response = _post(_client(world, "hr-adviseur"), "/api/v1/medewerkers", NEW_PERSON)
    assert response.status_code == 201, response.content
    person = Person.objects.get(personnel_number="NIEUW-1")
    assert (person.full_name, person.email) == ("Kim de Wit", "kim.dewit@minbzk.nl")
    record = person.employments.get()
    assert (record.organisation.code, record.job_title, str(record.fte)) == ("team-a", "Jurist", "0.800")
    assert response.json()["huidigeFuncties"][0]["functienaam"] == "Jurist"


def test_creating_a_duplicate_personnel_number_is_a_dutch_400(world):
    client = _client(world, "hr-adviseur")
    _post(client, "/api/v1/medewerkers", NEW_PERSON)
    response = _post(client, "/api/v1/medewerkers", NEW_PERSON)
    assert response.status_code == 400
    assert response.json()["invalidParams"] == [
        {"name": "personeelsnummer", "code": "invalid", "reason": "Dit personeelsnummer is al in gebruik."}
    ]


def test_hr_outside_the_destination_may_not_create(world):
    body = {**NEW_PERSON, "dienstverband": {**NEW_PERSON["dienstverband"], "organisatie": "bd"}}
    assert _post(_client(world, "hr-adviseur"), "/api/v1/medewerkers", body).status_code == 403
    assert not Person.objects.filter(personnel_number="NIEUW-1").exists()


def test_change_of_job_is_end_plus_new_record_and_history_is_kept(world):
    client = _client(world, "hr-adviseur")
    subject = world.people["collega"]
    base = f"/api/v1/medewerkers/{subject.personnel_number}/dienstverbanden"
    old = subject.employments.get()
    ended = _patch(client, f"{base}/{old.pk}", {"einddatum": "2025-01-31", "redenEinde": "mobility"})
    assert ended.status_code == 200
    assert (ended.json()["einddatum"], ended.json()["redenEinde"]) == ("2025-01-31", "mobility")
    new = _post(
        client,
        base,
        {**NEW_PERSON["dienstverband"], "begindatum": "2025-02-01", "functienaam": "Senior jurist"},
    )
    assert new.status_code == 201, new.content
    history = client.get(base).json()["resultaten"]
    assert [(r["functienaam"], r["einddatum"]) for r in history] == [
        ("Senior jurist", None),
        (old.job_title, "2025-01-31"),
    ]


def test_an_ended_record_is_never_overwritten(world):
    client = _client(world, "hr-adviseur")
    subject = world.people["collega"]
    record = subject.employments.get()
    url = f"/api/v1/medewerkers/{subject.personnel_number}/dienstverbanden/{record.pk}"
    assert _patch(client, url, {"einddatum": "2025-01-31", "redenEinde": "mobility"}).status_code == 200
    again = _patch(client, url, {"einddatum": "2026-01-31", "redenEinde": "own_request"})
    assert again.status_code == 400
    assert again.json()["invalidParams"][0]["reason"].startswith("Dit dienstverband is al beëindigd")
    record.refresh_from_db()
    assert (str(record.end_date), record.end_reason) == ("2025-01-31", "mobility")


def test_ending_accepts_no_other_fields(world):
    subject = world.people["collega"]
    record = subject.employments.get()
    url = f"/api/v1/medewerkers/{subject.personnel_number}/dienstverbanden/{record.pk}"
    response = _patch(
        _client(world, "hr-adviseur"),
        url,
        {"einddatum": "2025-01-31", "redenEinde": "mobility", "salarisschaal": 18},
    )
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalidParams"]] == ["salarisschaal"]
    assert Employment.objects.get(pk=record.pk).end_date is None


def test_overlapping_record_at_the_same_organisation_is_refused(world):
    subject = world.people["collega"]
    body = {**NEW_PERSON["dienstverband"], "begindatum": "2024-01-01"}
    response = _post(
        _client(world, "hr-adviseur"), f"/api/v1/medewerkers/{subject.personnel_number}/dienstverbanden", body
    )
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "begindatum"
    assert subject.employments.count() == 1


def test_employees_cannot_write(world):
    subject = world.people["collega"]
    url = f"/api/v1/medewerkers/{subject.personnel_number}/dienstverbanden"
    assert _post(_client(world, "medewerker"), url, NEW_PERSON["dienstverband"]).status_code == 403
    assert _post(_client(world, "leidinggevende"), url, NEW_PERSON["dienstverband"]).status_code == 403
