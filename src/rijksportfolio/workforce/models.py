# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StoreChange(models.Model):
    """A person whose records changed since the last refresh of the analytical store (written by the write
    services through ``workforce.services.store_changed``; removed by the refresh that exported them). A plain
    integer, not a foreign key: a deleted person must still reach the store."""

    person_id = models.BigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("wijziging voor de analysekopie")
        verbose_name_plural = _("wijzigingen voor de analysekopie")

    def __str__(self) -> str:
        return f"{self.person_id} @ {self.created_at:%Y-%m-%d %H:%M}"


class SecondmentExplanation(models.Model):
    """Comply or explain: why a secondment runs past one year (seed 002: "Detacheringen worden beperkt tot
    maximaal één jaar … comply or explain"). One per secondment record; the organisation writes it. The record
    is named by id, not by a foreign key: the generator replaces generated records with TRUNCATE, and an
    explanation must not stop it (an explanation of a record that no longer exists is simply not shown)."""

    employment_id = models.BigIntegerField(unique=True)
    explanation = models.TextField(_("toelichting"))
    planned_end = models.DateField(_("verwachte einddatum"), null=True, blank=True)
    explained_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("toelichting detachering langer dan een jaar")
        verbose_name_plural = _("toelichtingen detacheringen langer dan een jaar")

    def __str__(self) -> str:
        return f"{self.employment_id}: {self.explanation[:40]}"
