# SPDX-License-Identifier: EUPL-1.2
"""The authorisation matrix: every URL (web page and API operation) × every role (+ anonymous).

HOW TO ADD A ROW (every new URL pattern needs one, ``test_every_url_has_a_row`` fails otherwise)::

    Row("api:kans-list", "GET", allow=CIVIL_SERVANTS)                       # not object-level
    Row("api:portfolio-detail", "GET", kwargs=lambda w, s: {"id": ...},    # object-level:
        cases={SELF: SIGNED_IN_WITH_PERSON, IN_ORG: HR, OUTSIDE: NOBODY})  # subject per case

* ``name``: the URL name with its namespace (``web:person_detail``, ``api:medewerker-list``).
* ``method``: the HTTP method. Class-based views must have a row per method they implement; function
  views need at least one row for their name.
* ``allow``: who gets through (a set of ``Role`` values and/or ``ANONYMOUS``); everyone else must be
  refused (401/403, or for web pages a redirect to the login page).
* ``cases`` instead of ``allow`` for object-level rules: per subject case the set allowed. The subject is
  a ``Person`` of the shared world (``rijksportfolio.web.tests.world``): SELF = the acting user's own
  person (skipped for accounts without one), IN_ORG = a colleague inside the scopes (team "team-a" under
  BZK), OUTSIDE = someone at another ministry (Belastingdienst, FIN).
* ``kwargs`` / ``body`` / ``query``: values or ``callable(world, subject)`` returning them.

Any outcome other than allow/deny (400, 404, 500, …) is reported as an error of the row: rows must send
valid requests, so that a refusal is always the permission system's doing.

Expected outcomes follow ``accounts.policy`` semantics; the world: employee and colleague in team-a
(BZK), manager of team-a, HR adviser / org admin / works council scoped to BZK, project leader (Logius,
BZK) and analyst (Belastingdienst, FIN) unscoped, a guest without a person.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rijksportfolio.accounts.constants import Role

ANONYMOUS = "anonymous"
PRINCIPALS: tuple[str, ...] = (ANONYMOUS, *Role.values)
# The world's account for each role (rijksportfolio.web.tests.world.ACCOUNTS).
USERNAME_FOR = {
    Role.EMPLOYEE: "medewerker",
    Role.MANAGER: "leidinggevende",
    Role.PROJECT_LEADER: "projectleider",
    Role.HR_ADVISER: "hr-adviseur",
    Role.ORG_ADMIN: "beheerder",
    Role.ANALYST: "analist",
    Role.WORKS_COUNCIL: "or-lid",
    Role.GUEST: "gast",
}

EVERYONE = frozenset(PRINCIPALS)
NOBODY: frozenset[str] = frozenset()
SIGNED_IN = frozenset(Role.values)
CIVIL_SERVANTS = SIGNED_IN - {Role.GUEST}  # every account linked to a person
HR = frozenset({Role.HR_ADVISER, Role.ORG_ADMIN})  # scoped to BZK in the world

SELF, IN_ORG, OUTSIDE = "self", "in_org", "outside"
SUBJECT_KEY = {IN_ORG: "collega", OUTSIDE: "buiten"}

Value = Any | Callable[[Any, Any], Any]


@dataclass(frozen=True)
class Row:
    name: str
    method: str = "GET"
    allow: frozenset[str] | None = None
    cases: dict[str, frozenset[str]] | None = None
    kwargs: Value = field(default_factory=dict)
    body: Value = None
    query: Value = None
    web: bool = False  # web page: anonymous refusals are redirects to the login page
    note: str = ""

    def __post_init__(self) -> None:
        assert (self.allow is None) != (self.cases is None), f"{self.name}: give allow or cases"


def _current_employment_id(subject: Any) -> int:
    return subject.employments.filter(end_date__isnull=True).order_by("start_date").first().pk


def _new_person(world: Any, subject: Any) -> dict[str, Any]:
    return {
        "personeelsnummer": "NIEUW-0001",
        "voornaam": "Kim",
        "achternaam": "Nieuw",
        "geboortedatum": "1990-05-01",
        "dienstverband": {**_employment_body(world, subject), "organisatie": "team-a"},
    }


def _employment_body(world: Any, subject: Any) -> dict[str, Any]:
    return {
        "organisatie": "logius",
        "functienaam": "Beleidsmedewerker",
        "functiefamilie": "beleid",
        "werksoort": "policy",
        "salarisschaal": 11,
        "fte": 0.5,
        "soortDienstverband": "temporary",
        "begindatum": "2025-03-01",
    }


def _person_number(world: Any, subject: Any) -> dict[str, Any]:
    return {"personeelsnummer": subject.personnel_number}


PERSON_CARD = {SELF: CIVIL_SERVANTS, IN_ORG: CIVIL_SERVANTS, OUTSIDE: CIVIL_SERVANTS}
EMPLOYMENT_HISTORY = {SELF: CIVIL_SERVANTS, IN_ORG: HR | {Role.MANAGER}, OUTSIDE: NOBODY}
# HR adviser and org admin work in BZK themselves: changing their own records is within their scope.
PERSON_CHANGE = {SELF: HR, IN_ORG: HR, OUTSIDE: NOBODY}

ROWS: list[Row] = [
    # --- API: root -------------------------------------------------------------------------------------
    Row("api:openapi-json", allow=EVERYONE),
    Row("api:openapi-yaml", allow=EVERYONE),
    # --- API: organisations --------------------------------------------------------------------------
    Row("api:organisatie-list", allow=CIVIL_SERVANTS),
    Row("api:organisatie-detail", allow=CIVIL_SERVANTS, kwargs={"code": "bzk"}),
    Row("api:werklocatie-list", allow=CIVIL_SERVANTS),
    Row(
        "api:werklocatie-detail",
        allow=CIVIL_SERVANTS,
        kwargs=lambda w, s: {"code": w.orgs["bzk"].locations.first().code},
    ),
    # --- API: people -----------------------------------------------------------------------------------
    Row("api:medewerker-list", allow=CIVIL_SERVANTS),
    Row("api:medewerker-list", "POST", allow=HR, body=_new_person, note="first record in team-a (BZK)"),
    Row("api:medewerker-zoek", "POST", allow=CIVIL_SERVANTS, body={"naam": "Jansen"}),
    Row("api:medewerker-detail", cases=PERSON_CARD, kwargs=_person_number),
    Row("api:dienstverband-list", cases=EMPLOYMENT_HISTORY, kwargs=_person_number),
    Row("api:dienstverband-list", "POST", cases=PERSON_CHANGE, kwargs=_person_number, body=_employment_body),
    Row(
        "api:dienstverband-detail",
        cases=EMPLOYMENT_HISTORY,
        kwargs=lambda w, s: {"personeelsnummer": s.personnel_number, "id": _current_employment_id(s)},
    ),
    Row(
        "api:dienstverband-detail",
        "PATCH",
        cases=PERSON_CHANGE,
        kwargs=lambda w, s: {"personeelsnummer": s.personnel_number, "id": _current_employment_id(s)},
        body={"einddatum": date(2025, 2, 28).isoformat(), "redenEinde": "mobility"},
    ),
    # --- i18n --------------------------------------------------------------------------------------------
    Row("set_language", "POST", allow=EVERYONE, body={"language": "en", "next": "/"}, web=True),
    # --- web ---------------------------------------------------------------------------------------------
    Row("web:health", allow=EVERYONE, web=True),
    Row("web:login", allow=EVERYONE, web=True),
    Row(
        "web:login", "POST", allow=EVERYONE, body={}, web=True, note="empty form: re-shown, no login attempt"
    ),
    Row("web:logout", "POST", allow=EVERYONE, web=True),
    Row("web:home", allow=SIGNED_IN, web=True),
    Row("web:organisation_list", allow=CIVIL_SERVANTS, web=True),
    Row(
        "web:organisation_detail",
        allow=CIVIL_SERVANTS,
        kwargs=lambda w, s: {"pk": w.orgs["bzk"].pk},
        web=True,
    ),
    Row(
        "web:organisation_children",
        allow=CIVIL_SERVANTS,
        kwargs=lambda w, s: {"pk": w.orgs["bzk"].pk},
        web=True,
    ),
    Row("web:person_list", allow=CIVIL_SERVANTS, web=True),
    Row("web:person_detail", cases=PERSON_CARD, kwargs=lambda w, s: {"pk": s.pk}, web=True),
    Row("web:my_audit", allow=CIVIL_SERVANTS, web=True),
    # Rijk-wide aggregates (aggregates.view for the whole Rijk): analysts only; the downloads likewise.
    Row("web:figures", allow=frozenset({Role.ANALYST}), web=True),
    Row(
        "web:figures",
        allow=frozenset({Role.ANALYST}),
        query={"formaat": "csv"},
        web=True,
        note="CSV download",
    ),
]


def rows_for(name: str) -> list[Row]:
    return [row for row in ROWS if row.name == name]


# --- opportunities and matching (issue 4) ------------------------------------------------------------------
def _opportunity(w: Any, *, published: bool = True) -> Any:
    """An opportunity of the world's project leader (made inside the row's rolled-back transaction)."""
    from rijksportfolio.opportunities.models import Opportunity, OpportunitySkill
    from rijksportfolio.skills.tests.factories import SkillFactory

    opportunity = Opportunity.objects.create(
        kind="project", title="Matrixproject", description="Doe mee.", organisation=w.orgs["logius"],
        work_mode="op_afstand", owner=w.users[USERNAME_FOR[Role.PROJECT_LEADER]].person,
        status="gepubliceerd" if published else "concept",
    )  # fmt: skip
    OpportunitySkill.objects.create(opportunity=opportunity, skill=SkillFactory())
    return opportunity


LEADER = frozenset({Role.PROJECT_LEADER})
RECRUITERS = frozenset({Role.PROJECT_LEADER, Role.MANAGER, Role.HR_ADVISER, Role.ORG_ADMIN})
_NEW_KANS = {"soort": "klus", "titel": "Een klus", "organisatie": "team-a", "werkwijze": "op_afstand"}

ROWS += [
    Row("api:kans-list", allow=CIVIL_SERVANTS),
    Row("api:kans-list", "POST", allow=RECRUITERS, body=_NEW_KANS, note="team-a: in every recruiter's scope"),
    Row("api:kans-detail", allow=CIVIL_SERVANTS, kwargs=lambda w, s: {"id": _opportunity(w).pk}),
    Row(
        "api:kans-detail",
        "PATCH",
        allow=LEADER,
        kwargs=lambda w, s: {"id": _opportunity(w).pk},
        body={"titel": "Nieuw"},
    ),
    Row(
        "api:kans-detail",
        "DELETE",
        allow=LEADER,
        kwargs=lambda w, s: {"id": _opportunity(w, published=False).pk},
    ),
    Row(
        "api:kans-publiceer",
        "POST",
        allow=LEADER,
        kwargs=lambda w, s: {"id": _opportunity(w, published=False).pk},
    ),
    Row("api:kans-sluit", "POST", allow=LEADER, kwargs=lambda w, s: {"id": _opportunity(w).pk}),
    Row(
        "api:kans-kandidaten-zoek",
        "POST",
        allow=LEADER,
        kwargs=lambda w, s: {"id": _opportunity(w).pk},
        body={},
    ),
    Row("api:expertise-zoek", "POST", allow=RECRUITERS, body={"tekst": "beleid"}),
]

_PAGE = lambda w, s: {"pk": _opportunity(w).pk}  # noqa: E731
ROWS += [
    Row("kansen:list", allow=CIVIL_SERVANTS, web=True),
    Row("kansen:create", allow=RECRUITERS, web=True),
    Row("kansen:detail", allow=CIVIL_SERVANTS, kwargs=_PAGE, web=True),
    Row(
        "kansen:action",
        "POST",
        allow=LEADER,
        kwargs=lambda w, s: {"pk": _opportunity(w).pk, "action": "sluiten"},
        web=True,
    ),
    Row(
        "kansen:shortlist",
        "POST",
        allow=LEADER,
        kwargs=_PAGE,
        web=True,
        body=lambda w, s: {"person": w.people["collega"].pk, "reason": "Kent het werk"},
    ),
    Row(
        "kansen:agreement",
        "POST",
        allow=CIVIL_SERVANTS - LEADER,
        kwargs=_PAGE,
        web=True,
        body={"hours_per_week": 4},
    ),
    Row("kansen:for_me", allow=CIVIL_SERVANTS, web=True),
    Row("kansen:expertise", allow=RECRUITERS, web=True, query={"text": "beleid"}),
    Row("kansen:how_ranking_works", allow=EVERYONE, web=True),
]
