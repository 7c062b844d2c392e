# SPDX-License-Identifier: EUPL-1.2
import pytest
from django.db import DatabaseError, connection, transaction

from rijksportfolio.accounts.services import user_create
from rijksportfolio.audit.models import AuditAction, AuditEvent
from rijksportfolio.audit.services import audit_record


def _event(**kwargs):
    return audit_record(
        actor=None, action=AuditAction.READ, object_type="employment_history", object_id=1, **kwargs
    )


def test_saved_event_cannot_be_saved_again(db):
    event = _event(purpose="controle")
    event.purpose = "anders"
    with pytest.raises(PermissionError):
        event.save()
    assert AuditEvent.objects.get(pk=event.pk).purpose == "controle"


def test_event_cannot_be_deleted(db):
    event = _event()
    with pytest.raises(PermissionError):
        event.delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_queryset_update_and_delete_are_refused(db):
    _event()
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().update(purpose="weg")
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.count() == 1


@pytest.mark.postgres
def test_raw_sql_update_is_rejected_by_the_database(db):
    event = _event(purpose="controle")
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("UPDATE audit_auditevent SET purpose = 'weg' WHERE id = %s", [event.pk])
    assert AuditEvent.objects.get(pk=event.pk).purpose == "controle"


@pytest.mark.postgres
def test_raw_sql_delete_is_rejected_by_the_database(db):
    event = _event()
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.postgres
def test_raw_sql_cannot_clear_a_link_and_change_content_at_once(db):
    user = user_create(username="lezer", password=None)
    event = audit_record(actor=user, action=AuditAction.READ, object_type="employment_history", object_id=1)
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(
            "UPDATE audit_auditevent SET actor_id = NULL, action = 'export' WHERE id = %s", [event.pk]
        )


@pytest.mark.postgres
def test_erasing_an_account_keeps_its_audit_rows_without_the_link(db):
    user = user_create(username="lezer", password=None, first_name="Lea", last_name="Zer")
    event = audit_record(actor=user, action=AuditAction.READ, object_type="employment_history", object_id=7)
    user.delete()  # ON DELETE SET NULL: the one update the trigger allows
    stored = AuditEvent.objects.get(pk=event.pk)
    assert (stored.actor_id, stored.actor_label, stored.object_id) == (None, "lezer", "7")
