# SPDX-License-Identifier: EUPL-1.2
"""The audit log is append-only in the database too: on PostgreSQL a trigger rejects UPDATE and DELETE of
audit rows, whoever issues them (raw SQL, another application, a mistaken migration).

One exception, so that accounts and people can still be erased: an UPDATE that changes nothing but
setting ``actor_id`` and/or ``subject_person_id`` to NULL (what ON DELETE SET NULL does) is allowed; the
row keeps ``actor_label``, ``object_type``, ``object_id``, action and time. TRUNCATE (an administrator
emptying the table, and the test runner's flush) is not affected. SQLite: only the ORM guard applies.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION audit_auditevent_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND (NEW.actor_id IS NULL OR NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id)
       AND (NEW.subject_person_id IS NULL OR NEW.subject_person_id IS NOT DISTINCT FROM OLD.subject_person_id)
       AND (NEW.id, NEW.at, NEW.actor_label, NEW.object_type, NEW.object_id, NEW.action, NEW.outcome,
            NEW.purpose, NEW.request_id)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.at, OLD.actor_label, OLD.object_type, OLD.object_id, OLD.action, OLD.outcome,
            OLD.purpose, OLD.request_id)
    THEN
        RETURN NEW;  -- only links to an erased account or person are cleared
    END IF;
    RAISE EXCEPTION 'audit_auditevent is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS audit_auditevent_append_only ON audit_auditevent;
CREATE TRIGGER audit_auditevent_append_only
    BEFORE UPDATE OR DELETE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_auditevent_append_only();
"""

DROP = """
DROP TRIGGER IF EXISTS audit_auditevent_append_only ON audit_auditevent;
DROP FUNCTION IF EXISTS audit_auditevent_append_only();
"""


def _on_postgres(sql: str):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(_on_postgres(CREATE), _on_postgres(DROP), elidable=False)]
