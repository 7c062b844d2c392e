# SPDX-License-Identifier: EUPL-1.2
"""The one place where role- and object-level permissions are decided.

Views, API views and ``access.py`` modules ask :func:`can`; nothing else checks roles. Every action is
listed in ``ACTIONS`` so that the authorisation-matrix tests can enumerate them.

Scopes: a role assignment with an organisation covers that organisation's whole subtree (materialised
``Organisation.path`` prefix). Unscoped roles (analyst, project leader, employee, guest) hold Rijk-wide
or personal rights only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from rijksportfolio.accounts import cache as auth_cache
from rijksportfolio.accounts.constants import Role
from rijksportfolio.domain import visibility

ACTIONS = (
    "organisation.view",
    "organisation.change",
    "taxonomy.view",  # ESCO skills and occupations (reference data, e.g. skill autocomplete)
    "taxonomy.administer",  # Rijk extension: Dutch labels, Rijk skills, CSV (target: the coordinating org)
    "person.view_card",  # name, current job, organisation, work location, work e-mail
    "person.view_employment",  # full employment history
    "person.view_personal",  # date of birth, gender, personnel number
    "person.change",  # create/update person and employment records
    "aggregates.view",  # workforce aggregates for an organisation (None = the whole Rijk)
    "audit.view_own",  # "who looked at my data"
    # --- portfolio (issue 3) ---
    "portfolio.view_section",  # a section/item of someone's portfolio (PortfolioTarget with its visibility)
    "portfolio.request_access",  # ask for an op-aanvraag section
    "portfolio.endorse",  # vouch for a skill in a skills profile one may see
    "portfolio.edit",  # change a portfolio, decide on its requests (owner only)
    "portfolio.export",  # JSON/PDF export (owner only)
    "portfolio.manage_categories",  # add, change, retire item categories (org administrators)
    "portfolio.overview",  # portfolio aggregates of an organisation (None = the whole Rijk)
    # stuurinformatie (issue 5): workforce figures; a target is an OrganisationTarget ("" = the Rijk)
    "stuurinformatie.view",  # aggregate panels (suppressed): analyst Rijk-wide; HR, admin, OR, manager own subtree
    "stuurinformatie.view_people",  # 3-5-7 conversation list (persons): a manager for their own teams only
    "stuurinformatie.view_register",  # secondments > 1 year with their records: HR adviser / admin own subtree
    "stuurinformatie.explain",  # write the comply-or-explain explanation: HR adviser / admin own subtree
    # MPP scenarios (issue 5): a target is an OrganisationTarget (create) or a ScenarioTarget
    "mpp.create",  # save a demand scenario for an organisation: HR adviser / admin own subtree; analyst any
    "mpp.view",  # see a saved scenario: analyst; HR adviser, admin, works council of its organisation's subtree
    "mpp.change",  # change or delete it: its owner (while still allowed to create there); org admin of subtree
    "stuurinformatie.set_goals",  # an organisation's diversity goals: HR adviser / admin own subtree
    "stuurinformatie.set_formation",  # an organisation's ICT formation places: HR adviser / admin own subtree
    # --- opportunities and matching (issue 4) ---
    "opportunity.create",  # post a vacature/project/klus for an organisation (OrganisationTarget)
    "opportunity.view",  # an opportunity (OpportunityTarget): published ones for every civil servant
    "opportunity.edit",  # change, publish, close; see its candidates and shortlist (owner only)
    "opportunity.request_agreement",  # ask one's manager to agree to taking on a klus/project
    "opportunity.decide_agreement",  # answer such a request (AgreementTarget: the recorded manager only)
    "matching.configure",  # an organisation's matching settings: ranking on/off, agreement term
    "matching.search_people",  # expertise search over consenting people (what the searcher may see)
    "matching.for_me",  # "kansen voor mij": opportunities that fit one's own profile
    "matching.monitor_fairness",  # the fairness monitor (OrganisationTarget, "" = the Rijk): run it, see runs
    # candidate pool (issue 4 item 8, Virtueel Matchingsteam); targets: OpportunityTarget / PoolEntryTarget
    "candidate_pool.propose",  # propose a not-hired candidate of one's own opportunity (its owner)
    "candidate_pool.cancel",  # take back one's own proposal while the candidate has not answered
    "candidate_pool.respond",  # consent, decline, withdraw, change the period: the candidate only
    "candidate_pool.search",  # search the pool: vacancy holders Rijk-wide (the recruiting roles)
    "candidate_pool.view_entry",  # one active entry: a vacancy holder other than the candidate
    "candidate_pool.contact",  # contact/invite a pool member: a vacancy holder other than the candidate
    "matching.alerts",  # one's own alerts about new opportunities that fit (opt-in)
)


@dataclass(frozen=True)
class Principal:
    """What the policy needs to know about the acting user, computed once per request."""

    user_id: int | None
    person_id: int | None
    roles: frozenset[str]
    scopes: dict[str, tuple[str, ...]]  # role -> organisation paths it covers

    @property
    def is_civil_servant(self) -> bool:
        return self.person_id is not None and Role.GUEST not in self.roles

    def covers(self, role: str, paths: tuple[str, ...] | list[str]) -> bool:
        """Does ``role`` held by this principal cover any of the organisations (by path)?"""
        own = self.scopes.get(role, ())
        return any(p.startswith(scope) for scope in own for p in paths)


ANONYMOUS = Principal(user_id=None, person_id=None, roles=frozenset(), scopes={})


def principal_for(user: Any, *, today: date | None = None) -> Principal:
    """Build (and memoise on the user object) the principal for a Django user.

    For today's date the principal is also kept per process for ``AUTH_CACHE_TTL`` seconds
    (``accounts.cache``): a role change made in this process takes effect at once, one made elsewhere within
    the TTL."""
    if user is None or not getattr(user, "is_authenticated", False):
        return ANONYMOUS
    cached = getattr(user, "_rpf_principal", None)
    if cached is not None:
        return cached
    if today is None:
        shared = auth_cache.principals.get(user.pk)
        if shared is not None and shared.person_id == user.person_id:
            user._rpf_principal = shared
            return shared
    use_cache = today is None
    today = today or date.today()
    roles: set[str] = set()
    scopes: dict[str, list[str]] = {}
    for assignment in user.role_assignments.select_related("organisation").all():
        if assignment.valid_from and assignment.valid_from > today:
            continue
        if assignment.valid_until and assignment.valid_until < today:
            continue
        roles.add(assignment.role)
        if assignment.organisation_id is not None:
            scopes.setdefault(assignment.role, []).append(assignment.organisation.path)
    if user.person_id is not None and Role.GUEST not in roles:
        roles.add(Role.EMPLOYEE)
    principal = Principal(
        user_id=user.pk,
        person_id=user.person_id,
        roles=frozenset(roles),
        scopes={role: tuple(paths) for role, paths in scopes.items()},
    )
    user._rpf_principal = principal
    if use_cache:
        auth_cache.principals.set(user.pk, principal, auth_cache.ttl())
    return principal


@dataclass(frozen=True)
class PersonTarget:
    """A person as the policy sees them: who they are and where they currently work (organisation paths)."""

    person_id: int
    organisation_paths: tuple[str, ...]


@dataclass(frozen=True)
class PortfolioTarget:
    """A portfolio (or one section/item of it) as the policy sees it.

    ``visibility``: the effective visibility of what is asked for; ``granted``: the principal holds an active
    grant for that section. Built by ``portfolios.access``/``portfolios.services``."""

    owner_person_id: int
    section: str = ""
    visibility: str = "alleen_ik"
    granted: bool = False


@dataclass(frozen=True)
class OpportunityTarget:
    owner_person_id: int
    status: str = "concept"


@dataclass(frozen=True)
class AgreementTarget:
    employee_person_id: int
    manager_person_id: int | None


@dataclass(frozen=True)
class PoolEntryTarget:
    """A candidate-pool entry: whose it is, who proposed it, and its state now
    (``domain.candidate_pool.state``: voorgesteld, actief, vervallen, verlopen)."""

    person_id: int
    proposer_person_id: int | None
    state: str


@dataclass(frozen=True)
class OrganisationTarget:
    organisation_id: int | None  # None: the Rijk as a whole
    path: str  # "" for the Rijk as a whole


@dataclass(frozen=True)
class ScenarioTarget:
    """A saved MPP scenario as the policy sees it: who made it and for which organisation ("" = the Rijk)."""

    owner_user_id: int | None
    path: str


def can(principal: Principal, action: str, target: Any = None) -> bool:
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    if principal.user_id is None:
        return False
    roles = principal.roles

    if action == "organisation.view":
        return principal.is_civil_servant or bool(roles - {Role.GUEST, Role.EMPLOYEE})
    if action == "taxonomy.view":
        return principal.is_civil_servant or bool(roles - {Role.GUEST, Role.EMPLOYEE})
    if action == "taxonomy.administer":
        # Taxonomy administrators are the organisation administrators of the coordinating ministry (BZK,
        # RPF_TAXONOMY_ADMIN_ORGANISATION): the caller passes that organisation as target (ADR 0006).
        return (
            isinstance(target, OrganisationTarget)
            and target.path != ""
            and principal.covers(Role.ORG_ADMIN, [target.path])
        )
    if action == "organisation.change":
        return (
            isinstance(target, OrganisationTarget)
            and target.path != ""
            and principal.covers(Role.ORG_ADMIN, [target.path])
        )
    if action == "audit.view_own":
        return principal.person_id is not None

    if action.startswith("person."):
        if not isinstance(target, PersonTarget):
            return False
        is_self = principal.person_id == target.person_id
        paths = target.organisation_paths
        hr = principal.covers(Role.HR_ADVISER, paths) or principal.covers(Role.ORG_ADMIN, paths)
        if action == "person.view_card":
            return is_self or principal.is_civil_servant or hr
        if action == "person.view_employment":
            return is_self or hr or principal.covers(Role.MANAGER, paths)
        if action == "person.view_personal":
            return is_self or principal.covers(Role.HR_ADVISER, paths)
        if action == "person.change":
            return hr
        return False

    if action.startswith("portfolio."):
        return _can_portfolio(principal, action, target)
    if action.startswith("stuurinformatie."):
        return _stuurinformatie(principal, action, target)
    if action.startswith("mpp."):
        return _mpp(principal, action, target)
    if action == "matching.monitor_fairness":
        return _can_monitor_fairness(principal, target)
    if action.startswith(("opportunity.", "matching.")):
        return _can_opportunity(principal, action, target)
    if action.startswith("candidate_pool."):
        return _can_candidate_pool(principal, action, target)

    if action == "aggregates.view":
        if not isinstance(target, OrganisationTarget):
            return False
        if Role.ANALYST in roles:
            return True
        if target.path == "":
            return False
        return any(
            principal.covers(role, [target.path])
            for role in (Role.HR_ADVISER, Role.ORG_ADMIN, Role.WORKS_COUNCIL, Role.MANAGER)
        )
    return False


def _can_portfolio(principal: Principal, action: str, target: Any) -> bool:
    """Portfolio rules. Visibility itself is decided by ``domain.visibility`` (the same function
    ``portfolios.access`` uses), so no role can override *alleen ik* or *op aanvraag* here either."""
    roles = principal.roles
    if action == "portfolio.manage_categories":
        # Categories are Rijk-wide reference data; any organisation administrator manages them.
        return Role.ORG_ADMIN in roles
    if action == "portfolio.overview":
        if not isinstance(target, OrganisationTarget):
            return False
        if Role.ANALYST in roles:
            return True
        return target.path != "" and principal.covers(Role.HR_ADVISER, [target.path])
    if not isinstance(target, PortfolioTarget):
        return False
    is_owner = principal.person_id is not None and principal.person_id == target.owner_person_id
    if action in ("portfolio.edit", "portfolio.export"):
        return is_owner
    viewer = visibility.Viewer(
        person_id=principal.person_id,
        is_civil_servant=principal.is_civil_servant,
        granted_sections=frozenset({target.section}) if target.granted else frozenset(),
    )
    if action == "portfolio.request_access":
        return visibility.may_request(viewer=viewer, owner_person_id=target.owner_person_id)
    sees = visibility.may_see(
        viewer=viewer,
        owner_person_id=target.owner_person_id,
        section=target.section,
        visibility=target.visibility,
    )
    if action == "portfolio.view_section":
        return sees
    if action == "portfolio.endorse":
        return sees and not is_owner and principal.is_civil_servant
    return False


def _stuurinformatie(principal: Principal, action: str, target: Any) -> bool:
    """Workforce figures per role (docs/stuurinformatie.md "Who sees what"). Aggregates only, except the
    manager's list of their own teams' people and the HR adviser's secondment register; the works council
    sees aggregates of its own organisation; the analyst aggregates of the whole Rijk and any organisation."""
    if not isinstance(target, OrganisationTarget):
        return False
    paths = [target.path]
    scoped = target.path != ""
    if action == "stuurinformatie.view":
        if Role.ANALYST in principal.roles:
            return True
        return scoped and any(
            principal.covers(role, paths)
            for role in (Role.HR_ADVISER, Role.ORG_ADMIN, Role.WORKS_COUNCIL, Role.MANAGER)
        )
    if action == "stuurinformatie.view_people":
        return scoped and principal.covers(Role.MANAGER, paths)
    if action in (
        "stuurinformatie.view_register",
        "stuurinformatie.explain",
        "stuurinformatie.set_goals",
        "stuurinformatie.set_formation",
    ):
        return scoped and (
            principal.covers(Role.HR_ADVISER, paths) or principal.covers(Role.ORG_ADMIN, paths)
        )
    return False


def _mpp(principal: Principal, action: str, target: Any) -> bool:
    """MPP scenarios (docs/stuurinformatie.md "MPP scenarios"). The organisation's HR advisers and
    administrators plan for their subtree, the analyst for any organisation and the Rijk; the works council
    sees its organisation's saved scenarios (aggregates, like every MPP figure). Computing a scenario without
    saving it is ``stuurinformatie.view``."""
    roles = principal.roles
    if action == "mpp.create":
        if not isinstance(target, OrganisationTarget):
            return False
        return Role.ANALYST in roles or (
            target.path != ""
            and (
                principal.covers(Role.HR_ADVISER, [target.path])
                or principal.covers(Role.ORG_ADMIN, [target.path])
            )
        )
    if not isinstance(target, ScenarioTarget):
        return False
    paths = [target.path]
    scoped = target.path != ""
    if action == "mpp.view":
        return Role.ANALYST in roles or (
            scoped
            and any(
                principal.covers(role, paths)
                for role in (Role.HR_ADVISER, Role.ORG_ADMIN, Role.WORKS_COUNCIL)
            )
        )
    if action == "mpp.change":
        owner = principal.user_id is not None and principal.user_id == target.owner_user_id
        may_plan_here = _mpp(
            principal, "mpp.create", OrganisationTarget(organisation_id=None, path=target.path)
        )
        return (owner and may_plan_here) or (scoped and principal.covers(Role.ORG_ADMIN, paths))
    return False


# Roles that look for people for work: project/hub leaders Rijk-wide, managers, HR advisers, org admins.
_RECRUITING_ROLES = (Role.PROJECT_LEADER, Role.MANAGER, Role.HR_ADVISER, Role.ORG_ADMIN)


def _can_opportunity(principal: Principal, action: str, target: Any) -> bool:
    """Opportunities and matching (issue 4). What a search may show of a person is decided by
    ``domain.visibility`` in the matching adapter, not here."""
    roles = principal.roles
    if not principal.is_civil_servant:
        return False
    if action == "opportunity.create":
        if not isinstance(target, OrganisationTarget) or target.path == "":
            return False
        return Role.PROJECT_LEADER in roles or any(
            principal.covers(role, [target.path]) for role in (Role.MANAGER, Role.HR_ADVISER, Role.ORG_ADMIN)
        )
    if action == "matching.configure":
        return (
            isinstance(target, OrganisationTarget)
            and target.path != ""
            and principal.covers(Role.ORG_ADMIN, [target.path])
        )
    if action == "matching.search_people":
        return any(role in roles for role in _RECRUITING_ROLES)
    if action in ("matching.for_me", "matching.alerts"):
        return True
    if action == "opportunity.decide_agreement":
        return (
            isinstance(target, AgreementTarget)
            and target.manager_person_id is not None
            and target.manager_person_id == principal.person_id
        )
    if not isinstance(target, OpportunityTarget):
        return False
    is_owner = principal.person_id == target.owner_person_id
    if action == "opportunity.edit":
        return is_owner
    if action == "opportunity.view":
        return is_owner or target.status != "concept"
    if action == "opportunity.request_agreement":
        return not is_owner and target.status == "gepubliceerd"
    return False


def _can_monitor_fairness(principal: Principal, target: Any) -> bool:
    """The fairness monitor of matching (aggregates per gender and age band, small groups suppressed): Rijk-wide
    analysts for the Rijk and every organisation; HR advisers for the organisations in their scope."""
    if not isinstance(target, OrganisationTarget):
        return False
    if Role.ANALYST in principal.roles:
        return True
    return target.path != "" and principal.covers(Role.HR_ADVISER, [target.path])


def _can_candidate_pool(principal: Principal, action: str, target: Any) -> bool:
    """The candidate pool: the owner of an opportunity proposes; only the candidate answers; vacancy
    holders (the recruiting roles, Rijk-wide) search, view and contact active entries of others."""
    if not principal.is_civil_servant:
        return False
    recruiter = any(role in principal.roles for role in _RECRUITING_ROLES)
    if action == "candidate_pool.search":
        return recruiter
    if action == "candidate_pool.propose":
        return (
            isinstance(target, OpportunityTarget)
            and target.owner_person_id == principal.person_id
            and target.status != "concept"
        )
    if not isinstance(target, PoolEntryTarget):
        return False
    is_candidate = target.person_id == principal.person_id
    if action == "candidate_pool.respond":
        return is_candidate
    if action == "candidate_pool.cancel":
        return (
            target.state == "voorgesteld"
            and target.proposer_person_id is not None
            and target.proposer_person_id == principal.person_id
        )
    if action in ("candidate_pool.view_entry", "candidate_pool.contact"):
        return target.state == "actief" and recruiter and not is_candidate
    return False
