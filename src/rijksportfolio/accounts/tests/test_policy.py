# SPDX-License-Identifier: EUPL-1.2
"""The permission policy as a matrix over roles and object relations (no database needed)."""

from __future__ import annotations

import pytest

from rijksportfolio.accounts.constants import Role
from rijksportfolio.accounts.policy import (
    ACTIONS,
    ANONYMOUS,
    AgreementTarget,
    OpportunityTarget,
    OrganisationTarget,
    PersonTarget,
    PoolEntryTarget,
    PortfolioTarget,
    Principal,
    ScenarioTarget,
    can,
)

BZK = "00001."
BZK_TEAM = "00001.00005.00009."
FIN = "00002."

ME = 1
COLLEAGUE_IN_TEAM = PersonTarget(person_id=2, organisation_paths=(BZK_TEAM,))
OUTSIDER = PersonTarget(person_id=3, organisation_paths=(FIN,))
MYSELF = PersonTarget(person_id=ME, organisation_paths=(BZK_TEAM,))


def principal(role: str | None, scope: str | None = None, *, person: int | None = ME) -> Principal:
    roles = {Role.EMPLOYEE} if person is not None and role != Role.GUEST else set()
    if role:
        roles.add(role)
    return Principal(
        user_id=10,
        person_id=person,
        roles=frozenset(roles),
        scopes={role: (scope,)} if role and scope else {},
    )


EMPLOYEE = principal(None)
MANAGER = principal(Role.MANAGER, BZK_TEAM)
HR = principal(Role.HR_ADVISER, BZK)
ADMIN = principal(Role.ORG_ADMIN, BZK)
ANALYST = principal(Role.ANALYST)
WORKS_COUNCIL = principal(Role.WORKS_COUNCIL, BZK)
PROJECT_LEADER = principal(Role.PROJECT_LEADER)
GUEST = principal(Role.GUEST, person=None)

# (principal, action, target, expected)
MATRIX = [
    (ANONYMOUS, "person.view_card", COLLEAGUE_IN_TEAM, False),
    (GUEST, "person.view_card", COLLEAGUE_IN_TEAM, False),
    (EMPLOYEE, "person.view_card", OUTSIDER, True),
    (EMPLOYEE, "person.view_employment", MYSELF, True),
    (EMPLOYEE, "person.view_employment", COLLEAGUE_IN_TEAM, False),
    (EMPLOYEE, "person.view_personal", MYSELF, True),
    (EMPLOYEE, "person.view_personal", COLLEAGUE_IN_TEAM, False),
    (EMPLOYEE, "person.change", MYSELF, False),
    (MANAGER, "person.view_employment", COLLEAGUE_IN_TEAM, True),
    (MANAGER, "person.view_employment", OUTSIDER, False),
    (MANAGER, "person.view_personal", COLLEAGUE_IN_TEAM, False),
    (MANAGER, "person.change", COLLEAGUE_IN_TEAM, False),
    (HR, "person.view_employment", COLLEAGUE_IN_TEAM, True),
    (HR, "person.view_personal", COLLEAGUE_IN_TEAM, True),
    (HR, "person.change", COLLEAGUE_IN_TEAM, True),
    (HR, "person.view_employment", OUTSIDER, False),
    (HR, "person.change", OUTSIDER, False),
    (ADMIN, "person.change", COLLEAGUE_IN_TEAM, True),
    (ADMIN, "person.view_personal", COLLEAGUE_IN_TEAM, False),
    (ANALYST, "person.view_employment", COLLEAGUE_IN_TEAM, False),
    (ANALYST, "person.view_personal", COLLEAGUE_IN_TEAM, False),
    (WORKS_COUNCIL, "person.view_employment", COLLEAGUE_IN_TEAM, False),
    (WORKS_COUNCIL, "person.view_personal", COLLEAGUE_IN_TEAM, False),
    (PROJECT_LEADER, "person.view_employment", COLLEAGUE_IN_TEAM, False),
    (EMPLOYEE, "organisation.view", None, True),
    (GUEST, "organisation.view", None, False),
    (ANONYMOUS, "organisation.view", None, False),
    (EMPLOYEE, "taxonomy.view", None, True),
    (ANALYST, "taxonomy.view", None, True),
    (GUEST, "taxonomy.view", None, False),
    (ANONYMOUS, "taxonomy.view", None, False),
    # taxonomy administration: org administrators covering the coordinating organisation (the target, BZK)
    (ADMIN, "taxonomy.administer", OrganisationTarget(1, BZK), True),
    (principal(Role.ORG_ADMIN, BZK_TEAM), "taxonomy.administer", OrganisationTarget(1, BZK), False),
    (principal(Role.ORG_ADMIN, FIN), "taxonomy.administer", OrganisationTarget(1, BZK), False),
    (HR, "taxonomy.administer", OrganisationTarget(1, BZK), False),
    (ANALYST, "taxonomy.administer", OrganisationTarget(1, BZK), False),
    (ADMIN, "taxonomy.administer", None, False),
    (ADMIN, "taxonomy.administer", OrganisationTarget(None, ""), False),
    (ADMIN, "organisation.change", OrganisationTarget(5, BZK_TEAM), True),
    (ADMIN, "organisation.change", OrganisationTarget(9, FIN), False),
    (HR, "organisation.change", OrganisationTarget(5, BZK_TEAM), False),
    (ANALYST, "aggregates.view", OrganisationTarget(None, ""), True),
    (ANALYST, "aggregates.view", OrganisationTarget(9, FIN), True),
    (HR, "aggregates.view", OrganisationTarget(None, ""), False),
    (HR, "aggregates.view", OrganisationTarget(5, BZK_TEAM), True),
    (HR, "aggregates.view", OrganisationTarget(9, FIN), False),
    (WORKS_COUNCIL, "aggregates.view", OrganisationTarget(1, BZK), True),
    (WORKS_COUNCIL, "aggregates.view", OrganisationTarget(9, FIN), False),
    (MANAGER, "aggregates.view", OrganisationTarget(5, BZK_TEAM), True),
    (MANAGER, "aggregates.view", OrganisationTarget(1, BZK), False),
    (EMPLOYEE, "aggregates.view", OrganisationTarget(1, BZK), False),
    (EMPLOYEE, "audit.view_own", None, True),
    # stuurinformatie (issue 5)
    (ANALYST, "stuurinformatie.view", OrganisationTarget(None, ""), True),
    (ANALYST, "stuurinformatie.view", OrganisationTarget(9, FIN), True),
    (HR, "stuurinformatie.view", OrganisationTarget(5, BZK_TEAM), True),
    (HR, "stuurinformatie.view", OrganisationTarget(9, FIN), False),
    (HR, "stuurinformatie.view", OrganisationTarget(None, ""), False),
    (ADMIN, "stuurinformatie.view", OrganisationTarget(1, BZK), True),
    (WORKS_COUNCIL, "stuurinformatie.view", OrganisationTarget(1, BZK), True),
    (WORKS_COUNCIL, "stuurinformatie.view", OrganisationTarget(None, ""), False),
    (MANAGER, "stuurinformatie.view", OrganisationTarget(5, BZK_TEAM), True),
    (MANAGER, "stuurinformatie.view", OrganisationTarget(1, BZK), False),
    (EMPLOYEE, "stuurinformatie.view", OrganisationTarget(1, BZK), False),
    (GUEST, "stuurinformatie.view", OrganisationTarget(1, BZK), False),
    (ANONYMOUS, "stuurinformatie.view", OrganisationTarget(None, ""), False),
    (MANAGER, "stuurinformatie.view_people", OrganisationTarget(5, BZK_TEAM), True),
    (MANAGER, "stuurinformatie.view_people", OrganisationTarget(1, BZK), False),
    (HR, "stuurinformatie.view_people", OrganisationTarget(5, BZK_TEAM), False),
    (ANALYST, "stuurinformatie.view_people", OrganisationTarget(5, BZK_TEAM), False),
    (WORKS_COUNCIL, "stuurinformatie.view_people", OrganisationTarget(5, BZK_TEAM), False),
    (HR, "stuurinformatie.view_register", OrganisationTarget(5, BZK_TEAM), True),
    (HR, "stuurinformatie.view_register", OrganisationTarget(9, FIN), False),
    (ADMIN, "stuurinformatie.view_register", OrganisationTarget(1, BZK), True),
    (ANALYST, "stuurinformatie.view_register", OrganisationTarget(1, BZK), False),
    (WORKS_COUNCIL, "stuurinformatie.view_register", OrganisationTarget(1, BZK), False),
    (MANAGER, "stuurinformatie.view_register", OrganisationTarget(5, BZK_TEAM), False),
    (HR, "stuurinformatie.explain", OrganisationTarget(5, BZK_TEAM), True),
    (HR, "stuurinformatie.explain", OrganisationTarget(None, ""), False),
    (WORKS_COUNCIL, "stuurinformatie.explain", OrganisationTarget(1, BZK), False),
    (ANALYST, "stuurinformatie.explain", OrganisationTarget(1, BZK), False),
    # MPP scenarios (issue 5): every principal here is user 10; 11 is someone else
    (HR, "mpp.create", OrganisationTarget(5, BZK_TEAM), True),
    (HR, "mpp.create", OrganisationTarget(9, FIN), False),
    (HR, "mpp.create", OrganisationTarget(None, ""), False),
    (ADMIN, "mpp.create", OrganisationTarget(1, BZK), True),
    (ANALYST, "mpp.create", OrganisationTarget(None, ""), True),
    (ANALYST, "mpp.create", OrganisationTarget(9, FIN), True),
    (WORKS_COUNCIL, "mpp.create", OrganisationTarget(1, BZK), False),
    (MANAGER, "mpp.create", OrganisationTarget(5, BZK_TEAM), False),
    (EMPLOYEE, "mpp.create", OrganisationTarget(1, BZK), False),
    (HR, "mpp.create", ScenarioTarget(10, BZK), False),  # wrong target kind
    (HR, "mpp.view", ScenarioTarget(11, BZK_TEAM), True),
    (HR, "mpp.view", ScenarioTarget(11, FIN), False),
    (HR, "mpp.view", ScenarioTarget(11, ""), False),
    (WORKS_COUNCIL, "mpp.view", ScenarioTarget(11, BZK), True),
    (WORKS_COUNCIL, "mpp.view", ScenarioTarget(11, FIN), False),
    (ANALYST, "mpp.view", ScenarioTarget(11, ""), True),
    (ANALYST, "mpp.view", ScenarioTarget(11, FIN), True),
    (MANAGER, "mpp.view", ScenarioTarget(11, BZK_TEAM), False),
    (EMPLOYEE, "mpp.view", ScenarioTarget(11, BZK), False),
    (GUEST, "mpp.view", ScenarioTarget(11, BZK), False),
    (ANONYMOUS, "mpp.view", ScenarioTarget(None, BZK), False),
    (HR, "mpp.view", OrganisationTarget(1, BZK), False),  # wrong target kind
    (HR, "mpp.change", ScenarioTarget(10, BZK_TEAM), True),  # own
    (HR, "mpp.change", ScenarioTarget(11, BZK_TEAM), False),  # a colleague's
    (HR, "mpp.change", ScenarioTarget(10, FIN), False),  # own, but no longer in scope
    (ADMIN, "mpp.change", ScenarioTarget(11, BZK_TEAM), True),  # the administrator of the subtree
    (ADMIN, "mpp.change", ScenarioTarget(11, FIN), False),
    (ANALYST, "mpp.change", ScenarioTarget(10, ""), True),
    (ANALYST, "mpp.change", ScenarioTarget(11, ""), False),
    (WORKS_COUNCIL, "mpp.change", ScenarioTarget(10, BZK), False),
    (ANONYMOUS, "mpp.change", ScenarioTarget(None, ""), False),
    (HR, "stuurinformatie.set_goals", OrganisationTarget(5, BZK_TEAM), True),
    (ADMIN, "stuurinformatie.set_goals", OrganisationTarget(1, BZK), True),
    (HR, "stuurinformatie.set_goals", OrganisationTarget(9, FIN), False),
    (HR, "stuurinformatie.set_goals", OrganisationTarget(None, ""), False),
    (ANALYST, "stuurinformatie.set_goals", OrganisationTarget(1, BZK), False),
    (WORKS_COUNCIL, "stuurinformatie.set_goals", OrganisationTarget(1, BZK), False),
    (MANAGER, "stuurinformatie.set_goals", OrganisationTarget(5, BZK_TEAM), False),
    (HR, "stuurinformatie.set_formation", OrganisationTarget(5, BZK_TEAM), True),
    (ADMIN, "stuurinformatie.set_formation", OrganisationTarget(1, BZK), True),
    (HR, "stuurinformatie.set_formation", OrganisationTarget(9, FIN), False),
    (ANALYST, "stuurinformatie.set_formation", OrganisationTarget(None, ""), False),
    (WORKS_COUNCIL, "stuurinformatie.set_formation", OrganisationTarget(1, BZK), False),
    (EMPLOYEE, "stuurinformatie.set_formation", OrganisationTarget(1, BZK), False),
    (GUEST, "audit.view_own", None, False),
    # --- portfolio (issue 3): no role overrides alleen ik or op aanvraag ---
    (EMPLOYEE, "portfolio.view_section", PortfolioTarget(ME, "dossier", "alleen_ik"), True),
    (EMPLOYEE, "portfolio.view_section", PortfolioTarget(2, "dossier", "rijk"), True),
    (EMPLOYEE, "portfolio.view_section", PortfolioTarget(2, "dossier", "op_aanvraag"), False),
    (EMPLOYEE, "portfolio.view_section", PortfolioTarget(2, "dossier", "op_aanvraag", granted=True), True),
    (EMPLOYEE, "portfolio.view_section", PortfolioTarget(2, "dossier", "alleen_ik", granted=True), False),
    (HR, "portfolio.view_section", PortfolioTarget(2, "dossier", "alleen_ik"), False),
    (HR, "portfolio.view_section", PortfolioTarget(2, "dossier", "op_aanvraag"), False),
    (MANAGER, "portfolio.view_section", PortfolioTarget(2, "ambitie", "op_aanvraag"), False),
    (ADMIN, "portfolio.view_section", PortfolioTarget(2, "vrij", "alleen_ik"), False),
    (ANALYST, "portfolio.view_section", PortfolioTarget(2, "vaardigheden", "op_aanvraag"), False),
    (GUEST, "portfolio.view_section", PortfolioTarget(2, "dossier", "rijk"), False),
    (ANONYMOUS, "portfolio.view_section", PortfolioTarget(2, "dossier", "rijk"), False),
    (EMPLOYEE, "portfolio.view_section", MYSELF, False),
    (EMPLOYEE, "portfolio.request_access", PortfolioTarget(2, "vrij", "op_aanvraag"), True),
    (EMPLOYEE, "portfolio.request_access", PortfolioTarget(ME, "vrij", "op_aanvraag"), False),
    (GUEST, "portfolio.request_access", PortfolioTarget(2, "vrij", "op_aanvraag"), False),
    (EMPLOYEE, "portfolio.endorse", PortfolioTarget(2, "vaardigheden", "rijk"), True),
    (EMPLOYEE, "portfolio.endorse", PortfolioTarget(2, "vaardigheden", "op_aanvraag"), False),
    (EMPLOYEE, "portfolio.endorse", PortfolioTarget(ME, "vaardigheden", "rijk"), False),
    (GUEST, "portfolio.endorse", PortfolioTarget(2, "vaardigheden", "rijk"), False),
    (EMPLOYEE, "portfolio.edit", PortfolioTarget(ME), True),
    (EMPLOYEE, "portfolio.edit", PortfolioTarget(2), False),
    (HR, "portfolio.edit", PortfolioTarget(2), False),
    (ADMIN, "portfolio.edit", PortfolioTarget(2), False),
    (EMPLOYEE, "portfolio.export", PortfolioTarget(ME), True),
    (HR, "portfolio.export", PortfolioTarget(2), False),
    (ANALYST, "portfolio.export", PortfolioTarget(2), False),
    (ADMIN, "portfolio.manage_categories", None, True),
    (HR, "portfolio.manage_categories", None, False),
    (EMPLOYEE, "portfolio.manage_categories", None, False),
    (ANALYST, "portfolio.manage_categories", None, False),
    (ANALYST, "portfolio.overview", OrganisationTarget(None, ""), True),
    (ANALYST, "portfolio.overview", OrganisationTarget(9, FIN), True),
    (HR, "portfolio.overview", OrganisationTarget(5, BZK_TEAM), True),
    (HR, "portfolio.overview", OrganisationTarget(9, FIN), False),
    (HR, "portfolio.overview", OrganisationTarget(None, ""), False),
    (MANAGER, "portfolio.overview", OrganisationTarget(5, BZK_TEAM), False),
    (ADMIN, "portfolio.overview", OrganisationTarget(5, BZK_TEAM), False),
    (EMPLOYEE, "portfolio.overview", OrganisationTarget(1, BZK), False),
    # --- opportunities and matching (issue 4) ---
    (PROJECT_LEADER, "opportunity.create", OrganisationTarget(9, FIN), True),
    (MANAGER, "opportunity.create", OrganisationTarget(5, BZK_TEAM), True),
    (MANAGER, "opportunity.create", OrganisationTarget(9, FIN), False),
    (HR, "opportunity.create", OrganisationTarget(5, BZK_TEAM), True),
    (EMPLOYEE, "opportunity.create", OrganisationTarget(5, BZK_TEAM), False),
    (PROJECT_LEADER, "opportunity.create", OrganisationTarget(None, ""), False),
    (GUEST, "opportunity.create", OrganisationTarget(9, FIN), False),
    (EMPLOYEE, "opportunity.view", OpportunityTarget(2, "gepubliceerd"), True),
    (EMPLOYEE, "opportunity.view", OpportunityTarget(2, "gesloten"), True),
    (EMPLOYEE, "opportunity.view", OpportunityTarget(2, "concept"), False),
    (EMPLOYEE, "opportunity.view", OpportunityTarget(ME, "concept"), True),
    (ADMIN, "opportunity.view", OpportunityTarget(2, "concept"), False),
    (GUEST, "opportunity.view", OpportunityTarget(2, "gepubliceerd"), False),
    (ANONYMOUS, "opportunity.view", OpportunityTarget(2, "gepubliceerd"), False),
    (EMPLOYEE, "opportunity.edit", OpportunityTarget(ME), True),
    (HR, "opportunity.edit", OpportunityTarget(2), False),
    (EMPLOYEE, "opportunity.request_agreement", OpportunityTarget(2, "gepubliceerd"), True),
    (EMPLOYEE, "opportunity.request_agreement", OpportunityTarget(2, "gesloten"), False),
    (EMPLOYEE, "opportunity.request_agreement", OpportunityTarget(ME, "gepubliceerd"), False),
    (MANAGER, "opportunity.decide_agreement", AgreementTarget(2, ME), True),
    (MANAGER, "opportunity.decide_agreement", AgreementTarget(2, 3), False),
    (HR, "opportunity.decide_agreement", AgreementTarget(2, 3), False),
    (EMPLOYEE, "opportunity.decide_agreement", AgreementTarget(ME, None), False),
    (ADMIN, "matching.configure", OrganisationTarget(5, BZK_TEAM), True),
    (ADMIN, "matching.configure", OrganisationTarget(9, FIN), False),
    (HR, "matching.configure", OrganisationTarget(5, BZK_TEAM), False),
    (PROJECT_LEADER, "matching.search_people", None, True),
    (MANAGER, "matching.search_people", None, True),
    (EMPLOYEE, "matching.search_people", None, False),
    (ANALYST, "matching.search_people", None, False),
    (GUEST, "matching.search_people", None, False),
    (EMPLOYEE, "matching.for_me", None, True),
    (GUEST, "matching.for_me", None, False),
    # fairness monitor: HR advisers for their own subtree, analysts for the Rijk and everywhere
    (HR, "matching.monitor_fairness", OrganisationTarget(5, BZK_TEAM), True),
    (HR, "matching.monitor_fairness", OrganisationTarget(9, FIN), False),
    (HR, "matching.monitor_fairness", OrganisationTarget(None, ""), False),
    (ANALYST, "matching.monitor_fairness", OrganisationTarget(None, ""), True),
    (ANALYST, "matching.monitor_fairness", OrganisationTarget(9, FIN), True),
    (ADMIN, "matching.monitor_fairness", OrganisationTarget(5, BZK_TEAM), False),
    (MANAGER, "matching.monitor_fairness", OrganisationTarget(5, BZK_TEAM), False),
    (WORKS_COUNCIL, "matching.monitor_fairness", OrganisationTarget(1, BZK), False),
    (EMPLOYEE, "matching.monitor_fairness", OrganisationTarget(1, BZK), False),
    (ANALYST, "matching.monitor_fairness", None, False),
    # --- candidate pool (Virtueel Matchingsteam) ---
    (EMPLOYEE, "candidate_pool.propose", OpportunityTarget(ME, "gepubliceerd"), True),
    (EMPLOYEE, "candidate_pool.propose", OpportunityTarget(ME, "gesloten"), True),
    (EMPLOYEE, "candidate_pool.propose", OpportunityTarget(ME, "concept"), False),
    (HR, "candidate_pool.propose", OpportunityTarget(2, "gepubliceerd"), False),  # not the owner
    (GUEST, "candidate_pool.propose", OpportunityTarget(ME, "gepubliceerd"), False),
    (EMPLOYEE, "candidate_pool.propose", None, False),
    (EMPLOYEE, "candidate_pool.cancel", PoolEntryTarget(2, ME, "voorgesteld"), True),
    (EMPLOYEE, "candidate_pool.cancel", PoolEntryTarget(2, ME, "actief"), False),  # consented
    (EMPLOYEE, "candidate_pool.cancel", PoolEntryTarget(2, 3, "voorgesteld"), False),
    (EMPLOYEE, "candidate_pool.cancel", PoolEntryTarget(2, None, "voorgesteld"), False),
    (EMPLOYEE, "candidate_pool.respond", PoolEntryTarget(ME, 2, "voorgesteld"), True),
    (EMPLOYEE, "candidate_pool.respond", PoolEntryTarget(ME, 2, "actief"), True),
    (HR, "candidate_pool.respond", PoolEntryTarget(2, ME, "voorgesteld"), False),  # not even the proposer
    (ADMIN, "candidate_pool.respond", PoolEntryTarget(2, 3, "actief"), False),
    (PROJECT_LEADER, "candidate_pool.search", None, True),
    (MANAGER, "candidate_pool.search", None, True),
    (HR, "candidate_pool.search", None, True),
    (ADMIN, "candidate_pool.search", None, True),
    (EMPLOYEE, "candidate_pool.search", None, False),
    (ANALYST, "candidate_pool.search", None, False),
    (WORKS_COUNCIL, "candidate_pool.search", None, False),
    (GUEST, "candidate_pool.search", None, False),
    (ANONYMOUS, "candidate_pool.search", None, False),
    (MANAGER, "candidate_pool.view_entry", PoolEntryTarget(2, 3, "actief"), True),
    (MANAGER, "candidate_pool.view_entry", PoolEntryTarget(2, 3, "voorgesteld"), False),  # no consent yet
    (MANAGER, "candidate_pool.view_entry", PoolEntryTarget(2, 3, "verlopen"), False),
    (MANAGER, "candidate_pool.view_entry", PoolEntryTarget(ME, 3, "actief"), False),  # oneself
    (EMPLOYEE, "candidate_pool.view_entry", PoolEntryTarget(2, 3, "actief"), False),
    (PROJECT_LEADER, "candidate_pool.contact", PoolEntryTarget(2, 3, "actief"), True),
    (PROJECT_LEADER, "candidate_pool.contact", PoolEntryTarget(2, ME, "voorgesteld"), False),
    (PROJECT_LEADER, "candidate_pool.contact", PoolEntryTarget(2, 3, "vervallen"), False),
    (PROJECT_LEADER, "candidate_pool.contact", PoolEntryTarget(ME, 3, "actief"), False),
    (ANALYST, "candidate_pool.contact", PoolEntryTarget(2, 3, "actief"), False),
    (GUEST, "candidate_pool.contact", PoolEntryTarget(2, 3, "actief"), False),
    (EMPLOYEE, "matching.alerts", None, True),
    (GUEST, "matching.alerts", None, False),
]


@pytest.mark.parametrize(("who", "action", "target", "expected"), MATRIX)
def test_policy_matrix(who: Principal, action: str, target: object, expected: bool) -> None:
    assert can(who, action, target) is expected


def test_every_action_is_covered_by_the_matrix() -> None:
    assert {row[1] for row in MATRIX} == set(ACTIONS)


def test_unknown_action_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown action"):
        can(EMPLOYEE, "person.delete_everything", MYSELF)


def test_scope_covers_subtree_not_siblings() -> None:
    team_manager = principal(Role.MANAGER, BZK_TEAM)
    sibling_team = PersonTarget(person_id=4, organisation_paths=("00001.00005.00010.",))
    assert can(team_manager, "person.view_employment", sibling_team) is False
