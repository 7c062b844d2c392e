# SPDX-License-Identifier: EUPL-1.2
"""Candidate-pool services: a proposal asks the candidate; only consent makes an entry findable, for a period
of 1–12 months; declining, withdrawing and expiry delete the entry with its note and leave an audit trail
without content; the proposer may take back an unanswered proposal; contacting is a logged human action."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from rijksportfolio.audit.models import AuditEvent
from rijksportfolio.matching.candidate_pool import access, selectors, services
from rijksportfolio.matching.models import PoolContact, PoolEntry, PoolOptOut
from rijksportfolio.matching.tests.candidate_pool.conftest import NOTE, candidate_of, in_pool, propose
from rijksportfolio.matching.tests.conftest import make_person
from rijksportfolio.notifications.models import Notification
from rijksportfolio.opportunities.tests.factories import OpportunityFactory
from rijksportfolio.portfolios.tests.factories import user_for

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def _search(searcher, text="security officer", now=None):
    return [m.person_id for m in access.pool_search(actor=searcher, text=text, now=now).matches]


def _texts_of_audit() -> str:
    return " ".join(f"{e.object_type} {e.object_id} {e.purpose}" for e in AuditEvent.objects.all())


def test_a_proposal_asks_the_candidate_and_shows_nowhere_until_consent(
    leader, opportunity, candidate, searcher, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        entry = propose(leader, opportunity, candidate, now=NOW)
    assert (entry.status, entry.proposed_at, entry.answer_by, entry.expires_at) == (
        "voorgesteld",
        NOW,
        NOW + timedelta(days=30),
        None,
    )
    notification = Notification.objects.get(recipient=user_for(candidate))
    assert notification.subject == "Je bent voorgedragen voor de kandidatenpool van het Rijk"
    assert notification.url == f"/mijn-kandidatenpool/{entry.pk}"
    assert f"{leader.person.full_name} vindt je geschikt" in notification.body
    assert NOTE not in notification.body  # the note is read on the consent page only, never mailed
    assert [m.to for m in mail.outbox] == [["anna@example.rijksoverheid.nl"]]
    assert _search(searcher, now=NOW) == []  # not consented: nobody finds the candidate
    event = AuditEvent.objects.get(object_type="candidate_pool_entry", action="create")
    assert (event.actor, event.subject_person, event.purpose) == (
        leader,
        candidate,
        "voorgedragen voor de kandidatenpool",
    )


def test_consent_makes_the_candidate_findable_for_the_chosen_period(leader, opportunity, candidate, searcher):
    entry = propose(leader, opportunity, candidate, now=NOW)
    entry = services.pool_consent(actor=user_for(candidate), entry=entry, months=6, now=NOW)
    assert (entry.status, entry.consented_at, entry.months, entry.expires_at) == (
        "actief",
        NOW,
        6,
        datetime(2026, 9, 2, 10, 0, tzinfo=UTC),
    )
    assert _search(searcher, now=NOW + timedelta(days=1)) == [candidate.pk]
    assert _search(searcher, now=datetime(2026, 9, 2, 9, 59, tzinfo=UTC)) == [candidate.pk]
    assert _search(searcher, now=datetime(2026, 9, 2, 10, 0, tzinfo=UTC)) == []  # ended: never shown


@pytest.mark.parametrize("months", [0, 13, 24, -3])
def test_a_period_outside_one_to_twelve_months_is_refused_and_nothing_changes(
    leader, opportunity, candidate, months
):
    entry = propose(leader, opportunity, candidate)
    with pytest.raises(ValidationError) as refused:
        services.pool_consent(actor=user_for(candidate), entry=entry, months=months)
    assert refused.value.message_dict == {"months": ["Kies een periode van 1 tot en met 12 maanden."]}
    entry.refresh_from_db()
    assert (entry.status, entry.expires_at) == ("voorgesteld", None)


def test_the_default_period_is_twelve_months(leader, opportunity, candidate):
    entry = services.pool_consent(
        actor=user_for(candidate), entry=propose(leader, opportunity, candidate, now=NOW), now=NOW
    )
    assert (entry.months, entry.expires_at) == (12, datetime(2027, 3, 2, 10, 0, tzinfo=UTC))


def test_only_the_candidate_answers(leader, opportunity, candidate, searcher):
    entry = propose(leader, opportunity, candidate)
    for someone in (leader, searcher):
        with pytest.raises(PermissionDenied):
            services.pool_consent(actor=someone, entry=entry)
        with pytest.raises(PermissionDenied):
            services.pool_decline(actor=someone, entry=entry)
    entry.refresh_from_db()
    assert entry.status == "voorgesteld"


def test_declining_deletes_the_proposal_and_its_note_and_keeps_a_trail_without_content(
    leader, opportunity, candidate
):
    entry = propose(leader, opportunity, candidate)
    pk = entry.pk
    services.pool_decline(actor=user_for(candidate), entry=entry)
    assert not PoolEntry.objects.exists()
    trail = list(
        AuditEvent.objects.filter(object_type="candidate_pool_entry", object_id=str(pk))
        .order_by("id")
        .values_list("action", "purpose")
    )
    assert trail == [("create", "voorgedragen voor de kandidatenpool"), ("delete", "voordracht geweigerd")]
    assert "security officer" not in _texts_of_audit()


def test_declining_with_no_more_proposals_stops_new_ones(leader, opportunity, candidate, skills):
    services.pool_decline(
        actor=user_for(candidate), entry=propose(leader, opportunity, candidate), no_more_proposals=True
    )
    assert PoolOptOut.objects.filter(person=candidate).exists()
    with pytest.raises(ValidationError) as refused:
        propose(leader, opportunity, candidate)
    assert refused.value.message_dict == {
        "person": ["Deze medewerker wil niet worden voorgedragen voor de kandidatenpool."]
    }
    services.pool_opt_out_set(actor=user_for(candidate), opted_out=False)
    assert propose(leader, opportunity, candidate).status == "voorgesteld"


def test_withdrawing_removes_the_candidate_from_search_at_once(leader, opportunity, candidate, searcher):
    entry = in_pool(leader, opportunity, candidate)
    assert _search(searcher) == [candidate.pk]
    services.pool_withdraw(actor=user_for(candidate), entry=entry)
    assert _search(searcher) == []
    assert not PoolEntry.objects.exists()
    assert AuditEvent.objects.filter(object_type="candidate_pool_entry", action="delete").get().purpose == (
        "toestemming ingetrokken"
    )


def test_the_candidate_moves_the_end_within_bounds(leader, opportunity, candidate):
    entry = in_pool(leader, opportunity, candidate, months=12, now=NOW)
    later = NOW + timedelta(days=40)
    entry = services.pool_period_set(actor=user_for(candidate), entry=entry, months=1, now=later)
    assert (entry.months, entry.expires_at) == (1, datetime(2026, 5, 11, 10, 0, tzinfo=UTC))
    entry = services.pool_period_set(actor=user_for(candidate), entry=entry, months=12, now=later)
    assert entry.expires_at == datetime(2027, 4, 11, 10, 0, tzinfo=UTC)
    with pytest.raises(ValidationError):
        services.pool_period_set(actor=user_for(candidate), entry=entry, months=13, now=later)
    with pytest.raises(PermissionDenied):
        services.pool_period_set(actor=leader, entry=entry, months=3, now=later)


def test_only_candidates_of_ones_own_published_opportunity_can_be_proposed(
    leader, opportunity, candidate, searcher
):
    stranger = make_person("Cor", "Mulder")
    user_for(stranger)
    with pytest.raises(ValidationError) as refused:
        propose(leader, opportunity, stranger)
    assert refused.value.message_dict == {
        "person": ["Je kunt alleen iemand voordragen die kandidaat was voor deze kans."]
    }
    with pytest.raises(PermissionDenied):
        propose(searcher, opportunity, candidate)  # not the owner
    draft = OpportunityFactory(owner=leader.person)
    with pytest.raises(PermissionDenied):
        propose(leader, draft, candidate)
    with pytest.raises(ValidationError) as empty:
        propose(leader, opportunity, candidate, note="   ")
    assert empty.value.message_dict == {"note": ["Schrijf op waarvoor deze kandidaat geschikt is."]}
    with pytest.raises(ValidationError) as long:
        propose(leader, opportunity, candidate, note="x" * 1001)
    assert long.value.message_dict == {"note": ["De toelichting is te lang (ten hoogste 1000 tekens)."]}
    assert not PoolEntry.objects.exists()


def test_a_candidate_in_a_ranking_of_the_opportunity_can_be_proposed(leader, opportunity, skills):
    from rijksportfolio.matching import services as matching

    ranked = make_person("Daan", "Visser", skills=[(skills["security"], "expert")])
    user_for(ranked)
    assert [
        m.subject_id for m in matching.candidates_search(actor=leader, opportunity=opportunity).matches
    ] == [ranked.pk]
    assert propose(leader, opportunity, ranked).person == ranked


def test_one_proposal_per_candidate_and_opportunity_and_a_lapsed_one_is_replaced(
    leader, opportunity, candidate
):
    propose(leader, opportunity, candidate, now=NOW)
    with pytest.raises(ValidationError) as twice:
        propose(leader, opportunity, candidate, now=NOW + timedelta(days=1))
    assert twice.value.message_dict == {
        "person": ["Je hebt deze kandidaat vanuit deze kans al voorgedragen."]
    }
    again = propose(leader, opportunity, candidate, now=NOW + timedelta(days=31))  # the first one lapsed
    assert list(PoolEntry.objects.values_list("pk", flat=True)) == [again.pk]


def test_a_person_without_a_login_cannot_be_asked(leader, opportunity):
    from rijksportfolio.matching.models import ShortlistEntry

    person = make_person("Eva", "Dekker")
    ShortlistEntry.objects.create(opportunity=opportunity, person=person)
    with pytest.raises(ValidationError) as refused:
        propose(leader, opportunity, person)
    assert refused.value.message_dict == {
        "person": ["Deze medewerker heeft geen account en kan dus geen toestemming geven."]
    }


def test_the_proposer_takes_back_only_an_unanswered_proposal(leader, opportunity, candidate, searcher):
    entry = propose(leader, opportunity, candidate)
    with pytest.raises(PermissionDenied):
        services.pool_proposal_cancel(actor=searcher, entry=entry)
    services.pool_proposal_cancel(actor=leader, entry=entry)
    assert not PoolEntry.objects.exists()
    assert Notification.objects.filter(recipient=user_for(candidate)).order_by("-id").first().subject == (
        "Een voordracht voor de kandidatenpool is ingetrokken"
    )
    active = in_pool(leader, opportunity, candidate)
    with pytest.raises(PermissionDenied):  # consented: only the candidate ends it
        services.pool_proposal_cancel(actor=leader, entry=active)


def test_an_expired_entry_is_never_shown_and_the_job_deletes_it(leader, opportunity, candidate, searcher):
    entry = in_pool(leader, opportunity, candidate, months=1, now=NOW)
    after = entry.expires_at + timedelta(minutes=1)
    assert _search(searcher, now=after) == []  # the job has not run: still never shown
    assert list(selectors.entries_of(person=candidate, now=after)) == []
    assert selectors.entry_get(pk=entry.pk, now=after) is None
    done = services.pool_expire(now=after)
    assert (done.expired, done.lapsed, done.reminded) == (1, 0, 0)
    assert not PoolEntry.objects.exists()
    event = AuditEvent.objects.get(object_type="candidate_pool_entry", action="delete")
    assert (event.actor, event.subject_person, event.purpose) == (
        None,
        candidate,
        "verlopen: automatisch verwijderd",
    )
    ended = Notification.objects.filter(recipient=user_for(candidate)).order_by("-id").first()
    assert ended.subject == "Je deelname aan de kandidatenpool is afgelopen"
    assert "2 april 2026" in ended.body
    assert services.pool_expire(now=after) == services.PoolExpiry(0, 0, 0)  # idempotent


def test_the_job_deletes_lapsed_proposals_and_reminds_once_before_the_end(
    leader, opportunity, candidate, skills
):
    other = candidate_of(opportunity, "Bram", "Vos", skills=[(skills["security"], "basis")])
    lapsing = propose(leader, opportunity, other, now=NOW)
    running = in_pool(leader, opportunity, candidate, months=1, now=NOW)  # ends 2 April
    assert services.pool_expire(now=NOW + timedelta(days=16)) == services.PoolExpiry(0, 0, 0)
    assert services.pool_expire(now=NOW + timedelta(days=18)) == services.PoolExpiry(0, 0, 1)  # 13 days left
    assert services.pool_expire(now=NOW + timedelta(days=19)) == services.PoolExpiry(0, 0, 0)  # once
    reminder = Notification.objects.filter(recipient=user_for(candidate)).order_by("-id").first()
    assert reminder.subject == "Je deelname aan de kandidatenpool loopt bijna af"
    assert reminder.url == "/mijn-kandidatenpool"
    assert services.pool_expire(now=NOW + timedelta(days=30)) == services.PoolExpiry(0, 1, 0)
    assert list(PoolEntry.objects.values_list("pk", flat=True)) == [running.pk]
    assert not PoolEntry.objects.filter(pk=lapsing.pk).exists()
    renewed = services.pool_period_set(
        actor=user_for(candidate), entry=running, months=3, now=NOW + timedelta(days=30)
    )
    assert renewed.reminded_at is None  # a new period: a new reminder before its end


def test_contacting_notifies_the_candidate_and_records_only_that_it_happened(
    leader, opportunity, candidate, searcher, django_capture_on_commit_callbacks
):
    entry = in_pool(leader, opportunity, candidate, now=NOW)
    own = OpportunityFactory(owner=searcher.person, published=True, title="Security officer Belastingdienst")
    message = "Wij zoeken een security officer. Zin in een kennismaking?"
    with django_capture_on_commit_callbacks(execute=True):
        contact = services.pool_contact(
            actor=searcher, entry=entry, message=message, opportunity=own, now=NOW
        )
    assert (contact.entry, contact.contacted_by, contact.opportunity) == (entry, searcher, own)
    notification = Notification.objects.filter(recipient=user_for(candidate)).order_by("-id").first()
    assert notification.subject == "Mirjam Bakker wil contact met je via de kandidatenpool"
    assert notification.body.split("\n\n") == [
        message,
        "Het gaat om: Security officer Belastingdienst",
        "Reageren kan per e-mail aan mirjam.bakker@minfin.nl.",
        "Je kreeg dit bericht omdat je meedoet met de kandidatenpool van het Rijk.",
    ]
    assert notification.url == f"/kansen/{own.pk}"
    event = AuditEvent.objects.get(object_type="candidate_pool_contact")
    assert (event.actor, event.subject_person, event.purpose) == (
        searcher,
        candidate,
        f"benaderd via de kandidatenpool (kans {own.pk})",
    )
    assert "kennismaking" not in _texts_of_audit()
    with pytest.raises(ValidationError) as again:
        services.pool_contact(
            actor=searcher, entry=entry, message="Nog een keer", now=NOW + timedelta(days=6)
        )
    assert again.value.message_dict == {
        "message": ["Je hebt deze kandidaat op 2 maart 2026 al benaderd. Wacht op een reactie."]
    }
    assert services.pool_contact(
        actor=searcher, entry=entry, message="Nog een keer", now=NOW + timedelta(days=7)
    )


def test_contact_needs_an_active_entry_of_someone_else_and_ones_own_published_opportunity(
    leader, opportunity, candidate, searcher
):
    pending = propose(leader, opportunity, candidate)
    with pytest.raises(PermissionDenied):
        services.pool_contact(actor=searcher, entry=pending, message="Hallo")
    services.pool_consent(actor=user_for(candidate), entry=pending)
    with pytest.raises(PermissionDenied):  # an employee without a recruiting role
        services.pool_contact(actor=user_for(make_person("Fleur", "de Boer")), entry=pending, message="Hallo")
    with pytest.raises(ValidationError) as foreign:
        services.pool_contact(actor=searcher, entry=pending, message="Hallo", opportunity=opportunity)
    assert foreign.value.message_dict == {"opportunity": ["Kies een gepubliceerde kans van jezelf."]}
    with pytest.raises(ValidationError) as empty:
        services.pool_contact(actor=searcher, entry=pending, message=" ")
    assert empty.value.message_dict == {"message": ["Schrijf een bericht aan de kandidaat."]}
    assert not PoolContact.objects.exists()
