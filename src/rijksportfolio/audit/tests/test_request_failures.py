# SPDX-License-Identifier: EUPL-1.2
"""Audit rows are written even when the request fails, and carry the request id."""

import pytest
from django.test import Client

from rijksportfolio.audit.models import AuditAction, AuditEvent, AuditOutcome
from rijksportfolio.people.models import Person

pytestmark = pytest.mark.urls("rijksportfolio.audit.tests.urls")


def _client(world, username="hr-adviseur"):
    client = Client(raise_request_exception=False)
    client.force_login(world.users[username])
    return client


def test_audit_row_survives_a_view_that_raises_after_the_read(world):
    subject = world.people["collega"]
    response = _client(world).get(f"/raise/{subject.pk}")
    assert response.status_code == 500
    event = AuditEvent.objects.get(subject_person=subject)
    assert (event.action, event.outcome, event.object_type, event.purpose) == (
        AuditAction.READ,
        AuditOutcome.SUCCESS,
        "employment_history",
        "test: raise",
    )
    assert event.actor == world.users["hr-adviseur"]
    assert event.request_id == response["X-Request-ID"]


def test_audit_row_survives_the_rollback_of_the_request_transaction(world):
    subject = world.people["collega"]
    response = _client(world).get(f"/rollback/{subject.pk}")
    assert response.status_code == 500
    assert Person.objects.get(pk=subject.pk).first_name == "Daan"  # the write was rolled back
    assert AuditEvent.objects.filter(subject_person=subject, purpose="test: rollback").count() == 1


@pytest.mark.django_db(transaction=True)
def test_audit_row_survives_a_real_rollback_outside_a_test_transaction(transactional_db):
    from rijksportfolio.web.tests.world import build_world

    world = build_world()
    subject = world.people["collega"]
    response = _client(world).get(f"/rollback/{subject.pk}")
    assert response.status_code == 500
    assert Person.objects.get(pk=subject.pk).first_name == "Daan"
    assert AuditEvent.objects.filter(subject_person=subject, purpose="test: rollback").count() == 1


def test_denied_read_is_audited_as_denied(world):
    subject = world.people["buiten"]  # outside the HR adviser's organisation
    response = _client(world).get(f"/ok/{subject.pk}")
    assert response.status_code == 403
    event = AuditEvent.objects.get(subject_person=subject)
    assert (event.outcome, event.actor) == (AuditOutcome.DENIED, world.users["hr-adviseur"])


def test_request_id_from_the_proxy_is_on_the_response_and_the_row(world):
    subject = world.people["collega"]
    response = _client(world).get(f"/ok/{subject.pk}", HTTP_X_REQUEST_ID="proxy-req-000123")
    assert response["X-Request-ID"] == "proxy-req-000123"
    assert AuditEvent.objects.get(subject_person=subject).request_id == "proxy-req-000123"


def test_request_id_is_generated_when_absent_or_malformed(world):
    subject = world.people["collega"]
    response = _client(world).get(f"/ok/{subject.pk}", HTTP_X_REQUEST_ID="bad id; DROP")
    generated = response["X-Request-ID"]
    assert generated != "bad id; DROP"
    assert len(generated) == 32
    assert AuditEvent.objects.get(subject_person=subject).request_id == generated


def test_own_history_read_is_not_audited(world):
    me = world.people["medewerker"]
    response = _client(world, "medewerker").get(f"/ok/{me.pk}")
    assert response.status_code == 200
    assert not AuditEvent.objects.filter(subject_person=me).exists()
