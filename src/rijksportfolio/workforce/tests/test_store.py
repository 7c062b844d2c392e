# SPDX-License-Identifier: EUPL-1.2
"""The analytical store: Parquet + DuckDB give the ORM's totals; a change through a write service reaches the
store by an incremental refresh that rewrites only the changed person's partition."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db.models import Q, Sum

from rijksportfolio.domain.analytics import panels
from rijksportfolio.domain.analytics.warehouse import Warehouse
from rijksportfolio.people.constants import ContractType, EndReason
from rijksportfolio.people.models import Employment, Person
from rijksportfolio.people.services import employment_add, employment_end
from rijksportfolio.people.tests.factories import EmploymentFactory, OrganisationFactory, PersonFactory
from rijksportfolio.workforce import store
from rijksportfolio.workforce.models import StoreChange
from rijksportfolio.workforce.selectors import warehouse

pytestmark = pytest.mark.django_db
DAY = dt.date(2021, 3, 1)


def _orm_staff(day: dt.date) -> tuple[int, float]:
    running = Employment.objects.filter(
        Q(start_date__lte=day) & (Q(end_date__isnull=True) | Q(end_date__gte=day))
    ).exclude(contract_type=ContractType.EXTERNAL)
    return running.values("person").distinct().count(), round(
        float(running.aggregate(s=Sum("fte"))["s"] or 0), 1
    )


def _watermark_after_everything() -> dict:
    """Pretend the previous refresh ran long after the fixture's rows were written (they are all 'new')."""
    manifest = store.read_manifest()
    assert manifest is not None
    manifest["watermark"] = (dt.datetime.now(dt.UTC) + store.WATERMARK_MARGIN * 2).isoformat()
    store._write_manifest(manifest)
    return manifest


@pytest.fixture
def history():  # type: ignore[no-untyped-def]
    orgs = [OrganisationFactory() for _ in range(3)]
    for i in range(40):
        EmploymentFactory(organisation=orgs[i % 3], person=PersonFactory(), ended=(i % 5 == 0))
    two_jobs = PersonFactory()
    EmploymentFactory(
        person=two_jobs, organisation=orgs[0], fte=Decimal("0.6"), start_date=dt.date(2015, 1, 1)
    )
    EmploymentFactory(
        person=two_jobs, organisation=orgs[1], fte=Decimal("0.4"), start_date=dt.date(2019, 1, 1)
    )
    return orgs


def test_full_refresh_gives_the_orm_totals(history) -> None:  # type: ignore[no-untyped-def]
    result = store.refresh(full=True)
    assert result is not None
    assert result.full
    assert (result.people, result.employments) == (Person.objects.count(), Employment.objects.count())
    wh = Warehouse.from_store(store.store_dir())
    assert wh.db.execute("SELECT count(*) FROM person").fetchone()[0] == Person.objects.count()
    assert wh.db.execute("SELECT count(*), sum(fte) FROM rec").fetchone() == (
        Employment.objects.count(),
        pytest.approx(float(Employment.objects.aggregate(s=Sum("fte"))["s"])),
    )
    for day in (dt.date(2012, 1, 1), dt.date(2018, 6, 30), DAY):
        head = panels.headcount(wh, day)
        assert (head["headcount"], head["fte"]) == _orm_staff(day)


def test_a_write_service_queues_the_person_and_the_incremental_refresh_rewrites_only_its_partition(
    history,  # type: ignore[no-untyped-def]
) -> None:
    store.refresh(full=True)
    _watermark_after_everything()
    before = {p.name: p.stat().st_mtime_ns for p in (store.store_dir() / "employments").iterdir()}
    record = (
        Employment.objects.filter(end_date__isnull=True, start_date__lt=DAY)
        .exclude(contract_type=ContractType.EXTERNAL)
        .first()
    )
    person_id = record.person_id
    employment_end(actor=None, employment=record, end_date=DAY, end_reason=EndReason.OWN_REQUEST)
    employment_add(
        actor=None,
        person=record.person,
        organisation=history[2] if record.organisation_id != history[2].pk else history[1],
        job_title="Adviseur",
        job_family="beleid",
        work_type="policy",
        salary_scale=11,
        fte=Decimal("1.0"),
        contract_type=ContractType.PERMANENT,
        start_date=DAY + dt.timedelta(days=1),
    )
    assert set(StoreChange.objects.values_list("person_id", flat=True)) == {person_id}
    result = store.refresh()
    assert result is not None
    assert not result.full
    assert result.partitions == [person_id % store.PARTITIONS]
    assert not StoreChange.objects.exists()
    after = {p.name: p.stat().st_mtime_ns for p in (store.store_dir() / "employments").iterdir()}
    rewritten = {name for name in after if after[name] != before.get(name)}
    assert rewritten == {f"part-{k:02d}.parquet" for k in result.partitions}
    wh = warehouse()
    head = panels.headcount(wh, DAY + dt.timedelta(days=1))
    assert (head["headcount"], head["fte"]) == _orm_staff(DAY + dt.timedelta(days=1))
    assert wh.db.execute(
        "SELECT arrival FROM rec WHERE person_id = ? AND s = ?",
        [person_id, (DAY + dt.timedelta(days=1) - dt.date(1970, 1, 1)).days],
    ).fetchone() == ("between",)


def test_incremental_refresh_without_changes_rewrites_nothing(history, settings) -> None:  # type: ignore[no-untyped-def]
    store.refresh(full=True)
    manifest = _watermark_after_everything()
    result = store.refresh()
    assert result is not None
    assert result.partitions == []
    assert (result.people, result.employments) == (0, 0)
    assert store.read_manifest()["version"] == manifest["version"] + 1


def test_inline_mode_refreshes_after_the_commit(
    history, settings, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    store.refresh(full=True)
    settings.ANALYTICS_REFRESH = "inline"
    record = (
        Employment.objects.filter(end_date__isnull=True, start_date__lt=DAY)
        .exclude(contract_type=ContractType.EXTERNAL)
        .first()
    )
    version = store.read_manifest()["version"]
    with django_capture_on_commit_callbacks(execute=True):
        employment_end(actor=None, employment=record, end_date=DAY, end_reason=EndReason.OWN_REQUEST)
    assert store.read_manifest()["version"] == version + 1
    assert not StoreChange.objects.exists()


def test_a_stale_warehouse_file_is_not_used(history) -> None:  # type: ignore[no-untyped-def]
    store.refresh(full=True)
    path = store.store_dir() / "warehouse.duckdb"
    assert Warehouse.from_store(store.store_dir()).db.execute("SELECT version FROM meta").fetchall() == [
        (store.read_manifest()["version"],)
    ]
    before = path.stat().st_mtime_ns
    record = (
        Employment.objects.filter(end_date__isnull=True, start_date__lt=DAY)
        .exclude(contract_type=ContractType.EXTERNAL)
        .first()
    )
    employment_end(actor=None, employment=record, end_date=DAY, end_reason=EndReason.OWN_REQUEST)
    store.refresh(build_file=False)  # as after a write service: Parquet only
    assert path.stat().st_mtime_ns == before  # the file is now one version behind
    wh = Warehouse.from_store(store.store_dir())  # built in memory from the new Parquet files
    after = DAY + dt.timedelta(days=1)
    head = panels.headcount(wh, after)
    assert (head["headcount"], head["fte"]) == _orm_staff(after)


def test_a_warehouse_file_of_an_earlier_schema_is_not_used() -> None:
    """After an upgrade the file on disk may hold the derived tables of the previous release: it is of the
    manifest's version, but not of this code's schema, so the tables are built in memory instead."""
    import io

    import duckdb
    from django.core.management import call_command

    from rijksportfolio.domain.analytics.warehouse import SCHEMA

    # a generated Rijk (its refresh writes the file); no factories: later tests' generated people stay as they were
    call_command(
        "generate", people=40, seed=6, no_portfolios=True, stdout=io.StringIO(), stderr=io.StringIO()
    )
    path = store.store_dir() / "warehouse.duckdb"
    db = duckdb.connect(str(path))
    assert db.execute("SELECT schema FROM meta").fetchone() == (SCHEMA,)
    db.execute("UPDATE meta SET schema = ?", [SCHEMA - 1])
    db.close()
    wh = Warehouse.from_store(store.store_dir())
    assert wh.db.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'meta'").fetchone() == (0,)
    head = panels.headcount(wh, DAY)
    assert (head["headcount"], head["fte"]) == _orm_staff(DAY)


def test_generate_leaves_the_analytical_store_fresh() -> None:
    """``generate`` replaces the generated records with TRUNCATE (no trace for an incremental refresh): it ends
    with a full refresh, so the figures match the new database at once; ``--no-refresh`` skips it."""
    import io

    from django.core.management import call_command

    ref = dt.date(2024, 12, 31)
    out = io.StringIO()
    call_command("generate", people=120, seed=3, no_portfolios=True, stdout=out, stderr=io.StringIO())
    assert "Refreshed the analytical store" in out.getvalue()
    manifest = store.read_manifest()
    assert manifest is not None
    assert manifest["last_refresh"] == {"full": True, "partitions": list(range(store.PARTITIONS))}
    wh = warehouse()
    assert wh.db.execute("SELECT count(*) FROM rec").fetchone() == (Employment.objects.count(),)
    assert (panels.headcount(wh, ref)["headcount"], panels.headcount(wh, ref)["fte"]) == _orm_staff(ref)

    # a smaller Rijk replaces it: the store follows (persons deleted by TRUNCATE are gone from it too)
    call_command(
        "generate", people=60, seed=4, no_portfolios=True, stdout=io.StringIO(), stderr=io.StringIO()
    )
    assert store.read_manifest()["version"] == manifest["version"] + 1
    wh = warehouse()
    assert wh.db.execute("SELECT count(*) FROM person").fetchone() == (Person.objects.count(),)
    assert (panels.headcount(wh, ref)["headcount"], panels.headcount(wh, ref)["fte"]) == _orm_staff(ref)

    version = store.read_manifest()["version"]
    call_command(
        "generate",
        people=50,
        seed=5,
        no_portfolios=True,
        no_refresh=True,
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    assert store.read_manifest()["version"] == version
