# SPDX-License-Identifier: EUPL-1.2
"""The demo's opportunities: on a small generated Rijk with the demo accounts, ``demo_opportunities_ensure``
creates published vacatures, projecten and klussen that colleagues fit (plus drafts and a closed one), once;
and the demo employee, prepared as a demo user would do it, sees some in *kansen voor mij*."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from rijksportfolio.accounts.demo import demo_accounts_ensure
from rijksportfolio.accounts.models import RoleAssignment, User
from rijksportfolio.audit.models import AuditAction, AuditEvent
from rijksportfolio.matching import services as matching
from rijksportfolio.matching.models import OpportunityAlerts
from rijksportfolio.opportunities.constants import OpportunityKind, OpportunityStatus
from rijksportfolio.opportunities.demo import (
    DEMO_OPPORTUNITIES,
    DEMO_TITLES,
    MANAGER,
    demo_opportunities_ensure,
)
from rijksportfolio.opportunities.models import Opportunity
from rijksportfolio.portfolios.services import portfolio_matching_consent_set
from rijksportfolio.skills.services import taxonomy_load_bundle

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

FITS = 0.4  # the best colleague meets at least this share of what an opportunity asks


@pytest.fixture
def demo_rijk():
    taxonomy_load_bundle()
    call_command("generate", people=1500, seed=1, stdout=io.StringIO(), stderr=io.StringIO())
    demo_accounts_ensure()


def _snapshot() -> list[tuple[object, ...]]:
    return [
        (o.kind, o.title, o.status, o.organisation.code, o.owner_id, [(r.skill.uri, r.essential, r.min_level)
         for r in o.required_skills.select_related("skill")])
        for o in Opportunity.objects.order_by("title").select_related("organisation")
    ]  # fmt: skip


def test_the_demo_seed_publishes_every_kind_with_colleagues_who_fit_and_runs_once(demo_rijk):
    result = demo_opportunities_ensure()

    opportunities = list(Opportunity.objects.order_by("id"))
    assert result.created == len(opportunities) == len(DEMO_OPPORTUNITIES)
    assert {o.title for o in opportunities} == DEMO_TITLES
    published = [o for o in opportunities if o.status == OpportunityStatus.PUBLISHED]
    assert result.published == len(published) >= 30
    assert {o.kind for o in published} == {
        OpportunityKind.VACANCY,
        OpportunityKind.PROJECT,
        OpportunityKind.GIG,
    }
    assert {o.status for o in opportunities} == set(OpportunityStatus.values)  # drafts and a closed one too
    assert all(3 <= o.required_skills.count() <= 7 for o in opportunities)
    gigs = [o for o in published if o.kind == OpportunityKind.GIG]
    assert all(o.hours_per_week and o.start_date and o.end_date for o in gigs)
    # owned by the demo accounts, written through the services (audited, announced to the alerts)
    owners = {
        u.person_id: u for u in User.objects.filter(username__in=["hr-adviseur", "projectleider", MANAGER])
    }
    assert {o.owner_id for o in opportunities} == set(owners)
    manager = User.objects.get(username=MANAGER)
    team = RoleAssignment.objects.get(user=manager).organisation
    assert {o.owner_id for o in opportunities if o.organisation == team} == {manager.person_id}
    assert AuditEvent.objects.filter(object_type="opportunity", action=AuditAction.CREATE).count() == len(
        opportunities
    )
    assert set(OpportunityAlerts.objects.values_list("opportunity_id", flat=True)) == {
        o.pk for o in opportunities if o.status != OpportunityStatus.DRAFT
    }

    # every published one has colleagues who fit it, in the matching engine as its owner searches it
    for opportunity in published:
        ranking = matching.candidates_search(actor=owners[opportunity.owner_id], opportunity=opportunity)
        assert ranking.matches, opportunity.title
        assert ranking.matches[0].score >= FITS, opportunity.title

    # the demo employee: consent given by themselves (the seed acts as the demo user), fitting opportunities
    employee = User.objects.get(username="medewerker")
    assert employee.person.portfolio.matching_consent
    consent = AuditEvent.objects.get(object_type="portfolio_matching_consent")
    assert consent.actor_id == employee.pk
    for_me = matching.opportunities_for_me(actor=employee)
    assert not for_me.consent_needed
    assert max(m.score for m in for_me.matches) >= 0.6  # a good fit
    assert any(m.missing for m in for_me.matches)  # and some that ask what they lack
    assert {m.subject_id for m in for_me.matches} <= {o.pk for o in published}
    assert any(o.startswith("medewerker: ") and "toestemming" in o for o in result.notes)

    # a second run creates nothing and changes nothing
    before = _snapshot()
    audit_rows = AuditEvent.objects.count()
    again = demo_opportunities_ensure()
    assert (again.created, again.existing, again.published) == (0, len(DEMO_OPPORTUNITIES), result.published)
    assert _snapshot() == before
    assert AuditEvent.objects.count() == audit_rows


def test_kansen_voor_mij_shows_the_demo_opportunities_and_a_revoked_consent_stays_revoked(demo_rijk, client):
    demo_opportunities_ensure()
    employee = User.objects.get(username="medewerker")
    client.force_login(employee)
    page = client.get(reverse("kansen:for_me")).content.decode()
    best = matching.opportunities_for_me(actor=employee).matches[0]
    assert Opportunity.objects.get(pk=best.subject_id).title in page
    listed = client.get(reverse("kansen:list")).content.decode()
    assert "Er zijn nu geen kansen" not in listed
    assert "Beleidsmedewerker digitale overheid" in listed
    assert "Opruimen van de gedeelde schijf" not in listed  # someone else's draft

    portfolio_matching_consent_set(actor=employee, portfolio=employee.person.portfolio, consent=False)
    again = demo_opportunities_ensure()
    employee.person.portfolio.refresh_from_db()
    assert not employee.person.portfolio.matching_consent  # the seed never gives consent over a choice
    assert any("geen toestemming" in note for note in again.notes)
    assert matching.opportunities_for_me(actor=employee).consent_needed


def test_without_demo_accounts_the_seed_says_what_to_do_first(db):
    with pytest.raises(RuntimeError, match="demo-accounts"):
        demo_opportunities_ensure()
