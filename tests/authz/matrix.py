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
  Portfolio rows add the visibility cases RIJK_VISIBLE, GRANTED, NOT_GRANTED and PRIVATE: people whose
  whole portfolio is in that state (``rijksportfolio.portfolios.tests.world``); ``world.portfolio`` holds
  every person's portfolio, item, profile skill, access requests and a notification, by person id.
* ``kwargs`` / ``body`` / ``query``: values or ``callable(world, subject)`` returning them.

Any outcome other than allow/deny (400, 404, 500, …) is reported as an error of the row: rows must send
valid requests, so that a refusal is always the permission system's doing.

Expected outcomes follow ``accounts.policy`` semantics; the world: employee and colleague in team-a
(BZK), manager of team-a, HR adviser / org admin / works council scoped to BZK, project leader (Logius,
BZK) and analyst (Belastingdienst, FIN) unscoped, a guest without a person.
"""

from __future__ import annotations

import json
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
# Portfolio visibility states (rijksportfolio.portfolios.tests.world): a person whose every section is
# rijk / op aanvraag with a grant for every account / op aanvraag without grants / alleen ik.
RIJK_VISIBLE, GRANTED, NOT_GRANTED, PRIVATE = "rijk", "granted", "on_request", "private"
SUBJECT_KEY = {
    IN_ORG: "collega",
    OUTSIDE: "buiten",
    RIJK_VISIBLE: "open",
    GRANTED: "gedeeld",
    NOT_GRANTED: "op-aanvraag",
    PRIVATE: "prive",
}

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


def _skill(world: Any, subject: Any) -> int:
    """A skill and a recorded taxonomy version (the autocomplete index is then built from the database)."""
    from rijksportfolio.skills.models import TaxonomyVersion
    from rijksportfolio.skills.tests.factories import SkillFactory

    TaxonomyVersion.objects.get_or_create(version="matrix", defaults={"source": "matrix", "checksum": "-"})
    return int(SkillFactory(preferred_label_nl="beleid ontwikkelen").pk)


def _skill_search(world: Any, subject: Any) -> dict[str, Any]:
    _skill(world, subject)
    return {"zoek": "beleid"}


# --- taxonomy administration (skills): org administrators of the coordinating ministry (BZK) ----------
TAXONOMY_ADMINS = frozenset({Role.ORG_ADMIN})  # the world's "beheerder" is org admin of BZK


def _english_skill(world: Any, subject: Any) -> Any:
    from rijksportfolio.skills.tests.factories import SkillFactory

    return SkillFactory(preferred_label_nl="", preferred_label_en="manage budgets")


def _labelled_skill(world: Any, subject: Any) -> dict[str, Any]:
    from rijksportfolio.skills import services

    skill = _english_skill(world, subject)
    services.dutch_label_set(actor=None, skill=skill, label="budgetten beheren")
    return {"pk": skill.pk}


def _labelled_skill_api(world: Any, subject: Any) -> dict[str, Any]:
    return {"id": _labelled_skill(world, subject)["pk"]}


def _rijk_skill(world: Any, subject: Any) -> Any:
    from rijksportfolio.skills import services

    skill, _changed = services.rijk_skill_save(
        actor=None, key="matrix", label="IAK toepassen", broader_uri=_english_skill(world, subject).uri
    )
    return skill


def _rijk_skill_body(world: Any, subject: Any) -> dict[str, Any]:
    return {
        "sleutel": "matrix-nieuw",
        "naam": "Wetgevingstoets uitvoeren",
        "soort": "vaardigheid",
        "breder": _english_skill(world, subject).uri,
    }


def _extension_csv(world: Any, subject: Any) -> dict[str, Any]:
    from django.core.files.uploadedfile import SimpleUploadedFile

    skill = _english_skill(world, subject)
    data = f"uri;naam\r\n{skill.uri};budgetten beheren\r\n".encode()
    return {"bestand": SimpleUploadedFile("rijk.csv", data, content_type="text/csv")}


TAXONOMY_ROWS: list[Row] = [
    Row("taxonomie:index", allow=TAXONOMY_ADMINS, web=True),
    Row("taxonomie:index", allow=TAXONOMY_ADMINS, query=_skill_search, web=True),
    Row("taxonomie:candidates", allow=TAXONOMY_ADMINS, web=True),
    Row(
        "taxonomie:label",
        allow=TAXONOMY_ADMINS,
        kwargs=lambda w, s: {"pk": _english_skill(w, s).pk},
        web=True,
    ),
    Row(
        "taxonomie:label",
        "POST",
        allow=TAXONOMY_ADMINS,
        kwargs=lambda w, s: {"pk": _english_skill(w, s).pk},
        body={"naam": "budgetten beheren", "alternatieve_namen": "begroting beheren"},
        web=True,
    ),
    Row("taxonomie:label_remove", "POST", allow=TAXONOMY_ADMINS, kwargs=_labelled_skill, web=True),
    Row("taxonomie:rijk_skill_create", allow=TAXONOMY_ADMINS, web=True),
    Row("taxonomie:rijk_skill_create", "POST", allow=TAXONOMY_ADMINS, body=_rijk_skill_body, web=True),
    Row(
        "taxonomie:rijk_skill_update",
        allow=TAXONOMY_ADMINS,
        kwargs=lambda w, s: {"pk": _rijk_skill(w, s).pk},
        web=True,
    ),
    Row(
        "taxonomie:rijk_skill_update",
        "POST",
        allow=TAXONOMY_ADMINS,
        kwargs=lambda w, s: {"pk": _rijk_skill(w, s).pk},
        body=_rijk_skill_body,
        web=True,
    ),
    Row(
        "taxonomie:rijk_skill_delete",
        "POST",
        allow=TAXONOMY_ADMINS,
        kwargs=lambda w, s: {"pk": _rijk_skill(w, s).pk},
        web=True,
    ),
    Row("taxonomie:export", allow=TAXONOMY_ADMINS, web=True),
    Row("taxonomie:import", allow=TAXONOMY_ADMINS, web=True),
    Row("taxonomie:import", "POST", allow=TAXONOMY_ADMINS, body=_extension_csv, web=True),
    Row("api:vaardigheid-nederlandse-naam", allow=CIVIL_SERVANTS, kwargs=_labelled_skill_api),
    Row(
        "api:vaardigheid-nederlandse-naam",
        "PUT",
        allow=TAXONOMY_ADMINS,
        kwargs=lambda w, s: {"id": _english_skill(w, s).pk},
        body={"naam": "budgetten beheren", "alternatieveNamen": ["begroting beheren"]},
    ),
    Row("api:vaardigheid-nederlandse-naam", "DELETE", allow=TAXONOMY_ADMINS, kwargs=_labelled_skill_api),
    Row("api:rijk-vaardigheid-list", allow=CIVIL_SERVANTS),
    Row("api:rijk-vaardigheid-list", "POST", allow=TAXONOMY_ADMINS, body=_rijk_skill_body),
    Row(
        "api:rijk-vaardigheid-detail",
        allow=CIVIL_SERVANTS,
        kwargs=lambda w, s: {"sleutel": _rijk_skill(w, s).uri.rsplit(":", 1)[-1]},
    ),
    Row(
        "api:rijk-vaardigheid-detail",
        "PUT",
        allow=TAXONOMY_ADMINS,
        kwargs=lambda w, s: {"sleutel": _rijk_skill(w, s).uri.rsplit(":", 1)[-1]},
        body=lambda w, s: {k: v for k, v in _rijk_skill_body(w, s).items() if k != "sleutel"},
    ),
    Row(
        "api:rijk-vaardigheid-detail",
        "DELETE",
        allow=TAXONOMY_ADMINS,
        kwargs=lambda w, s: {"sleutel": _rijk_skill(w, s).uri.rsplit(":", 1)[-1]},
    ),
    Row("api:rijk-uitbreiding", allow=TAXONOMY_ADMINS),
    Row(
        "api:rijk-uitbreiding-importeer",
        "POST",
        allow=TAXONOMY_ADMINS,
        body={"inhoud": "uri;naam;alternatieve namen;omschrijving;soort;breder\r\n"},
    ),
]


PERSON_CARD = {SELF: CIVIL_SERVANTS, IN_ORG: CIVIL_SERVANTS, OUTSIDE: CIVIL_SERVANTS}
EMPLOYMENT_HISTORY = {SELF: CIVIL_SERVANTS, IN_ORG: HR | {Role.MANAGER}, OUTSIDE: NOBODY}
# HR adviser and org admin work in BZK themselves: changing their own records is within their scope.
PERSON_CHANGE = {SELF: HR, IN_ORG: HR, OUTSIDE: NOBODY}

# --- portfolio pages (pweb) -------------------------------------------------------------------------------
OWN = {SELF: CIVIL_SERVANTS, IN_ORG: NOBODY, OUTSIDE: NOBODY}  # the owner's own object only
# Someone's portfolio page: any civil servant, whatever the visibility (what it shows differs).
PORTFOLIO_PAGE = {
    case: CIVIL_SERVANTS for case in (SELF, IN_ORG, OUTSIDE, RIJK_VISIBLE, GRANTED, NOT_GRANTED, PRIVATE)
}
# One section of someone's portfolio (the world's colleagues keep everything "alleen ik").
SECTION_VISIBLE = {
    SELF: CIVIL_SERVANTS,
    IN_ORG: NOBODY,
    OUTSIDE: NOBODY,
    RIJK_VISIBLE: CIVIL_SERVANTS,
    GRANTED: CIVIL_SERVANTS,
    NOT_GRANTED: NOBODY,
    PRIVATE: NOBODY,
}
# Asking for access: only to an "op aanvraag" section without a grant yet, never one's own.
REQUESTABLE = {
    SELF: NOBODY,
    IN_ORG: NOBODY,
    RIJK_VISIBLE: NOBODY,
    GRANTED: NOBODY,
    NOT_GRANTED: CIVIL_SERVANTS,
    PRIVATE: NOBODY,
}
# Endorsing a skill: whoever sees the skills profile, except the owner.
ENDORSABLE = {
    SELF: NOBODY,
    IN_ORG: NOBODY,
    RIJK_VISIBLE: CIVIL_SERVANTS,
    GRANTED: CIVIL_SERVANTS,
    NOT_GRANTED: NOBODY,
    PRIVATE: NOBODY,
}
CATEGORY_ADMINS = frozenset({Role.ORG_ADMIN})
FIELD_ROWS = {
    "veld-TOTAL_FORMS": "1",
    "veld-INITIAL_FORMS": "0",
    "veld-MIN_NUM_FORMS": "0",
    "veld-MAX_NUM_FORMS": "30",
}


def _category(key: str) -> Callable[[Any, Any], dict[str, Any]]:
    from rijksportfolio.portfolios.models import ItemCategory

    return lambda w, s: {"pk": ItemCategory.objects.get(key=key).pk}


def _new_category(world: Any, subject: Any) -> dict[str, Any]:
    return {
        **FIELD_ROWS,
        "key": "spreekbeurt",
        "part": "vrij",
        "label_nl": "Spreekbeurt",
        "label_en": "Talk",
        "veld-0-key": "publiek",
        "veld-0-label_nl": "Publiek",
        "veld-0-type": "text",
    }


def _category_change(world: Any, subject: Any) -> dict[str, Any]:
    from rijksportfolio.portfolios.forms import category_field_initial
    from rijksportfolio.portfolios.models import ItemCategory

    category = ItemCategory.objects.get(key="cursus")
    rows = category_field_initial(category)
    body = {**FIELD_ROWS, "veld-TOTAL_FORMS": str(len(rows)), "veld-INITIAL_FORMS": str(len(rows))}
    for i, row in enumerate(rows):
        body |= {f"veld-{i}-{k}": v for k, v in row.items() if v not in (False, "")}
    return body | {"label_nl": "Cursus of training", "label_en": "Course or training"}


VISIBILITY_BODY = {s: "alleen_ik" for s in ("dossier", "analytisch", "ambitie", "vrij", "vaardigheden")}


def _pw(world: Any) -> Any:
    return world.portfolio


def _own(kind: str) -> Callable[[Any, Any], dict[str, Any]]:
    return lambda w, s: {"pk": getattr(_pw(w), kind)[s.pk].pk}


def _other_skill(world: Any, subject: Any) -> dict[str, Any]:
    return {"skill": _pw(world).skills[world.people["open"].pk].skill_id, "level": "basis"}


PORTFOLIO_ROWS: list[Row] = [
    Row("portfolios:mine", allow=CIVIL_SERVANTS, web=True),
    Row("portfolios:first_use", allow=CIVIL_SERVANTS, web=True),
    Row("portfolios:first_use", "POST", allow=CIVIL_SERVANTS, body=VISIBILITY_BODY, web=True),
    Row("portfolios:visibility", allow=CIVIL_SERVANTS, web=True),
    Row("portfolios:visibility", "POST", allow=CIVIL_SERVANTS, body=VISIBILITY_BODY, web=True),
    Row("portfolios:settings", allow=CIVIL_SERVANTS, web=True),
    Row("portfolios:settings", "POST", allow=CIVIL_SERVANTS, body={"headline": "Adviseur"}, web=True),
    Row("portfolios:consent", "POST", allow=CIVIL_SERVANTS, body={"matching_consent": "on"}, web=True),
    Row("portfolios:part", allow=CIVIL_SERVANTS, kwargs={"part": "dossier"}, web=True),
    Row(
        "portfolios:section_visibility",
        "POST",
        allow=CIVIL_SERVANTS,
        kwargs={"part": "dossier"},
        body={"visibility": "rijk"},
        web=True,
    ),
    Row(
        "portfolios:item_create",
        allow=CIVIL_SERVANTS,
        kwargs={"part": "vrij", "category": "interesse"},
        web=True,
    ),
    Row(
        "portfolios:item_create",
        "POST",
        allow=CIVIL_SERVANTS,
        kwargs={"part": "vrij", "category": "interesse"},
        body={"title": "Fietsen"},
        web=True,
    ),
    Row("portfolios:item_update", cases=OWN, kwargs=_own("items"), web=True),
    Row(
        "portfolios:item_update", "POST", cases=OWN, kwargs=_own("items"), body={"title": "Anders"}, web=True
    ),
    Row(
        "portfolios:item_visibility",
        "POST",
        cases=OWN,
        kwargs=_own("items"),
        body={"visibility": "rijk"},
        web=True,
    ),
    Row("portfolios:item_delete", cases=OWN, kwargs=_own("items"), web=True),
    Row("portfolios:item_delete", "POST", cases=OWN, kwargs=_own("items"), web=True),
    Row("portfolios:skills", allow=CIVIL_SERVANTS, web=True),
    Row("portfolios:skills", "POST", allow=CIVIL_SERVANTS, body=_other_skill, web=True),
    Row("portfolios:skill_update", cases=OWN, kwargs=_own("skills"), web=True),
    Row(
        "portfolios:skill_update",
        "POST",
        cases=OWN,
        kwargs=_own("skills"),
        body={"level": "expert"},
        web=True,
    ),
    Row("portfolios:skill_remove", "POST", cases=OWN, kwargs=_own("skills"), web=True),
    Row("portfolios:preview", allow=CIVIL_SERVANTS, query={"als": "grant"}, web=True),
    Row("portfolios:requests", allow=CIVIL_SERVANTS, web=True),
    Row(
        "portfolios:request_approve",
        "POST",
        cases=OWN,
        kwargs=_own("pending_to"),
        body={"days": "30"},
        web=True,
    ),
    Row("portfolios:request_decline", "POST", cases=OWN, kwargs=_own("pending_to"), web=True),
    Row("portfolios:request_withdraw", "POST", cases=OWN, kwargs=_own("pending_by"), web=True),
    Row("portfolios:grant_revoke", "POST", cases=OWN, kwargs=_own("grant_to"), web=True),
    Row("portfolios:views_log", allow=CIVIL_SERVANTS, web=True),
    Row("portfolios:export", allow=CIVIL_SERVANTS, web=True),
    Row(
        "portfolios:person_portfolio", cases=PORTFOLIO_PAGE, kwargs=lambda w, s: {"person_pk": s.pk}, web=True
    ),
    Row(
        "portfolios:person_section",
        cases=SECTION_VISIBLE,
        kwargs=lambda w, s: {"person_pk": s.pk, "section": "dossier"},
        web=True,
    ),
    Row(
        "portfolios:person_section",
        cases=SECTION_VISIBLE,
        kwargs=lambda w, s: {"person_pk": s.pk, "section": "vaardigheden"},
        web=True,
        note="the skills profile",
    ),
    Row(
        "portfolios:request_access",
        cases=REQUESTABLE,
        kwargs=lambda w, s: {"person_pk": s.pk, "section": "dossier"},
        web=True,
    ),
    Row(
        "portfolios:request_access",
        "POST",
        cases=REQUESTABLE,
        kwargs=lambda w, s: {"person_pk": s.pk, "section": "dossier"},
        body={"purpose": "Kennismaking voor een project"},
        web=True,
    ),
    Row(
        "portfolios:endorse",
        "POST",
        cases=ENDORSABLE,
        kwargs=lambda w, s: {"person_pk": s.pk, "pk": _pw(w).skills[s.pk].pk},
        web=True,
    ),
    # --- item categories (pweb): Rijk-wide reference data, any organisation administrator ---
    Row("portfolios:category_list", allow=CATEGORY_ADMINS, web=True),
    Row("portfolios:category_create", allow=CATEGORY_ADMINS, web=True),
    Row("portfolios:category_create", "POST", allow=CATEGORY_ADMINS, body=_new_category, web=True),
    Row("portfolios:category_update", allow=CATEGORY_ADMINS, kwargs=_category("cursus"), web=True),
    Row(
        "portfolios:category_update",
        "POST",
        allow=CATEGORY_ADMINS,
        kwargs=_category("cursus"),
        body=_category_change,
        web=True,
    ),
    Row("portfolios:category_retire", "POST", allow=CATEGORY_ADMINS, kwargs=_category("cursus"), web=True),
    Row("portfolios:category_restore", "POST", allow=CATEGORY_ADMINS, kwargs=_category("cursus"), web=True),
    # --- notifications (pweb) ---
    Row("notifications:inbox", allow=SIGNED_IN, web=True),
    Row("notifications:mark_all_read", "POST", allow=SIGNED_IN, web=True),
    Row("notifications:mark_read", "POST", cases=OWN, kwargs=_own("notifications"), web=True),
]


# --- portfolio API (papi) --------------------------------------------------------------------------------
# The owner only, whatever the portfolio's visibility (no role edits someone else's portfolio).
OWNER_ONLY = {SELF: CIVIL_SERVANTS, IN_ORG: NOBODY, OUTSIDE: NOBODY, RIJK_VISIBLE: NOBODY, GRANTED: NOBODY}


def _pid(world: Any, subject: Any) -> dict[str, Any]:
    return {"id": _pw(world).portfolios[subject.pk].pk}


def _pid_and(**extra: Any) -> Callable[[Any, Any], dict[str, Any]]:
    return lambda w, s: {**_pid(w, s), **extra}


def _own_item(world: Any, subject: Any) -> dict[str, Any]:
    return {**_pid(world, subject), "onderdeelId": _pw(world).items[subject.pk].pk}


def _item_with_visibility(visibility: str) -> Callable[[Any, Any], dict[str, Any]]:
    """A new item of the subject's Dossierdeel with its own visibility (overriding the section's)."""

    def make(world: Any, subject: Any) -> dict[str, Any]:
        from rijksportfolio.portfolios.tests.factories import ItemFactory

        item = ItemFactory(portfolio=_pw(world).portfolios[subject.pk], visibility=visibility)
        return {**_pid(world, subject), "onderdeelId": item.pk}

    return make


def _own_skill(world: Any, subject: Any) -> dict[str, Any]:
    return {**_pid(world, subject), "vaardigheidId": _pw(world).skills[subject.pk].skill_id}


def _new_skill(world: Any, subject: Any) -> dict[str, Any]:
    from rijksportfolio.skills.tests.factories import SkillFactory

    return {**_pid(world, subject), "vaardigheidId": SkillFactory().pk}


def _endorsed_skill(world: Any, subject: Any) -> dict[str, Any]:
    """The subject's profile skill, endorsed by every account of the world (so each may withdraw theirs)."""
    from rijksportfolio.portfolios.models import Endorsement

    skill = _pw(world).skills[subject.pk]
    for user in world.users.values():
        if user.person_id is not None and user.person_id != subject.pk:
            Endorsement.objects.get_or_create(portfolio_skill=skill, endorser_id=user.person_id)
    return _own_skill(world, subject)


def _request_id(kind: str) -> Callable[[Any, Any], dict[str, Any]]:
    return lambda w, s: {"id": getattr(_pw(w), kind)[s.pk].pk}


def _access_request_body(world: Any, subject: Any) -> dict[str, Any]:
    portfolio = _pw(world).portfolios[subject.pk]
    return {"portfolio": portfolio.pk, "deel": "dossier", "doel": "Kennismaking voor een project"}


def _notification_id(world: Any, subject: Any) -> dict[str, Any]:
    return {"id": _pw(world).notifications[subject.pk].pk}


def _new_category_api(world: Any, subject: Any) -> dict[str, Any]:
    return {"sleutel": "spreekbeurt", "deel": "vrij", "naam": "Spreekbeurt", "naamEngels": "Talk"}


def _import_document(world: Any, subject: Any) -> dict[str, Any]:
    from rijksportfolio.portfolios.tests.api_samples import empty_export_document

    return empty_export_document()


PORTFOLIO_API_ROWS: list[Row] = [
    Row("api:portfolio-mijn", allow=CIVIL_SERVANTS),
    Row("api:portfolio-zoek", "POST", allow=CIVIL_SERVANTS, body={"naam": "Jansen"}),
    Row("api:portfolio-export", cases=OWNER_ONLY, kwargs=_pid),
    Row("api:portfolio-import", "POST", cases=OWNER_ONLY, kwargs=_pid, body=_import_document),
    Row("api:portfolio-detail", cases=PORTFOLIO_PAGE, kwargs=_pid),
    Row("api:portfolio-detail", "PATCH", cases=OWNER_ONLY, kwargs=_pid, body={"kopregel": "Adviseur"}),
    Row("api:portfolio-zichtbaarheid", cases=OWNER_ONLY, kwargs=_pid),
    Row("api:portfolio-zichtbaarheid", "PATCH", cases=OWNER_ONLY, kwargs=_pid, body={"dossier": "rijk"}),
    Row("api:portfolio-toestemming", cases=OWNER_ONLY, kwargs=_pid),
    Row("api:portfolio-toestemming", "PUT", cases=OWNER_ONLY, kwargs=_pid, body={"toestemming": True}),
    Row("api:portfolio-bekijk-als", cases=OWNER_ONLY, kwargs=_pid, query={"als": "grant"}),
    Row("api:portfolio-bekeken", cases=OWNER_ONLY, kwargs=_pid),
    Row("api:portfolio-vaardigheidsuggesties", cases=OWNER_ONLY, kwargs=_pid),
    Row("api:portfolio-deel", cases=SECTION_VISIBLE, kwargs=_pid_and(deel="dossier")),
    Row("api:portfolio-deel", cases=SECTION_VISIBLE, kwargs=_pid_and(deel="vaardigheden"), note="skills"),
    Row("api:onderdeel-list", cases=PORTFOLIO_PAGE, kwargs=_pid, note="what is visible, never a refusal"),
    Row("api:onderdeel-list", cases=SECTION_VISIBLE, kwargs=_pid, query={"deel": "dossier"}),
    Row(
        "api:onderdeel-list",
        "POST",
        cases=OWNER_ONLY,
        kwargs=_pid,
        body={"soort": "interesse", "titel": "Fietsen"},
    ),
    Row("api:onderdeel-detail", cases=SECTION_VISIBLE, kwargs=_own_item, note="the item follows its section"),
    Row(
        "api:onderdeel-detail",
        cases={case: CIVIL_SERVANTS for case in SECTION_VISIBLE},
        kwargs=_item_with_visibility("rijk"),
        note="item rijk in any section",
    ),
    Row(
        "api:onderdeel-detail",
        cases={**OWNER_ONLY, NOT_GRANTED: NOBODY, PRIVATE: NOBODY},
        kwargs=_item_with_visibility("alleen_ik"),
        note="item alleen ik, even in a rijk or granted section",
    ),
    Row("api:onderdeel-detail", "PATCH", cases=OWNER_ONLY, kwargs=_own_item, body={"titel": "Anders"}),
    Row("api:onderdeel-detail", "DELETE", cases=OWNER_ONLY, kwargs=_own_item),
    Row("api:profielvaardigheid-list", cases=SECTION_VISIBLE, kwargs=_pid),
    Row(
        "api:profielvaardigheid-detail", "PUT", cases=OWNER_ONLY, kwargs=_new_skill, body={"niveau": "expert"}
    ),
    Row("api:profielvaardigheid-detail", "DELETE", cases=OWNER_ONLY, kwargs=_own_skill),
    Row("api:onderschrijving-mijn", "PUT", cases=ENDORSABLE, kwargs=_own_skill),
    Row(
        "api:onderschrijving-mijn",
        "DELETE",
        cases={case: CIVIL_SERVANTS for case in ENDORSABLE if case != SELF},
        kwargs=_endorsed_skill,
        note="an endorser may always take their own endorsement back",
    ),
    Row("api:inzageverzoek-list", allow=CIVIL_SERVANTS, query={"richting": "uitgaand"}),
    Row("api:inzageverzoek-list", "POST", cases=REQUESTABLE, body=_access_request_body),
    Row("api:inzageverzoek-detail", cases=OWN, kwargs=_request_id("pending_to"), note="as the owner"),
    Row("api:inzageverzoek-detail", cases=OWN, kwargs=_request_id("pending_by"), note="as the requester"),
    Row(
        "api:inzageverzoek-goedkeuren",
        "POST",
        cases=OWN,
        kwargs=_request_id("pending_to"),
        body={"dagen": 30},
    ),
    Row(
        "api:inzageverzoek-goedkeuren",
        "POST",
        cases={**OWN, SELF: NOBODY},
        kwargs=_request_id("pending_by"),
        body={"dagen": 30},
        note="the requester cannot approve their own request",
    ),
    Row("api:inzageverzoek-afwijzen", "POST", cases=OWN, kwargs=_request_id("pending_to")),
    Row("api:inzageverzoek-terugtrekken", "POST", cases=OWN, kwargs=_request_id("pending_by")),
    Row(
        "api:inzageverzoek-terugtrekken",
        "POST",
        cases={**OWN, SELF: NOBODY},
        kwargs=_request_id("pending_to"),
        note="only the requester withdraws",
    ),
    Row("api:inzageverzoek-intrekken", "POST", cases=OWN, kwargs=_request_id("grant_to")),
    Row("api:melding-list", allow=SIGNED_IN),
    Row("api:melding-detail", cases=OWN, kwargs=_notification_id),
    Row("api:melding-detail", "PATCH", cases=OWN, kwargs=_notification_id, body={"gelezen": True}),
    Row("api:onderdeelsoort-list", allow=CIVIL_SERVANTS),
    Row("api:onderdeelsoort-list", allow=CATEGORY_ADMINS, query={"buitenGebruik": "true"}),
    Row("api:onderdeelsoort-list", "POST", allow=CATEGORY_ADMINS, body=_new_category_api),
    Row("api:onderdeelsoort-detail", allow=CIVIL_SERVANTS, kwargs={"sleutel": "cursus"}),
    Row(
        "api:onderdeelsoort-detail",
        "PATCH",
        allow=CATEGORY_ADMINS,
        kwargs={"sleutel": "cursus"},
        body={"naam": "Cursus of training"},
    ),
    Row("api:onderdeelsoort-buiten-gebruik", "POST", allow=CATEGORY_ADMINS, kwargs={"sleutel": "cursus"}),
    Row("api:onderdeelsoort-weer-in-gebruik", "POST", allow=CATEGORY_ADMINS, kwargs={"sleutel": "cursus"}),
]


# --- evidence, export and import pages (pfiles) ----------------------------------------------------------


def _evidence(world: Any, subject: Any) -> dict[str, Any]:
    """A fresh evidence file on the subject's item (made inside the row's transaction, rolled back after)."""
    from rijksportfolio.portfolios.tests.factories import EvidenceFactory

    return {"pk": EvidenceFactory(item=_pw(world).items[subject.pk]).pk}


def _upload(world: Any, subject: Any) -> dict[str, Any]:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from rijksportfolio.portfolios.tests import samples

    return {"file": SimpleUploadedFile("scan.png", samples.png(), content_type="image/png")}


def _import_file(world: Any, subject: Any) -> dict[str, Any]:
    from django.core.files.uploadedfile import SimpleUploadedFile

    document = {
        "schema": "rijksportfolio-portfolio-export",
        "schemaVersie": "1.0",
        "geexporteerdOp": "2025-01-01T12:00:00+01:00",
        "portfolio": {
            "kopregel": "",
            "zichtbaarheid": VISIBILITY_BODY,
            "toestemmingMatching": False,
            "onderschrijvingenTonen": False,
        },
        "categorieen": [],
        "items": [],
        "vaardigheden": [],
    }
    return {"file": SimpleUploadedFile("portfolio.json", json.dumps(document).encode(), "application/json")}


PFILES_ROWS: list[Row] = [
    Row("portfolios:evidence", cases=OWN, kwargs=_own("items"), web=True),
    Row("portfolios:evidence", "POST", cases=OWN, kwargs=_own("items"), body=_upload, web=True),
    Row("portfolios:evidence_delete", "POST", cases=OWN, kwargs=_evidence, web=True),
    # Evidence follows the visibility of its item (the world's items are in the Dossierdeel).
    Row("portfolios:evidence_download", cases=SECTION_VISIBLE, kwargs=_evidence, web=True),
    # Export and import work on the acting user's own portfolio only: there is no URL for someone else's.
    Row("portfolios:export_json", allow=CIVIL_SERVANTS, web=True),
    Row("portfolios:export_pdf", allow=CIVIL_SERVANTS, query={"onderdeel": "vrij"}, web=True),
    Row("portfolios:export_pdf_options", allow=CIVIL_SERVANTS, web=True),
    Row("portfolios:import", allow=CIVIL_SERVANTS, web=True),
    Row("portfolios:import", "POST", allow=CIVIL_SERVANTS, body=_import_file, web=True),
]


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
    # --- API and web: skills (papi) ---------------------------------------------------------------------
    Row("api:vaardigheid-list", allow=CIVIL_SERVANTS),
    Row("api:vaardigheid-list", allow=CIVIL_SERVANTS, query=_skill_search),
    Row("api:vaardigheid-detail", allow=CIVIL_SERVANTS, kwargs=lambda w, s: {"id": _skill(w, s)}),
    Row("portfolios:skill_autocomplete", allow=CIVIL_SERVANTS, query=_skill_search, web=True),
    *TAXONOMY_ROWS,
    *PORTFOLIO_API_ROWS,
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
    # --- web: portfolio (pweb) ----------------------------------------------------------------------------
    *PORTFOLIO_ROWS,
    *PFILES_ROWS,
    # --- finding colleagues and portfolio overviews (pfind) ------------------------------------------------
    # Search: every civil servant; what each hit shows is decided per portfolio (portfolios/tests/test_search.py).
    Row("portfolios:colleague_search", allow=CIVIL_SERVANTS, web=True),
    Row(
        "portfolios:colleague_search",
        allow=CIVIL_SERVANTS,
        query={"naam": "a"},
        web=True,
        note="with a query",
    ),
    # Overviews (portfolio.overview): analysts Rijk-wide, HR advisers their own subtree (BZK in the world).
    Row("portfolios:overview", allow=frozenset({Role.ANALYST}), web=True),
    Row(
        "portfolios:overview_organisation",
        allow=frozenset({Role.ANALYST, Role.HR_ADVISER}),
        kwargs=lambda w, s: {"pk": w.orgs["bzk"].pk},
        web=True,
        note="inside the HR adviser's scope",
    ),
    Row(
        "portfolios:overview_organisation",
        allow=frozenset({Role.ANALYST}),
        kwargs=lambda w, s: {"pk": w.orgs["fin"].pk},
        query={"formaat": "csv"},
        web=True,
        note="outside the HR adviser's scope; CSV download",
    ),
]


def _secondment_id(world: Any, subject: Any) -> dict[str, Any]:
    """A secondment record in team-a (BZK) to explain (created once per world)."""
    from rijksportfolio.people.models import Employment

    record, _created = Employment.objects.get_or_create(
        person=world.people["collega"],
        organisation=world.orgs["team"],
        start_date=date(2022, 1, 1),
        defaults={
            "job_title": "Adviseur",
            "job_family": "beleid",
            "work_type": "policy",
            "salary_scale": 11,
            "fte": 1,
            "contract_type": "secondment",
        },
    )
    return {"id": record.pk}


# --- stuurinformatie (issue 5): aggregates per role, the manager's 3-5-7 list, the secondment register ----
AGGREGATES_BZK = frozenset({Role.ANALYST, Role.HR_ADVISER, Role.ORG_ADMIN, Role.WORKS_COUNCIL})
ROWS += [
    Row("api:stuurinformatie-paneel", kwargs={"paneel": "kerncijfers"}, allow=frozenset({Role.ANALYST})),
    Row(
        "api:stuurinformatie-paneel",
        kwargs={"paneel": "verdeling"},
        query={"organisatie": "bzk"},
        allow=AGGREGATES_BZK,
    ),
    Row(
        "api:stuurinformatie-paneel",
        kwargs={"paneel": "drie-vijf-zeven"},
        query={"organisatie": "team-a"},
        allow=AGGREGATES_BZK | {Role.MANAGER},
        note="the manager's own team",
    ),
    Row(
        "api:stuurinformatie-357-medewerkers",
        query={"organisatie": "team-a"},
        allow=frozenset({Role.MANAGER}),
        note="person list: own teams only",
    ),
    Row("api:stuurinformatie-detacheringen", query={"organisatie": "bzk"}, allow=HR),
    Row(
        "api:stuurinformatie-toelichting",
        "PUT",
        kwargs=_secondment_id,
        body={"toelichting": "Project loopt tot de zomer."},
        allow=HR,
    ),
    Row("api:open-data-stuurinformatie", allow=EVERYONE),
    Row("api:open-data-stuurinformatie", query={"formaat": "csv"}, allow=EVERYONE, note="CSV"),
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

# --- alerts (issue 4 item 9): one's own setting; the owner's switch per opportunity ----------------------
ROWS += [
    Row("kansen:alerts", allow=CIVIL_SERVANTS, web=True),
    Row(
        "kansen:alerts",
        "POST",
        allow=CIVIL_SERVANTS,
        web=True,
        body={"enabled": "on", "min_score": "70", "frequency": "direct"},
    ),
    Row(
        "kansen:candidate_alerts",
        "POST",
        allow=LEADER,
        kwargs=_PAGE,
        web=True,
        body={"enabled": "on", "min_score": "80"},
    ),
    Row("api:kansmeldingen-instellingen", allow=CIVIL_SERVANTS),
    Row("api:kansmeldingen-instellingen", "PUT", allow=CIVIL_SERVANTS, body={"aan": True, "drempel": 60}),
    Row("api:kans-kandidaatmeldingen", allow=LEADER, kwargs=lambda w, s: {"id": _opportunity(w).pk}),
    Row(
        "api:kans-kandidaatmeldingen",
        "PUT",
        allow=LEADER,
        kwargs=lambda w, s: {"id": _opportunity(w).pk},
        body={"aan": True},
    ),
]


# --- stuurinformatie dashboards (issue 5, item 3): pages for whoever may see some figures --------------
DASHBOARD_VIEWERS = AGGREGATES_BZK | {Role.MANAGER}
ROWS += [
    Row("workforce:index", allow=DASHBOARD_VIEWERS, web=True),
    Row("workforce:personeelsbestand", allow=DASHBOARD_VIEWERS, web=True, note="default: own organisation"),
    Row(
        "workforce:personeelsbestand",
        query={"organisatie": "bzk", "formaat": "csv"},
        allow=AGGREGATES_BZK,
        web=True,
        note="CSV download; BZK is outside the manager's scope",
    ),
    Row("workforce:stromen", allow=DASHBOARD_VIEWERS, web=True),
    Row("workforce:uitstroomprognose", allow=DASHBOARD_VIEWERS, web=True),
    Row("workforce:drie_vijf_zeven", query={"organisatie": "team-a"}, allow=DASHBOARD_VIEWERS, web=True),
    Row("workforce:jaarrapportage", allow=DASHBOARD_VIEWERS, web=True, note="the form"),
    Row(
        "workforce:jaarrapportage",
        query={"organisatie": "bzk", "peildatum": "2025-06-01", "formaat": "xlsx"},
        allow=AGGREGATES_BZK,
        web=True,
        note="the report of BZK; outside the manager's scope",
    ),
]


# --- MPP scenarios and Vaardigheden (issue 5): a BZK scenario of the HR adviser, made inside the row ---------
def _scenario(w: Any, name: str = "Matrixscenario") -> Any:
    from rijksportfolio.workforce.models import WorkforcePlanScenario

    return WorkforcePlanScenario.objects.create(
        name=name, organisation=w.orgs["bzk"], owner=w.users[USERNAME_FOR[Role.HR_ADVISER]], growth_pct=1.0
    )


def _scenario_pk(w: Any, s: Any) -> dict[str, Any]:
    return {"pk": _scenario(w).pk}


def _scenario_id(w: Any, s: Any) -> dict[str, Any]:
    return {"id": _scenario(w).pk}


MPP_VIEWERS = AGGREGATES_BZK  # analyst; HR adviser, administrator and works council of BZK
MPP_PLANNERS = frozenset({Role.ANALYST, Role.HR_ADVISER, Role.ORG_ADMIN})
_SCENARIO_FORM = {"organisatie": "bzk", "naam": "Matrix", "horizon": 12, "groei": 1}
ROWS += [
    Row("workforce:mpp", allow=DASHBOARD_VIEWERS, web=True, note="default: own organisation"),
    Row("workforce:mpp", query={"organisatie": "bzk"}, allow=AGGREGATES_BZK, web=True),
    Row("workforce:mpp", "POST", body=_SCENARIO_FORM, allow=MPP_PLANNERS, web=True, note="save a scenario"),
    Row("workforce:mpp_scenario", kwargs=_scenario_pk, allow=MPP_VIEWERS, web=True),
    Row(
        "workforce:mpp_scenario",
        "POST",
        kwargs=_scenario_pk,
        body=_SCENARIO_FORM,
        allow=HR,
        web=True,
        note="the owner (HR adviser) and BZK's administrator",
    ),
    Row("workforce:mpp_delete", kwargs=_scenario_pk, allow=HR, web=True),
    Row("workforce:mpp_delete", "POST", kwargs=_scenario_pk, allow=HR, web=True),
    Row(
        "workforce:mpp_compare",
        query=lambda w, s: {"scenario": [_scenario(w, "A").pk, _scenario(w, "B").pk]},
        allow=MPP_VIEWERS,
        web=True,
    ),
    Row("workforce:vaardigheden", allow=DASHBOARD_VIEWERS, web=True, note="default: own organisation"),
    Row("api:mpp-scenario-list", allow=MPP_VIEWERS),
    Row("api:mpp-scenario-list", "POST", body={"naam": "Matrix", "organisatie": "bzk"}, allow=MPP_PLANNERS),
    Row("api:mpp-scenario-detail", kwargs=_scenario_id, allow=MPP_VIEWERS),
    Row("api:mpp-scenario-detail", "PATCH", kwargs=_scenario_id, body={"groei": 2}, allow=HR),
    Row("api:mpp-scenario-detail", "DELETE", kwargs=_scenario_id, allow=HR),
    Row("api:mpp-scenario-resultaat", kwargs=_scenario_id, allow=MPP_VIEWERS),
    Row(
        "api:mpp-vergelijking",
        query=lambda w, s: {"scenarios": f"{_scenario(w, 'A').pk},{_scenario(w, 'B').pk}"},
        allow=MPP_VIEWERS,
    ),
    Row(
        "api:stuurinformatie-paneel",
        kwargs={"paneel": "vaardigheden"},
        query={"organisatie": "bzk"},
        allow=AGGREGATES_BZK,
    ),
]


# --- stuurinformatie: Diversiteit, Spreiding, ICT-personeel, Detacheringen (issue 5, item 3) ---------------
def _goal(w: Any, subject: Any) -> dict[str, Any]:
    from rijksportfolio.workforce.models import DiversityGoal

    goal = DiversityGoal.objects.create(
        organisation=w.orgs["bzk"], group="top", target_pct=40, start_year=2025, target_year=2027
    )
    return {"pk": goal.pk}


def _formation(w: Any, subject: Any) -> dict[str, Any]:
    from rijksportfolio.workforce.models import IctFormation

    return {"pk": IctFormation.objects.create(organisation=w.orgs["bzk"], year=2025, fte=12).pk}


def _explanation(w: Any, subject: Any) -> dict[str, Any]:
    pk = _secondment_id(w, subject)["id"]
    return {f"d{pk}-toelichting": "Loopt tot de oplevering van het project."}


GOAL = {"organisatie": "bzk", "groep": "top", "doel": "40", "vanaf": "2025", "doeljaar": "2027"}
ROWS += [
    Row("workforce:diversiteit", allow=DASHBOARD_VIEWERS, web=True, note="goals: the organisation's own"),
    Row("workforce:spreiding", allow=DASHBOARD_VIEWERS, web=True),
    Row("workforce:ict_personeel", allow=DASHBOARD_VIEWERS, web=True),
    Row("workforce:detacheringen", allow=DASHBOARD_VIEWERS, web=True),
    Row(
        "workforce:detacheringen",
        query={"organisatie": "bzk"},
        allow=AGGREGATES_BZK,
        web=True,
        note="the register (persons) is shown to HR advisers and organisation admins only",
    ),
    Row("workforce:diversity_goal_set", "POST", body=GOAL, allow=HR, web=True),
    Row("workforce:diversity_goal_delete", "POST", kwargs=_goal, allow=HR, web=True),
    Row(
        "workforce:ict_formation_set",
        "POST",
        body={"organisatie": "bzk", "jaar": "2025", "fte": "12"},
        allow=HR,
        web=True,
    ),
    Row("workforce:ict_formation_delete", "POST", kwargs=_formation, allow=HR, web=True),
    Row(
        "workforce:secondment_explain",
        "POST",
        kwargs=lambda w, s: {"pk": _secondment_id(w, s)["id"]},
        body=_explanation,
        allow=HR,
        web=True,
    ),
]


# --- fairness monitor of matching (issue 4, item 7): HR advisers for their organisation, analysts Rijk-wide ---
FAIRNESS_MONITORS = frozenset({Role.HR_ADVISER, Role.ANALYST})


def _fairness_run(code: str) -> Callable[[Any, Any], dict[str, Any]]:
    """A stored run for the organisation ``code`` (made inside the row's rolled-back transaction)."""

    def kwargs(w: Any, s: Any) -> dict[str, Any]:
        from rijksportfolio.matching.models import FairnessRun

        run = FairnessRun.objects.create(
            organisation=w.orgs[code], reference_date=date(2026, 1, 1), algorithm_version="match-1.0",
            queries=234, top_k=50, score_threshold=0.5, result={"dimensions": [], "flagged": []},
        )  # fmt: skip
        return {"pk": run.pk}

    return kwargs


ROWS += [
    Row("matching:fairness", allow=FAIRNESS_MONITORS, web=True, note="default: own organisation / the Rijk"),
    Row(
        "matching:fairness",
        query={"organisatie": "bd"},
        allow=frozenset({Role.ANALYST}),
        web=True,
        note="Belastingdienst is outside the HR adviser's scope",
    ),
    Row("matching:fairness", "POST", body={"organisatie": "bzk"}, allow=FAIRNESS_MONITORS, web=True),
    Row("matching:fairness_run", kwargs=_fairness_run("bzk"), allow=FAIRNESS_MONITORS, web=True),
    Row("matching:fairness_run", kwargs=_fairness_run("bd"), allow=frozenset({Role.ANALYST}), web=True),
    # the API: exactly the page's permissions
    Row("api:meting-list", allow=FAIRNESS_MONITORS, note="every scope the caller may monitor"),
    Row("api:meting-list", query={"organisatie": "bzk"}, allow=FAIRNESS_MONITORS),
    Row("api:meting-list", query={"organisatie": "bd"}, allow=frozenset({Role.ANALYST})),
    Row(
        "api:meting-detail",
        kwargs=lambda w, s: {"id": _fairness_run("bzk")(w, s)["pk"]},
        allow=FAIRNESS_MONITORS,
    ),
    Row(
        "api:meting-detail",
        kwargs=lambda w, s: {"id": _fairness_run("bd")(w, s)["pk"]},
        allow=frozenset({Role.ANALYST}),
    ),
    Row("api:eerlijkheidsmonitor-meten", "POST", body={"organisatie": "bzk"}, allow=FAIRNESS_MONITORS),
    Row("api:eerlijkheidsmonitor-meten", "POST", body={"organisatie": "bd"}, allow=frozenset({Role.ANALYST})),
    Row("api:eerlijkheidsmonitor-meten", "POST", body={}, allow=frozenset({Role.ANALYST}), note="the Rijk"),
]


# --- candidate pool (issue 4 item 8, Virtueel Matchingsteam) ---------------------------------------------------
def _pool_entry(w: Any, person: Any, *, active: bool) -> Any:
    """A pool entry of ``person`` proposed by the world's project leader: pending, or consented for a year."""
    from datetime import timedelta

    from django.utils import timezone

    from rijksportfolio.matching.models import PoolEntry

    now = timezone.now()
    return PoolEntry.objects.create(
        person=person, proposed_by=w.users[USERNAME_FOR[Role.PROJECT_LEADER]], note="Geschikt voor beleidswerk.",
        status="actief" if active else "voorgesteld", proposed_at=now, answer_by=now + timedelta(days=30),
        consented_at=now if active else None, months=12 if active else None,
        expires_at=now + timedelta(days=365) if active else None,
    )  # fmt: skip


def _pool_candidate(w: Any) -> tuple[Any, Any]:
    """The project leader's opportunity with the employee (who has a login) on its shortlist."""
    from rijksportfolio.matching.models import ShortlistEntry

    opportunity = _opportunity(w)
    person = w.people["medewerker"]
    ShortlistEntry.objects.create(opportunity=opportunity, person=person)
    return opportunity, person


def _proposal_body(w: Any, s: Any) -> dict[str, Any]:
    opportunity, person = _pool_candidate(w)
    return {
        "kans": opportunity.pk,
        "medewerker": person.personnel_number,
        "toelichting": "Geschikt voor beleid.",
    }


def _propose_page(w: Any, s: Any) -> dict[str, Any]:
    opportunity, _person = _pool_candidate(w)
    return {"opportunity_pk": opportunity.pk}


def _pending(w: Any, s: Any) -> dict[str, Any]:
    return {"pk": _pool_entry(w, s, active=False).pk}


def _running(w: Any, s: Any) -> dict[str, Any]:
    return {"pk": _pool_entry(w, s, active=True).pk}


def _api(kwargs: Callable[[Any, Any], dict[str, Any]]) -> Callable[[Any, Any], dict[str, Any]]:
    return lambda w, s: {"id": kwargs(w, s)["pk"]}


_COLLEAGUE_IN_POOL = lambda w, s: _running(w, w.people["collega"])  # noqa: E731
_COLLEAGUE_PROPOSED = lambda w, s: _pending(w, w.people["collega"])  # noqa: E731

ROWS += [
    Row("kandidatenpool:search", allow=RECRUITERS, web=True, query={"text": "beleid"}),
    Row("kandidatenpool:contact", allow=RECRUITERS, web=True, kwargs=_COLLEAGUE_IN_POOL),
    Row(
        "kandidatenpool:contact",
        "POST",
        allow=RECRUITERS,
        web=True,
        kwargs=_COLLEAGUE_IN_POOL,
        body={"message": "Zin in een kennismaking?"},
    ),
    Row("kandidatenpool:propose", allow=LEADER, web=True, kwargs=_propose_page),
    Row(
        "kandidatenpool:propose",
        "POST",
        allow=LEADER,
        web=True,
        kwargs=_propose_page,
        body=lambda w, s: {"person": w.people["medewerker"].pk, "note": "Geschikt voor beleid."},
    ),
    Row("kandidatenpool:cancel", "POST", allow=LEADER, web=True, kwargs=_COLLEAGUE_PROPOSED),
    Row("kandidatenpool:mine", allow=CIVIL_SERVANTS, web=True),
    Row(
        "kandidatenpool:preference", "POST", allow=CIVIL_SERVANTS, web=True, body={"proposals_allowed": "on"}
    ),
    Row("kandidatenpool:answer", web=True, cases=OWN, kwargs=_pending),
    Row(
        "kandidatenpool:answer",
        "POST",
        web=True,
        cases=OWN,
        kwargs=_pending,
        body={"besluit": "ja", "months": "12"},
    ),
    Row("kandidatenpool:withdraw", "POST", web=True, cases=OWN, kwargs=_running),
    Row("kandidatenpool:period", "POST", web=True, cases=OWN, kwargs=_running, body={"months": "3"}),
    Row("api:kandidatenpool-zoek", "POST", allow=RECRUITERS, body={"tekst": "beleid"}),
    Row(
        "api:kandidatenpool-benader",
        "POST",
        allow=RECRUITERS,
        kwargs=_api(_COLLEAGUE_IN_POOL),
        body={"bericht": "Zin in een kennismaking?"},
    ),
    Row("api:voordracht-list", allow=CIVIL_SERVANTS),
    Row("api:voordracht-list", "POST", allow=LEADER, body=_proposal_body),
    Row("api:voordracht-detail", "DELETE", allow=LEADER, kwargs=_api(_COLLEAGUE_PROPOSED)),
    Row("api:kandidatenpool-mijn", allow=CIVIL_SERVANTS),
    Row("api:kandidatenpool-voorkeur", "PUT", allow=CIVIL_SERVANTS, body={"voordrachtenToegestaan": False}),
    Row("api:deelname-detail", cases=OWN, kwargs=_api(_pending)),
    Row("api:deelname-toestemmen", "POST", cases=OWN, kwargs=_api(_pending), body={"maanden": 12}),
    Row("api:deelname-weigeren", "POST", cases=OWN, kwargs=_api(_pending), body={}),
    Row("api:deelname-intrekken", "POST", cases=OWN, kwargs=_api(_running), body={}),
    Row("api:deelname-verlengen", "POST", cases=OWN, kwargs=_api(_running), body={"maanden": 3}),
]
