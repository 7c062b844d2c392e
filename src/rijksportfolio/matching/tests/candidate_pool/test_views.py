# SPDX-License-Identifier: EUPL-1.2
"""Candidate-pool pages through the Django test client: propose with a note, the consent page that says what
is shared with whom for how long, yes with a period or no, my pool with who found me, the search with
explanations, contacting, withdrawing and moving the end."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import translation

from rijksportfolio.audit.models import AuditEvent
from rijksportfolio.matching.models import PoolEntry
from rijksportfolio.matching.tests.candidate_pool.conftest import NOTE, in_pool, propose
from rijksportfolio.notifications.models import Notification
from rijksportfolio.portfolios.tests.factories import user_for


@pytest.fixture
def client_of():
    def make(user):
        client = Client()
        client.force_login(user)
        return client

    return make


def test_the_vacancy_holder_proposes_a_candidate_with_a_note(client_of, leader, opportunity, candidate):
    client = client_of(leader)
    page = client.get(f"/kandidatenpool/voordragen/{opportunity.pk}")
    assert page.status_code == 200
    assert "Anna Smit" in page.content.decode()
    refused = client.post(
        f"/kandidatenpool/voordragen/{opportunity.pk}", {"person": candidate.pk, "note": ""}
    )
    assert refused.status_code == 400
    assert "Dit veld is vereist." in refused.content.decode()
    done = client.post(f"/kandidatenpool/voordragen/{opportunity.pk}", {"person": candidate.pk, "note": NOTE})
    assert done.status_code == 302
    entry = PoolEntry.objects.get()
    assert (entry.person, entry.note, entry.status) == (candidate, NOTE, "voorgesteld")
    after = client.get(done["Location"]).content.decode()
    assert "Anna Smit is voorgedragen en krijgt een bericht." in after
    assert "wacht op toestemming" in after


def test_the_consent_page_says_what_is_shared_with_whom_and_how_long(
    client_of, leader, opportunity, candidate
):
    entry = propose(leader, opportunity, candidate)
    page = client_of(user_for(candidate)).get(f"/mijn-kandidatenpool/{entry.pk}")
    text = page.content.decode()
    assert page.status_code == 200
    assert f"{leader.person.full_name} heeft je op" in text
    assert NOTE in text
    for heading in ("Wat wordt gedeeld", "Met wie", "Hoe lang", "Wat niet wordt gedeeld"):
        assert heading in text
    assert "Je vaardigheden staan nu op: Zichtbaar voor alle rijksambtenaren." in text
    assert "ten hoogste 12 maanden" in text
    assert 'value="12" class="' in text or 'value="12"' in text


def test_yes_with_a_shorter_period(client_of, leader, opportunity, candidate):
    entry = propose(leader, opportunity, candidate)
    client = client_of(user_for(candidate))
    response = client.post(f"/mijn-kandidatenpool/{entry.pk}", {"besluit": "ja", "months": "3"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.status, entry.months) == ("actief", 3)
    page = client.get(f"/mijn-kandidatenpool/{entry.pk}").content.decode()
    assert "Je doet mee met de kandidatenpool tot" in page
    assert "Toestemming intrekken" in page


def test_a_period_not_offered_is_refused(client_of, leader, opportunity, candidate):
    entry = propose(leader, opportunity, candidate)
    response = client_of(user_for(candidate)).post(
        f"/mijn-kandidatenpool/{entry.pk}", {"besluit": "ja", "months": "24"}
    )
    assert response.status_code == 400
    entry.refresh_from_db()
    assert entry.status == "voorgesteld"


def test_no_deletes_the_proposal(client_of, leader, opportunity, candidate):
    entry = propose(leader, opportunity, candidate)
    response = client_of(user_for(candidate)).post(
        f"/mijn-kandidatenpool/{entry.pk}", {"besluit": "nee", "no_more_proposals": "on"}, follow=True
    )
    assert "Je doet niet mee. De voordracht en de toelichting zijn verwijderd." in response.content.decode()
    assert not PoolEntry.objects.exists()
    assert "Je wordt niet meer" not in response.content.decode()
    assert 'name="proposals_allowed"' in response.content.decode()


def test_someone_elses_entry_is_refused_and_an_ended_one_is_gone(
    client_of, leader, opportunity, candidate, searcher
):
    entry = propose(leader, opportunity, candidate)
    assert client_of(searcher).get(f"/mijn-kandidatenpool/{entry.pk}").status_code == 403
    assert client_of(leader).post(f"/mijn-kandidatenpool/{entry.pk}/intrekken").status_code == 403
    assert client_of(user_for(candidate)).get("/mijn-kandidatenpool/999999").status_code == 404


def test_my_pool_lists_entries_and_who_found_or_contacted_me(
    client_of, leader, opportunity, candidate, searcher
):
    entry = in_pool(leader, opportunity, candidate)
    client_of(searcher).get("/kandidatenpool", {"text": "security officer"})
    client_of(searcher).post(f"/kandidatenpool/{entry.pk}/benaderen", {"message": "Kennismaken?"})
    page = client_of(user_for(candidate)).get("/mijn-kandidatenpool").content.decode()
    assert "In de kandidatenpool tot" in page
    assert f"Voorgedragen door {leader.person.full_name}" in page
    assert page.count("Mirjam Bakker") == 3  # found in a search, looked at the entry, contacted
    for what in ("Vond je bij het zoeken", "Bekeek je voordracht", "Benaderde je"):
        assert what in page


def test_the_search_page_shows_explanations_the_note_and_the_end(
    client_of, leader, opportunity, candidate, searcher
):
    in_pool(leader, opportunity, candidate)
    page = client_of(searcher).get(
        "/kandidatenpool", {"skills": "informatiebeveiliging | ervaren", "text": "auditor"}
    )
    text = page.content.decode()
    assert page.status_code == 200
    assert "1 kandidaat past" in text
    assert "informatiebeveiliging — direct, niveau ervaren" in text
    assert "Toelichting bij de voordracht — komt overeen met: auditor" in text
    assert NOTE in text
    assert "In de kandidatenpool tot" in text
    assert "Anna Smit benaderen" in text


def test_the_search_page_in_english_explains_in_english(
    client_of, leader, opportunity, candidate, searcher, settings
):
    in_pool(leader, opportunity, candidate)
    client = client_of(searcher)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):  # the middleware activates English; leave the thread as it was
        text = client.get(
            "/kandidatenpool",
            {"skills": "informatiebeveiliging | ervaren\nIT-audit | wenselijk", "text": "auditor"},
        ).content.decode()
    assert "information security — direct, level experienced" in text
    assert "Note with the proposal — matches: auditor" in text
    assert "IT auditing — missing (nice to have)" in text
    assert "niveau" not in text
    assert "ontbreekt" not in text


def test_an_empty_search_says_what_is_missing(client_of, searcher):
    page = client_of(searcher).get("/kandidatenpool", {"text": "", "skills": ""})
    assert page.status_code == 400
    assert "Kies ten minste één vaardigheid of vul een zoektekst in." in page.content.decode()


def test_contacting_from_the_page(client_of, leader, opportunity, candidate, searcher):
    entry = in_pool(leader, opportunity, candidate)
    client = client_of(searcher)
    page = client.get(f"/kandidatenpool/{entry.pk}/benaderen")
    assert page.status_code == 200
    assert NOTE in page.content.decode()
    assert (
        AuditEvent.objects.filter(actor=searcher, object_type="candidate_pool_entry", action="read").count()
        == 1
    )
    refused = client.post(f"/kandidatenpool/{entry.pk}/benaderen", {"message": ""})
    assert refused.status_code == 400
    sent = client.post(f"/kandidatenpool/{entry.pk}/benaderen", {"message": "Zin in een kennismaking?"})
    assert sent.status_code == 302
    assert (
        Notification.objects.filter(recipient=user_for(candidate), kind="kandidatenpool_contact").count() == 1
    )


def test_withdrawing_and_moving_the_end_from_the_page(client_of, leader, opportunity, candidate):
    entry = in_pool(leader, opportunity, candidate, months=12)
    client = client_of(user_for(candidate))
    moved = client.post(f"/mijn-kandidatenpool/{entry.pk}/einddatum", {"months": "1"}, follow=True)
    assert "Je staat in de kandidatenpool tot" in moved.content.decode()
    entry.refresh_from_db()
    assert entry.months == 1
    gone = client.post(f"/mijn-kandidatenpool/{entry.pk}/intrekken", follow=True)
    assert "Je toestemming is ingetrokken." in gone.content.decode()
    assert not PoolEntry.objects.exists()


def test_the_opportunity_page_links_to_proposing_and_the_kansen_page_to_the_pool(
    client_of, leader, opportunity, candidate
):
    detail = client_of(leader).get(f"/kansen/{opportunity.pk}").content.decode()
    assert f'href="/kandidatenpool/voordragen/{opportunity.pk}"' in detail
    listing = client_of(leader).get("/kansen").content.decode()
    assert 'href="/kandidatenpool"' in listing
    assert 'href="/mijn-kandidatenpool"' in client_of(user_for(candidate)).get("/kansen").content.decode()


def test_the_consent_page_in_english(client_of, leader, opportunity, candidate, settings):
    entry = propose(leader, opportunity, candidate)
    client = client_of(user_for(candidate))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):  # the middleware activates English; leave the thread as it was
        text = client.get(f"/mijn-kandidatenpool/{entry.pk}").content.decode()
    for phrase in (
        "What is shared",
        "With whom",
        "For how long",
        "Yes, I take part",
        "at most 12 months",
        "6 months",
    ):
        assert phrase in text
    assert NOTE in text  # the note as written
