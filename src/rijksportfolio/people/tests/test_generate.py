# SPDX-License-Identifier: EUPL-1.2
"""`rijksportfolio generate` loads a generated Rijk; a re-run replaces it without duplicates."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.db.models import Q

from rijksportfolio.organisations.models import Organisation
from rijksportfolio.people.hr_csv import hr_csv_parse
from rijksportfolio.people.models import Employment, Person
from rijksportfolio.people.selectors import calibration_data

pytestmark = pytest.mark.django_db
REF = dt.date(2024, 12, 31)


def _snapshot() -> list[tuple[object, ...]]:
    return list(
        Employment.objects.order_by(
            "person__personnel_number", "start_date", "organisation__code"
        ).values_list(
            "person__personnel_number",
            "organisation__code",
            "job_title",
            "salary_scale",
            "fte",
            "contract_type",
            "start_date",
            "end_date",
            "end_reason",
        )
    )


def test_generate_loads_and_rerun_replaces_without_duplicates() -> None:
    from rijksportfolio.domain.generator.titles import POLICY_ESCO_BY_PROFILE, TITLES
    from rijksportfolio.skills.models import Occupation

    err = io.StringIO()
    call_command("generate", people=300, seed=1, stdout=io.StringIO(), stderr=err)
    assert "ESCO" in err.getvalue()  # taxonomy not loaded: a warning, and no occupations
    assert not Employment.objects.filter(occupation__isnull=False).exists()
    people, records = Person.objects.count(), Employment.objects.count()
    first = _snapshot()
    ids = dict(Person.objects.values_list("personnel_number", "id"))
    running = Employment.objects.filter(Q(end_date__isnull=True) | Q(end_date__gte=REF), start_date__lte=REF)
    assert running.values("person").distinct().count() == 300
    assert records > people > 300
    team = Organisation.objects.get(code="belastingdienst-cio-team-3")
    assert team.path.startswith(Organisation.objects.get(code="belastingdienst-cio").path)
    assert team.depth == 4  # fin > belastingdienst > cio > afdeling > team
    data = calibration_data()
    assert len(data.person) == records
    assert set(data.category) <= {"core_department", "shared_service", "inspectorate", "executive_agency"}

    # the same seed again, now with the ESCO occupations present: same rows, same person ids, occupations linked
    catalogue = {t.esco_uri: t.esco_label for t in TITLES} | dict(POLICY_ESCO_BY_PROFILE.values())
    Occupation.objects.bulk_create(
        [Occupation(uri=uri, preferred_label_nl=label) for uri, label in catalogue.items()]
    )
    err = io.StringIO()
    call_command("generate", people=300, seed=1, stdout=io.StringIO(), stderr=err)
    assert err.getvalue() == ""
    assert (Person.objects.count(), Employment.objects.count()) == (people, records)
    assert _snapshot() == first
    assert dict(Person.objects.values_list("personnel_number", "id")) == ids
    assert not Employment.objects.filter(occupation__isnull=True).exists()
    jurist = Employment.objects.filter(job_title="jurist").select_related("occupation").first()
    assert jurist is None or jurist.occupation.preferred_label_nl == "juridisch adviseur"

    call_command("generate", people=200, seed=2, stdout=io.StringIO(), stderr=io.StringIO())
    assert running.values("person").distinct().count() == 200
    assert Person.objects.filter(source="generated").count() == Person.objects.count() < people
    assert Organisation.objects.count() == Organisation.objects.values("code").distinct().count()


def test_generate_csv_is_valid_hr_import(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "rijk.csv"
    call_command(
        "generate", people=40, seed=1, csv=str(path), no_load=True, stdout=io.StringIO(), stderr=io.StringIO()
    )
    assert Employment.objects.count() == 0
    rows = list(hr_csv_parse(path.read_bytes()))
    assert rows
    assert all(not r.errors for r in rows)
