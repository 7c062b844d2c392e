# SPDX-License-Identifier: EUPL-1.2
"""Guarded reads of the stuurinformatie: the policy check (``stuurinformatie.*``) and, for the person-level
parts, the audit rows, in one place. Aggregates leave only through ``domain.analytics.publish``."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied

from rijksportfolio.accounts.cache import TTLCache
from rijksportfolio.accounts.policy import OrganisationTarget, Principal, ScenarioTarget, can, principal_for
from rijksportfolio.audit.models import AuditAction
from rijksportfolio.audit.services import audit_record
from rijksportfolio.domain.analytics import mpp as mpp_rules, panels, skill_gap
from rijksportfolio.domain.analytics.publish import Published, publish
from rijksportfolio.opportunities.selectors import published_skill_requirements
from rijksportfolio.organisations.models import Organisation
from rijksportfolio.people.models import Employment, Person
from rijksportfolio.portfolios.selectors import (
    persons_sharing_skills_rijk_wide,
    skills_shared_rijk_wide_counts,
)
from rijksportfolio.skills.selectors import skill_label, skills_all
from rijksportfolio.workforce.models import SecondmentExplanation, WorkforcePlanScenario
from rijksportfolio.workforce.selectors import (
    organisation_names,
    organisation_units,
    personnel_in_scope,
    personnel_unit_counts,
    warehouse,
)
from rijksportfolio.workforce.services import scenario_target


def organisation_target(organisation: Organisation | None) -> OrganisationTarget:
    if organisation is None:
        return OrganisationTarget(organisation_id=None, path="")
    return OrganisationTarget(organisation_id=organisation.pk, path=organisation.path)


def _require(user: Any, action: str, organisation: Organisation | None) -> None:
    if not can(principal_for(user), action, organisation_target(organisation)):
        raise PermissionDenied


def figures_require(*, user: Any, organisation: Organisation | None) -> None:
    """Raise ``PermissionDenied`` unless the user may see the figures of the organisation (None: the Rijk)."""
    _require(user, "stuurinformatie.view", organisation)


def panel_get(
    *,
    user: Any,
    panel: str,
    peildatum: dt.date,
    organisation: Organisation | None,
    scope: panels.Scope,
    scenario: panels.Scenario | None = None,
) -> Published:
    """One panel (``panels.PANELS`` or ``figures``) for the organisation's subtree (None: the Rijk), with
    suppression applied and the reason of every hidden figure (``Published.hidden``). Aggregates: not
    audited."""
    _require(user, "stuurinformatie.view", organisation)
    wh = warehouse()
    if panel == "figures":
        data = panels.figures(wh, peildatum, scope)
    elif panel == "mpp":
        data = mpp_rules.with_total(panels.mpp(wh, peildatum, scope, scenario))
    elif panel == "skills":
        return Published(skills_get(user=user, organisation=organisation, on=peildatum))
    else:
        data = panels.PANELS[panel](wh, peildatum, scope)
    return publish(panel, data)


def _people(ids: list[int]) -> dict[int, Person]:
    return {p.pk: p for p in Person.objects.filter(pk__in=ids)}


def three_five_seven_people_get(
    *, user: Any, peildatum: dt.date, organisation: Organisation, min_years: float = 5.0
) -> list[dict[str, Any]]:
    """The manager's conversation list: people of their own teams in the same job for more than
    ``min_years``. Each person listed is an audited read (purpose: the 3-5-7 conversation)."""
    _require(user, "stuurinformatie.view_people", organisation)
    rows = panels.three_five_seven_people(
        warehouse(), peildatum, panels.Scope(organisations=(organisation.pk,)), min_years=min_years
    )
    people = _people([r["person"] for r in rows])
    out = []
    for row in rows:
        person = people.get(row["person"])
        if person is None:  # the store is a little behind the database
            continue
        audit_record(
            actor=user,
            action=AuditAction.READ,
            object_type="workforce_357",
            object_id=person.pk,
            subject_person=person,
            purpose="3-5-7",
        )
        out.append({**row, "name": person.full_name, "personnel_number": person.personnel_number})
    return out


def secondment_register_get(
    *, user: Any, peildatum: dt.date, organisation: Organisation
) -> list[dict[str, Any]]:
    """Secondments running past one year in the organisation's subtree, with the organisation's explanation
    (comply or explain). Person-level: HR adviser / organisation admin; each person listed is audited."""
    _require(user, "stuurinformatie.view_register", organisation)
    register = panels.secondments_over_one_year(
        warehouse(), peildatum, panels.Scope(organisations=(organisation.pk,))
    )["register"]
    people = _people([r["person"] for r in register])
    explained = {
        e.employment_id: e
        for e in SecondmentExplanation.objects.filter(employment_id__in=[r["employment"] for r in register])
    }
    out = []
    for row in register:
        person = people.get(row["person"])
        if person is None:
            continue
        audit_record(
            actor=user,
            action=AuditAction.READ,
            object_type="workforce_secondments",
            object_id=row["employment"],
            subject_person=person,
            purpose="detachering > 1 jaar",
        )
        note = explained.get(row["employment"])
        out.append(
            {
                **row,
                "name": person.full_name,
                "personnel_number": person.personnel_number,
                "explanation": note.explanation if note else "",
                "explanation_planned_end": note.planned_end.isoformat()
                if note and note.planned_end
                else None,
            }
        )
    return out


def secondment_for_explanation(*, user: Any, employment_id: int) -> Employment:
    """The secondment record an HR adviser / admin may explain (policy on its organisation)."""
    record = Employment.objects.select_related("organisation").filter(pk=employment_id).first()
    if record is None:
        raise Employment.DoesNotExist
    _require(user, "stuurinformatie.explain", record.organisation)
    return record


OPEN_DATA_VERSION = "1"


def open_data_get(*, peildatum: dt.date) -> dict[str, Any]:
    """Rijk-level aggregates for open data (docs/open-data.md): public, suppressed like every publication."""
    wh = warehouse()
    rijk = panels.RIJK
    head = publish("headcount", panels.headcount(wh, peildatum, rijk))
    parts = publish("breakdowns", panels.breakdowns(wh, peildatum, rijk))["breakdowns"]
    flows = publish("flows", panels.flows(wh, peildatum, rijk))
    forecast = publish("outflow_forecast", panels.outflow_forecast(wh, peildatum, rijk))
    diversity = publish("diversity", panels.diversity(wh, peildatum, rijk))
    spreiding = publish("spreiding", panels.spreiding(wh, peildatum, rijk))
    return {
        "schema": OPEN_DATA_VERSION,
        "peildatum": peildatum.isoformat(),
        "headcount": head["headcount"],
        "fte": head["fte"],
        "by": {
            dim: [
                {"key": r.get("name", r["key"]), "headcount": r["headcount"], "fte": r["fte"]} for r in rows
            ]
            for dim, rows in parts.items()
        },
        "history": [
            {
                k: row[k]
                for k in ("year", "inflow", "mobility_within", "mobility_between", "outflow", "outflow_total")
            }
            for row in flows["years"]
        ],
        "history_start": flows["history_start"],
        "forecast": forecast["forecast"],
        "women": diversity["women"],
        "provinces": [
            {"province": p["province"], "headcount": p["headcount"], "fte": p["fte"]}
            for p in spreiding["provinces"]
        ],
    }


def open_data_rows(data: dict[str, Any]) -> list[tuple[str, str, str, Any]]:
    """The open data as long-format rows (table, period, category, value) for CSV."""
    peil = data["peildatum"]
    rows: list[tuple[str, str, str, Any]] = [
        ("headcount", peil, "", data["headcount"]),
        ("fte", peil, "", data["fte"]),
    ]
    for dim, items in data["by"].items():
        for item in items:
            rows.append((f"headcount_by_{dim}", peil, str(item["key"] or ""), item["headcount"]))
            rows.append((f"fte_by_{dim}", peil, str(item["key"] or ""), item["fte"]))
    for row in data["history"]:
        year = str(row["year"])
        for key in ("inflow", "mobility_within", "mobility_between", "outflow_total"):
            rows.append((key, year, "", row[key]))
        for cat, value in row["outflow"].items():
            rows.append(("outflow", year, cat, value))
    for row in data["forecast"]:
        year = str(row["year"])
        for key in ("state_pension", "total", "cumulative_state_pension_share", "cumulative_share"):
            rows.append((f"forecast_{key}", year, "", row[key]))
    for group in data["women"]:
        rows.append(("women_share", peil, group["group"], group["women_share"]))
    for p in data["provinces"]:
        rows.append(("headcount_by_province_of_work_location", peil, p["province"], p["headcount"]))
    return rows


# --- MPP scenarios ----------------------------------------------------------------------------------------


def scenario_panel(scenario: WorkforcePlanScenario) -> panels.Scenario:
    """A saved scenario as the panel's ``Scenario``."""
    return panels.Scenario(
        growth_pct=scenario.growth_pct,
        technology_pct=dict(scenario.technology_pct),
        name=scenario.name,
        growth_by_family=dict(scenario.growth_by_family),
        horizon=scenario.horizon_years,
    )


def scenario_scope(scenario: WorkforcePlanScenario) -> panels.Scope:
    return panels.Scope(
        organisations=(scenario.organisation_id,) if scenario.organisation_id else (),
        job_family=scenario.job_family or None,
    )


def may_see_scenarios(principal: Principal) -> bool:
    """For pages and lists (no query): may the principal see saved scenarios of the Rijk or of an organisation
    in one of their scopes (``mpp.view``)?"""
    if principal.user_id is None:
        return False
    paths = [""] + [p for paths in principal.scopes.values() for p in paths if p]
    return any(can(principal, "mpp.view", ScenarioTarget(owner_user_id=None, path=p)) for p in paths)


def scenario_get(*, user: Any, pk: int) -> WorkforcePlanScenario:
    """A saved scenario the user may see (``mpp.view``); ``DoesNotExist`` or ``PermissionDenied``. Scenarios
    hold assumptions and aggregates, no personal data: reads are not audited (writes are)."""
    scenario = WorkforcePlanScenario.objects.select_related("organisation", "owner__person").get(pk=pk)
    if not can(principal_for(user), "mpp.view", scenario_target(scenario)):
        raise PermissionDenied
    return scenario


def scenarios_visible(*, user: Any, organisation: Organisation | None = None) -> list[WorkforcePlanScenario]:
    """The saved scenarios the user may see, newest change first; with ``organisation``, those for its
    subtree."""
    principal = principal_for(user)
    queryset = WorkforcePlanScenario.objects.select_related("organisation", "owner__person")
    if organisation is not None:
        queryset = queryset.filter(organisation__path__startswith=organisation.path)
    return [
        s for s in queryset.order_by("-updated_at", "-id") if can(principal, "mpp.view", scenario_target(s))
    ]


def scenario_result_get(*, user: Any, scenario: WorkforcePlanScenario, peildatum: dt.date) -> dict[str, Any]:
    """Supply, demand and gap of a saved scenario at the peildatum, per job family and in total, suppressed
    (``publish``). Policy ``mpp.view`` — the works council of the organisation may see it although it does not
    define scenarios."""
    if not can(principal_for(user), "mpp.view", scenario_target(scenario)):
        raise PermissionDenied
    data = panels.mpp(warehouse(), peildatum, scenario_scope(scenario), scenario_panel(scenario))
    return publish("mpp", mpp_rules.with_total(data))


# --- Vaardigheden -----------------------------------------------------------------------------------------


def skills_get(*, user: Any, organisation: Organisation | None, on: dt.date) -> dict[str, Any]:
    """The Vaardigheden panel for the organisation's subtree (None: the Rijk) on ``on``: skills present in
    skills profiles visible Rijk-wide against skills asked by published opportunities (``domain.analytics.
    skill_gap``), suppressed (``publish``), with skill labels and unit names added. Policy
    ``stuurinformatie.view``; aggregates only (not audited)."""
    _require(user, "stuurinformatie.view", organisation)
    cache_key = (organisation.pk if organisation is not None else None, on)
    published = _skills_cache.get(cache_key)
    if published is None:
        published = _skills_published(organisation, on)
        _skills_cache.set(cache_key, published, float(getattr(settings, "AGGREGATE_CACHE_TTL", 60)))
    data = copy.deepcopy(published)
    listed = {row["skill"] for key in ("present", "asked", "scarce") for row in data[key]}
    labels = {s.pk: skill_label(s) for s in skills_all().filter(pk__in=listed)}
    for key in ("present", "asked", "scarce"):
        for row in data[key]:
            label = labels.get(row["skill"])
            row["label"] = label.text if label else str(row["skill"])
            row["label_language"] = label.language if label else ""
    names = organisation_names([u["unit"] for u in data["units"]])
    for unit in data["units"]:
        unit["name"] = names.get(unit["unit"], "")
    data["units"].sort(key=lambda u: (u["name"], u["unit"]))
    data["peildatum"] = on.isoformat()
    return data


# The published panel per (organisation, day), kept per process for ``AGGREGATE_CACHE_TTL`` seconds like the
# portfolio overviews: at the Rijk's scale it counts every current employment record and shared profile.
_skills_cache: TTLCache[tuple[int | None, dt.date], dict[str, Any]] = TTLCache(maxsize=256)


def _skills_published(organisation: Organisation | None, on: dt.date) -> dict[str, Any]:
    units = personnel_unit_counts(organisation=organisation, on=on, marked=persons_sharing_skills_rijk_wide())
    present = skills_shared_rijk_wide_counts(
        person_ids=personnel_in_scope(organisation=organisation, on=on).values("person_id")
    )
    scope_path = organisation.path if organisation is not None else ""
    units_by_org = organisation_units(scope_path)
    asked = [
        (opportunity, units_by_org.get(org_id, org_id), skill, essential)
        for opportunity, org_id, skill, essential in published_skill_requirements(
            organisation_path=scope_path
        )
    ]
    return publish("skills", skill_gap.skills_supply_demand(units=units, present=present, asked=asked))
