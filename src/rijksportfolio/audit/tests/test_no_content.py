# SPDX-License-Identifier: EUPL-1.2
"""Audit rows identify what was read or written; they never hold the content itself."""

import json

from django.test import Client

from rijksportfolio.audit.models import AuditEvent


def _texts(event: AuditEvent) -> list[str]:
    return [event.actor_label, event.object_type, event.object_id, event.action, event.outcome, event.purpose]


def test_api_reads_and_writes_leave_only_ids_types_and_purpose(world):
    subject = world.people["collega"]
    client = Client()
    client.force_login(world.users["hr-adviseur"])
    base = f"/api/v1/medewerkers/{subject.personnel_number}"
    assert client.get(base, {"doel": "functioneringsgesprek"}).status_code == 200
    assert client.get(f"{base}/dienstverbanden", {"doel": "functioneringsgesprek"}).status_code == 200
    record = subject.employments.get()
    response = client.patch(
        f"{base}/dienstverbanden/{record.pk}",
        json.dumps({"einddatum": "2025-01-31", "redenEinde": "own_request"}),
        content_type="application/json",
    )
    assert response.status_code == 200

    events = list(AuditEvent.objects.filter(subject_person=subject).order_by("id"))
    assert [(e.action, e.object_type, e.object_id) for e in events] == [
        ("read", "personal_details", str(subject.pk)),
        ("read", "employment_history", str(subject.pk)),
        ("update", "employment", str(record.pk)),
    ]
    content = {
        subject.first_name,
        subject.last_name,
        subject.full_name,
        subject.personnel_number,
        subject.email,
        subject.date_of_birth.isoformat(),
        subject.gender,
        record.job_title,
        "2025-01-31",
        "own_request",
        record.organisation.name,
        record.organisation.code,
    }
    for event in events:
        for text in _texts(event):
            assert not any(item and item in text for item in content), (text, event.object_type)
    assert {e.purpose for e in events[:2]} == {"functioneringsgesprek"}
    assert {e.actor_label for e in events} == {world.users["hr-adviseur"].person.full_name}
