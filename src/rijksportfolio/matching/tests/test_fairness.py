# SPDX-License-Identifier: EUPL-1.2
"""The fairness monitor through the database: benchmark queries from the taxonomy, groups joined after the
engine answered, only published figures stored, permissions, audit, the scheduled command."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command

from rijksportfolio.accounts.constants import Role
from rijksportfolio.accounts.services import role_assign
from rijksportfolio.audit.models import AuditEvent
from rijksportfolio.matching import access, fairness, services
from rijksportfolio.matching.models import FairnessRun
from rijksportfolio.people.constants import Gender
from rijksportfolio.people.tests.factories import PersonFactory
from rijksportfolio.portfolios.tests.factories import user_for


def _groups(run, dimension):
    d = next(d for d in run.result["dimensions"] if d["dimension"] == dimension)
    return {g["group"]: g for g in d["groups"]}


def test_benchmark_set_from_the_taxonomy_in_the_database(fairness_world):
    queries = fairness.benchmark_set()
    assert len(queries) == 3  # one Rijk occupation in this database, at gevorderd, basis and ervaren
    assert [q.requirements[0].min_level for q in queries] == [2, 1, 3]
    assert {r.skill_id for r in queries[0].requirements} == {str(s.pk) for s in fairness_world["skills"]}


def test_a_run_for_an_organisation_stores_published_figures_and_flags(fairness_world):
    run = services.fairness_run_create(
        actor=fairness_world["hr"], organisation=fairness_world["ministry"], top_k=12
    )
    assert (run.organisation, run.requested_by, run.queries, run.top_k, run.score_threshold) == (
        fairness_world["ministry"],
        fairness_world["hr"],
        3,
        12,
        0.5,
    )
    # 27 consenting people in BZK (the one without consent and the one at Financiën are not in it) — hidden:
    # beside the 3 of another gender ("< 10") and one more hidden group the total would narrow them (rule 4
    # of domain/suppression.py)
    assert run.population is None
    gender = _groups(run, "gender")
    # the top 12 of every query are the 12 women: men never reach it and never score half
    assert (gender["female"]["selection_rate"], gender["female"]["selection_ratio"]) == (1.0, 1.0)
    assert (gender["male"]["selection_ratio"], gender["male"]["scoring_ratio"]) == (0.0, 0.0)
    assert gender["male"]["flags"] == ["selection", "scoring"]
    # 3 of another gender: insufficient, count hidden; with the total hidden (above) it cannot be derived
    assert gender["other"] == {
        "group": "other",
        "people": None,
        "sufficient": False,
        "selection_rate": None,
        "selection_ratio": None,
        "scoring_rate": None,
        "scoring_ratio": None,
        "flags": [],
    }
    assert sum(g["people"] is None for g in gender.values()) == 1
    age = _groups(run, "age")
    assert age["55+"]["flags"] == ["selection", "scoring"]  # the men
    assert age["<30"]["people"] == 0
    assert run.min_ratio_gender == 0.0
    assert run.flagged == 4
    assert run.result["flagged"] == [
        ["gender", "male", "selection"],
        ["gender", "male", "scoring"],
        ["age", "55+", "selection"],
        ["age", "55+", "scoring"],
    ]
    stored = json.dumps(run.result)
    assert "selected" not in stored  # no counts of selections
    assert "person" not in stored  # no person ids


def test_the_rankings_do_not_depend_on_the_groups(fairness_world):
    """Swapping every woman's and man's recorded gender swaps their rows and changes nothing else: the
    engine never saw gender; the monitor joined it afterwards."""
    before = services.fairness_run_create(
        actor=fairness_world["analyst"], organisation=fairness_world["org"], top_k=12
    )
    for person in fairness_world["women"]:
        type(person).objects.filter(pk=person.pk).update(gender=Gender.MALE)
    for person in fairness_world["men"]:
        type(person).objects.filter(pk=person.pk).update(gender=Gender.FEMALE)
    after = services.fairness_run_create(
        actor=fairness_world["analyst"], organisation=fairness_world["org"], top_k=12
    )
    b, a = _groups(before, "gender"), _groups(after, "gender")
    rates = ("selection_rate", "selection_ratio", "scoring_rate", "scoring_ratio", "flags")
    assert [a["female"][k] for k in rates] == [b["male"][k] for k in rates]
    assert a["male"]["selection_ratio"] == b["female"]["selection_ratio"] == 1.0
    assert after.index_version == before.index_version  # gender is not an input of the index


def test_only_hr_advisers_of_the_scope_and_analysts_may_run_it(fairness_world):
    with pytest.raises(PermissionDenied):
        services.fairness_run_create(actor=fairness_world["hr"], organisation=fairness_world["elsewhere"])
    with pytest.raises(PermissionDenied):
        services.fairness_run_create(actor=fairness_world["hr"], organisation=None)
    with pytest.raises(PermissionDenied):
        services.fairness_run_create(
            actor=user_for(fairness_world["women"][0]), organisation=fairness_world["org"]
        )
    run = services.fairness_run_create(actor=fairness_world["analyst"], organisation=None)
    assert (run.organisation, run.population) == (None, None)  # the Rijk (28: also the man at Financiën),
    # hidden beside the 3 of another gender as in the ministry's run
    assert FairnessRun.objects.count() == 1


def test_bad_parameters_are_refused_in_dutch_and_nothing_is_stored(fairness_world):
    with pytest.raises(ValidationError) as exc:
        services.fairness_run_create(
            actor=fairness_world["hr"], organisation=fairness_world["org"], top_k=0, score_threshold=2
        )
    assert exc.value.message_dict == {
        "top_k": ["De top ligt tussen 1 en 200."],
        "score_threshold": ["De scoredrempel ligt tussen 0 en 1."],
    }
    assert not FairnessRun.objects.exists()


def test_runs_and_reads_are_audited_and_reads_are_guarded(fairness_world):
    run = services.fairness_run_create(actor=fairness_world["hr"], organisation=fairness_world["org"])
    created = AuditEvent.objects.get(object_type="matching_fairness_run", action="create")
    assert (created.actor, created.object_id, created.purpose, created.subject_person) == (
        fairness_world["hr"],
        str(run.pk),
        "DG Overheidsorganisatie",
        None,
    )
    assert access.fairness_run_get(user=fairness_world["analyst"], pk=run.pk) == run
    outsider = user_for(PersonFactory())
    role_assign(user=outsider, role=Role.HR_ADVISER, organisation=fairness_world["elsewhere"])
    with pytest.raises(PermissionDenied):
        access.fairness_run_get(user=outsider, pk=run.pk)
    reads = AuditEvent.objects.filter(object_type="matching_fairness_run", action="read").order_by("id")
    assert [(e.actor, e.outcome) for e in reads] == [
        (fairness_world["analyst"], "success"),
        (outsider, "denied"),
    ]
    with pytest.raises(PermissionDenied):
        access.fairness_runs_list(user=outsider, organisation=fairness_world["org"])
    assert access.fairness_runs_list(user=fairness_world["hr"], organisation=fairness_world["org"]) == [run]
    assert (
        access.fairness_runs_list(user=fairness_world["hr"], organisation=fairness_world["ministry"]) == []
    )  # per scope


def test_scheduled_runs_from_the_command(fairness_world, capsys):
    call_command("matching", "fairness", "--organisatie", "dgop", "--rijk")
    runs = list(FairnessRun.objects.order_by("id"))
    assert [(r.organisation, r.requested_by) for r in runs] == [
        (None, None),
        (fairness_world["org"], None),
    ]
    out = capsys.readouterr().out
    assert "Eerlijkheidsmonitor DG Overheidsorganisatie: 3 zoekvragen" in out
    with pytest.raises(CommandError, match="Onbekende organisatiecode: geen"):
        call_command("matching", "fairness", "--organisatie", "geen")
