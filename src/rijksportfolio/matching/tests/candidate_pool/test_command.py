# SPDX-License-Identifier: EUPL-1.2
"""``rijksportfolio matching pool-expire`` (cron): deletes what ended and says how much, in Dutch."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from rijksportfolio.matching.models import PoolEntry
from rijksportfolio.matching.tests.factories import PoolEntryFactory


def test_pool_expire_deletes_ended_entries_and_lapsed_proposals(db):
    long_ago = timezone.now() - timedelta(days=400)
    PoolEntryFactory(active=True, consented_at=long_ago, proposed_at=long_ago)  # ended 35 days ago
    PoolEntryFactory(proposed_at=long_ago)  # never answered
    running = PoolEntryFactory(active=True)
    out = StringIO()
    call_command("matching", "pool-expire", stdout=out)
    assert out.getvalue().strip() == (
        "Kandidatenpool: 1 verlopen deelnames en 1 onbeantwoorde voordrachten verwijderd, 0 herinneringen verstuurd."
    )
    assert list(PoolEntry.objects.values_list("pk", flat=True)) == [running.pk]
