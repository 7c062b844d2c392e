# SPDX-License-Identifier: EUPL-1.2
"""The alert settings through the pages and the API (the alerts themselves: matching/tests/test_alerts.py)."""

from __future__ import annotations

import json
import re

from django.test import Client

from rijksportfolio.matching.models import AlertPreference, OpportunityAlerts
from rijksportfolio.opportunities.tests.factories import OpportunityFactory, OpportunitySkillFactory
from rijksportfolio.portfolios.tests.factories import PortfolioFactory


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_setting_is_off_by_default_and_says_consent_is_needed(employee_user):
    body = _client(employee_user).get("/kansen-voor-mij/meldingen").content.decode()
    assert "Stuur mij een melding bij nieuwe kansen die bij mij passen" in body
    (checkbox,) = re.findall(r'<input type="checkbox" name="enabled"[^>]*>', body)
    assert "checked" not in checkbox
    assert "Meldingen werken alleen als je toestemming hebt gegeven" in body
    assert "Je hebt nog geen meldingen over kansen gekregen." in body


def test_switching_alerts_on_and_off_on_the_page(employee_user):
    PortfolioFactory(person=employee_user.person, matching_consent=True)
    client = _client(employee_user)
    response = client.post(
        "/kansen-voor-mij/meldingen", {"enabled": "on", "min_score": "80", "frequency": "wekelijks"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/kansen-voor-mij/meldingen"
    preference = AlertPreference.objects.get(person=employee_user.person)
    assert (preference.enabled, preference.min_score, preference.frequency) == (True, 80, "wekelijks")
    assert preference.enabled_at is not None
    page = client.get("/kansen-voor-mij/meldingen").content.decode()
    assert "Je meldingen over passende kansen staan aan." in page
    (checkbox,) = re.findall(r'<input type="checkbox" name="enabled"[^>]*>', page)
    assert "checked" in checkbox
    assert "Meldingen werken alleen" not in page
    client.post("/kansen-voor-mij/meldingen", {"min_score": "80", "frequency": "direct"})
    assert AlertPreference.objects.get(person=employee_user.person).enabled is False


def test_a_threshold_outside_the_choices_is_refused_in_dutch(employee_user):
    response = _client(employee_user).post(
        "/kansen-voor-mij/meldingen", {"enabled": "on", "min_score": "5", "frequency": "direct"}
    )
    assert response.status_code == 200
    assert "Selecteer een geldige keuze." in response.content.decode()
    assert not AlertPreference.objects.exists()


def test_kansen_voor_mij_links_to_the_setting(employee_user):
    body = _client(employee_user).get("/kansen-voor-mij").content.decode()
    assert 'href="/kansen-voor-mij/meldingen"' in body


def test_the_owner_switches_candidate_alerts_on_the_opportunity_page(leader_user):
    opportunity = OpportunityFactory(owner=leader_user.person, published=True)
    OpportunitySkillFactory(opportunity=opportunity)
    client = _client(leader_user)
    page = client.get(f"/kansen/{opportunity.pk}").content.decode()
    assert "Meldingen over nieuwe kandidaten" in page
    response = client.post(
        f"/kansen/{opportunity.pk}/kandidaatmeldingen", {"enabled": "on", "min_score": "60"}
    )
    assert response.status_code == 302
    state = OpportunityAlerts.objects.get(opportunity=opportunity)
    assert (state.owner_enabled, state.owner_min_score, state.owner_baseline_at) == (True, 60, None)
    assert (
        "Meldingen staan aan (past voor ten minste 60%)."
        in client.get(f"/kansen/{opportunity.pk}").content.decode()
    )


def test_others_see_no_candidate_alerts_and_a_closed_opportunity_refuses_them(leader_user, employee_user):
    opportunity = OpportunityFactory(owner=leader_user.person, published=True)
    assert (
        "Meldingen over nieuwe kandidaten"
        not in _client(employee_user).get(f"/kansen/{opportunity.pk}").content.decode()
    )
    opportunity.status = "gesloten"
    opportunity.save()
    client = _client(leader_user)
    assert "Meldingen over nieuwe kandidaten" not in client.get(f"/kansen/{opportunity.pk}").content.decode()
    refused = client.post(
        f"/kansen/{opportunity.pk}/kandidaatmeldingen", {"enabled": "on", "min_score": "70"}
    )
    assert refused.status_code == 400
    assert (
        "Deze kans is gesloten; meldingen over kandidaten zijn niet meer mogelijk."
        in refused.content.decode()
    )


def _put(client, url, body):
    return client.put(url, json.dumps(body), content_type="application/json")


def test_the_api_reads_and_sets_ones_own_alerts(employee_user):
    client = _client(employee_user)
    assert client.get("/api/v1/kansmeldingen/instellingen").json() == {
        "aan": False, "drempel": 70, "frequentie": "direct", "aanSinds": None, "toestemmingMatching": False,
    }  # fmt: skip
    answer = _put(client, "/api/v1/kansmeldingen/instellingen", {"aan": True, "drempel": 90}).json()
    assert (answer["aan"], answer["drempel"], answer["frequentie"]) == (True, 90, "direct")
    assert answer["aanSinds"].endswith("Z")
    refused = _put(
        client, "/api/v1/kansmeldingen/instellingen", {"aan": True, "drempel": 0, "frequentie": "jaarlijks"}
    )
    assert refused.status_code == 400
    assert refused["Content-Type"] == "application/problem+json"
    assert sorted(p["name"] for p in refused.json()["invalidParams"]) == ["drempel", "frequentie"]


def test_the_api_sets_candidate_alerts_for_the_owner_only(leader_user, employee_user):
    opportunity = OpportunityFactory(owner=leader_user.person, published=True)
    url = f"/api/v1/kansen/{opportunity.pk}/kandidaatmeldingen"
    assert _client(employee_user).get(url).status_code == 403
    client = _client(leader_user)
    assert client.get(url).json() == {"aan": False, "drempel": 70}
    assert _put(client, url, {"aan": True, "drempel": 75}).json() == {"aan": True, "drempel": 75}
    opportunity.status = "gesloten"
    opportunity.save()
    refused = _put(client, url, {"aan": True})
    assert refused.status_code == 400
    assert refused.json()["invalidParams"] == [
        {
            "name": "status",
            "code": "invalid",
            "reason": "Deze kans is gesloten; meldingen over kandidaten zijn niet meer mogelijk.",
        }
    ]
