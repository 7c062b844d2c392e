# SPDX-License-Identifier: EUPL-1.2
"""``bench pool`` runs end to end on a small pool, ends with one JSON line and leaves nothing behind."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from rijksportfolio.audit.models import AuditEvent
from rijksportfolio.matching.models import PoolEntry, RankingLog
from rijksportfolio.people.models import Person


@pytest.mark.django_db
def test_bench_pool_reports_figures_and_rolls_back():
    out = StringIO()
    call_command("bench", "pool", "--entries", "30", "--queries", "4", stdout=out)
    figures = json.loads(out.getvalue().strip().splitlines()[-1])
    assert (figures["bench"], figures["entries"], figures["queries"], figures["taxonomy"]) == (
        "pool",
        30,
        4,
        "synthetic",
    )
    assert figures["results_mean"] > 0  # every query asks for skills held in the pool
    assert set(figures) >= {"p50_ms", "p95_ms", "cold_ms", "profiles_ms", "build_ms", "expire_s", "skills"}
    assert (Person.objects.count(), PoolEntry.objects.count(), RankingLog.objects.count()) == (0, 0, 0)
    assert not AuditEvent.objects.exists()
