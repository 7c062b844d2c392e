# SPDX-License-Identifier: EUPL-1.2
"""`rijksportfolio workforce figures` on factory data: the JSON shape, and totals checked against the ORM."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.db.models import DateField, Exists, ExpressionWrapper, OuterRef, Q, Sum

from rijksportfolio.domain.analytics.workforce import CONTRACTS, END_REASONS
from rijksportfolio.organisations.constants import OrganisationKind, SectorCategory
from rijksportfolio.people.constants import ContractType, EndReason
from rijksportfolio.people.models import Employment
from rijksportfolio.people.tests.factories import EmploymentFactory, OrganisationFactory, PersonFactory
from rijksportfolio.workforce.selectors import top_level_organisations

pytestmark = pytest.mark.django_db
PEIL = dt.date(2020, 1, 1)


def _run(*args: str) -> dict:
    out = io.StringIO()
    call_command("workforce", "figures", *args, stdout=out)
    return json.loads(out.getvalue())


@pytest.fixture
def rijk():  # type: ignore[no-untyped-def]
    ministry = OrganisationFactory(
        code="min", kind=OrganisationKind.MINISTRY, sector_category=SectorCategory.CORE_DEPARTMENT
    )
    directorate = OrganisationFactory(code="dir", parent=ministry)
    team = OrganisationFactory(code="team", kind=OrganisationKind.TEAM, parent=directorate)
    agency = OrganisationFactory(
        code="agency",
        kind=OrganisationKind.AGENCY,
        sector_category=SectorCategory.EXECUTIVE_AGENCY,
        parent=ministry,
    )
    # a varied history from the factories' sequences, plus known events
    for i in range(30):
        org = (directorate, team, agency)[i % 3]
        EmploymentFactory(organisation=org, person=PersonFactory(), ended=(i % 4 == 0))
    mover = PersonFactory()
    EmploymentFactory(
        person=mover,
        organisation=directorate,
        job_title="Jurist",
        contract_type=ContractType.PERMANENT,
        start_date=dt.date(2012, 1, 1),
        end_date=dt.date(2016, 6, 30),
        end_reason=EndReason.MOBILITY,
    )
    EmploymentFactory(
        person=mover,
        organisation=agency,
        job_title="Jurist",
        contract_type=ContractType.PERMANENT,
        start_date=dt.date(2016, 7, 1),
    )
    EmploymentFactory(
        organisation=agency, contract_type=ContractType.EXTERNAL, start_date=dt.date(2015, 1, 1)
    )
    EmploymentFactory(  # a known leaver, so the history always holds outflow
        person=PersonFactory(),
        organisation=team,
        contract_type=ContractType.PERMANENT,
        start_date=dt.date(2011, 3, 1),
        end_date=dt.date(2018, 6, 30),
        end_reason=EndReason.OWN_REQUEST,
    )
    EmploymentFactory(  # an early leaver: the history (first recorded outflow) starts in 2010
        person=PersonFactory(),
        organisation=agency,
        contract_type=ContractType.PERMANENT,
        start_date=dt.date(2001, 3, 1),
        end_date=dt.date(2010, 1, 31),
        end_reason=EndReason.OWN_REQUEST,
    )
    return {"ministry": ministry, "directorate": directorate, "team": team, "agency": agency, "mover": mover}


def _running(**extra: object) -> Q:
    return (
        Q(start_date__lte=PEIL)
        & (Q(end_date__isnull=True) | Q(end_date__gte=PEIL))
        & ~Q(contract_type=ContractType.EXTERNAL)
        & Q(**extra)
    )


def test_constants_mirror_the_models() -> None:
    assert list(CONTRACTS) == list(ContractType.values)
    assert list(END_REASONS[1:]) == list(EndReason.values)


def test_figures_shape_and_totals_match_the_orm(rijk) -> None:  # type: ignore[no-untyped-def]
    result = _run("--peildatum", PEIL.isoformat())
    assert list(result) == ["peildatum", "headcount", "fte", "history", "forecast"]
    assert result["peildatum"] == "2020-01-01"
    running = Employment.objects.filter(_running())
    assert result["headcount"] == running.values("person").distinct().count()
    assert result["fte"] == round(float(running.aggregate(s=Sum("fte"))["s"]), 1)
    assert [row["year"] for row in result["history"]] == list(range(2010, 2020))
    for row in result["history"]:
        assert list(row) == ["year", "inflow", "mobility_within", "mobility_between", "outflow"]
        assert list(row["outflow"]) == ["state_pension", "own_request", "end_of_contract", "other"]
    assert [row["year"] for row in result["forecast"]] == list(range(2020, 2032))
    for row in result["forecast"]:
        assert list(row) == [
            "year",
            "state_pension",
            "total",
            "cumulative_state_pension_share",
            "cumulative_share",
        ]
        assert 0 <= row["cumulative_state_pension_share"] <= row["cumulative_share"] <= 1
    # inflow and outflow per year recomputed with the ORM: a personnel record starting (ending) in the year with
    # no other personnel record of the same person running the day before (after); distinct persons
    personnel = Employment.objects.exclude(contract_type=ContractType.EXTERNAL)
    day = dt.timedelta(days=1)
    before = personnel.filter(person=OuterRef("person"), start_date__lt=OuterRef("start_date")).filter(
        Q(end_date__isnull=True)
        | Q(end_date__gte=ExpressionWrapper(OuterRef("start_date") - day, output_field=DateField()))
    )
    after = (
        personnel.filter(person=OuterRef("person"))
        .exclude(pk=OuterRef("pk"))
        .filter(start_date__lte=ExpressionWrapper(OuterRef("end_date") + day, output_field=DateField()))
        .filter(Q(end_date__isnull=True) | Q(end_date__gt=OuterRef("end_date")))
    )
    # years before the first recorded outflow cannot be known (docs/workforce-figures.md): None, not zero
    first_out = personnel.exclude(Exists(after)).filter(end_date__isnull=False).order_by("end_date").first()
    assert first_out is not None
    for row in result["history"]:
        y = row["year"]
        if y < first_out.end_date.year:
            assert row["inflow"] is None
            assert set(row["outflow"].values()) == {None}
            continue
        inflow = personnel.filter(start_date__year=y).exclude(Exists(before))
        assert row["inflow"] == inflow.values("person").distinct().count()
        outflow = personnel.filter(end_date__year=y).exclude(Exists(after))
        assert sum(row["outflow"].values()) == outflow.values("person").distinct().count()
    assert sum(row["inflow"] or 0 for row in result["history"]) > 0
    assert sum(sum(v or 0 for v in row["outflow"].values()) for row in result["history"]) > 0
    # the mover: directorate (core department) -> agency in 2016 is mobility between organisations
    assert result["history"][6]["mobility_between"] >= 1


def test_figures_for_an_organisation_subtree(rijk) -> None:  # type: ignore[no-untyped-def]
    agency = _run("--peildatum", PEIL.isoformat(), "--organisation", "agency")
    running = Employment.objects.filter(_running(organisation=rijk["agency"]))
    assert agency["headcount"] == running.values("person").distinct().count()
    assert agency["fte"] == round(float(running.aggregate(s=Sum("fte"))["s"]), 1)
    y2016 = agency["history"][6]
    assert y2016["year"] == 2016
    assert y2016["mobility_between"] == 1  # the mover arrives: not inflow
    directorate = _run("--peildatum", PEIL.isoformat(), "--organisation", "dir")
    subtree = Employment.objects.filter(_running(organisation__in=[rijk["directorate"], rijk["team"]]))
    assert directorate["headcount"] == subtree.values("person").distinct().count()
    # the mover leaves the directorate for the agency: not outflow of the directorate
    mover_end = Employment.objects.get(person=rijk["mover"], organisation=rijk["directorate"])
    assert mover_end.end_date.year == 2016
    ended_2016 = Employment.objects.filter(
        end_date__year=2016, organisation__in=[rijk["directorate"], rijk["team"]]
    ).exclude(person=rijk["mover"])
    assert sum(v or 0 for v in directorate["history"][6]["outflow"].values()) <= ended_2016.count()
    whole = _run("--peildatum", PEIL.isoformat())
    ministry = _run("--peildatum", PEIL.isoformat(), "--organisation", "min")
    assert whole["headcount"] == ministry["headcount"] == agency["headcount"] + directorate["headcount"]
    assert whole["history"] == ministry["history"]


def test_top_level_organisation_is_the_nearest_with_a_sector_category(rijk) -> None:  # type: ignore[no-untyped-def]
    tops = top_level_organisations()
    assert tops[rijk["team"].pk] == rijk["ministry"].pk
    assert tops[rijk["directorate"].pk] == rijk["ministry"].pk
    assert tops[rijk["agency"].pk] == rijk["agency"].pk


def test_bad_input_gives_dutch_errors(rijk) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(CommandError, match="Ongeldige peildatum"):
        _run("--peildatum", "2020-13-01")
    with pytest.raises(CommandError, match="Onbekende organisatie"):
        _run("--peildatum", "2020-01-01", "--organisation", "nope")
