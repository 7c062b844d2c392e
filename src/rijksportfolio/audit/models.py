# SPDX-License-Identifier: EUPL-1.2
"""Append-only audit log of sensitive reads and writes. It never holds the content that was read or written."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    READ = "read", _("Ingezien")
    CREATE = "create", _("Aangemaakt")
    UPDATE = "update", _("Gewijzigd")
    DELETE = "delete", _("Verwijderd")
    EXPORT = "export", _("Geëxporteerd")
    IMPORT = "import", _("Geïmporteerd")
    LOGIN = "login", _("Ingelogd")
    LOGIN_FAILED = "login_failed", _("Mislukte inlogpoging")
    DENIED = "denied", _("Toegang geweigerd")


class AuditOutcome(models.TextChoices):
    SUCCESS = "success", _("Gelukt")
    DENIED = "denied", _("Geweigerd")
    ERROR = "error", _("Mislukt")


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError("The audit log is append-only.")

    def delete(self):  # type: ignore[no-untyped-def]
        raise PermissionError("The audit log is append-only.")


class AuditEvent(models.Model):
    at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(_("door"), max_length=200, blank=True)
    subject_person = models.ForeignKey(
        "people.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_events",
        verbose_name=_("betrokkene"),
    )
    object_type = models.CharField(_("soort object"), max_length=60)
    object_id = models.CharField(_("object"), max_length=64, blank=True)
    action = models.CharField(_("handeling"), max_length=20, choices=AuditAction.choices)
    outcome = models.CharField(
        _("resultaat"), max_length=10, choices=AuditOutcome.choices, default=AuditOutcome.SUCCESS
    )
    purpose = models.CharField(_("doel"), max_length=300, blank=True)
    request_id = models.CharField(max_length=64, blank=True, db_index=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["subject_person", "-at"])]
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditlog")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_type} {self.object_id}"

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self.pk is not None:
            raise PermissionError("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError("The audit log is append-only.")
