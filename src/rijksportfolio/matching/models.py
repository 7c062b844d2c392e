# SPDX-License-Identifier: EUPL-1.2
"""Matching records: every ranking request (RankingLog), the human shortlist with override reasons, an
organisation's matching settings; the freshness of the per-process index (IndexVersion for full rebuilds, the
ProfileChange log for people who changed, ChangeReader for a reader's position in it); alerts (AlertPreference
of an employee, OpportunityAlerts of an opportunity, one MatchAlert per person–opportunity pair)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RankingDirection(models.TextChoices):
    PEOPLE_FOR_OPPORTUNITY = "kandidaten", _("Kandidaten voor een kans")
    EXPERTISE_SEARCH = "expertise", _("Zoeken naar expertise")
    OPPORTUNITIES_FOR_PERSON = "kansen", _("Kansen voor een medewerker")


class RankingLog(models.Model):
    """One ranking request: who asked, for which opportunity, which algorithm version, what came back (ids
    in the order shown). ``ranked`` is false when the organisation had ranking switched off (alphabetical)."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    direction = models.CharField(max_length=12, choices=RankingDirection.choices)
    opportunity = models.ForeignKey(
        "opportunities.Opportunity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ranking_logs",
    )
    algorithm_version = models.CharField(max_length=20)
    index_version = models.BigIntegerField(default=0)
    ranked = models.BooleanField(default=True)
    query = models.JSONField(default=dict)  # skills (ids, importance, level), filters, text terms
    result_ids = models.JSONField(default=list)  # person ids (or opportunity ids), in the order returned
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["opportunity", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.direction} {self.created_at:%Y-%m-%d %H:%M} ({len(self.result_ids)})"


class ShortlistEntry(models.Model):
    """A person put on an opportunity's shortlist — always a human decision. ``rank`` is their place in the
    latest ranking shown (None: not in it); ``reason`` is required when the choice departs from the ranking."""

    opportunity = models.ForeignKey(
        "opportunities.Opportunity", on_delete=models.CASCADE, related_name="shortlist"
    )
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    ranking_log = models.ForeignKey(RankingLog, on_delete=models.SET_NULL, null=True, related_name="+")
    rank = models.PositiveIntegerField(null=True)
    reason = models.CharField(_("reden"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["opportunity_id", "created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["opportunity", "person"], name="shortlist_once")]

    def __str__(self) -> str:
        return f"{self.opportunity_id}: {self.person_id}"


class MatchingSettings(models.Model):
    """An organisation's choice (for its subtree): ``ranking_enabled`` false shows plain alphabetical lists."""

    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="matching_settings"
    )
    ranking_enabled = models.BooleanField(_("rangschikking aan"), default=True)

    def __str__(self) -> str:
        return f"{self.organisation_id}: {'ranked' if self.ranking_enabled else 'alphabetical'}"


def _token() -> str:
    return uuid.uuid4().hex


class IndexVersion(models.Model):
    """A single row (pk 1): the *generation* of the matching data. Bumped only by changes that touch everyone
    (taxonomy loads, bulk loads, very large imports, ``matching rebuild``); each process compares it with the
    generation its index was built at and rebuilds in full when it differs. Changes of single people go to
    :class:`ProfileChange` instead. ``token`` is new whenever the row is (re)created, so a database that was
    emptied and refilled never matches an old index by accident."""

    version = models.BigIntegerField(default=0)
    token = models.CharField(max_length=32, default=_token)
    changed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"matching index version {self.version}"


class ProfileChange(models.Model):
    """A person whose matching input changed (portfolio, skills, items, consent, work location, employment),
    written by the write services in their own transaction (``matching.changes.matching_inputs_changed``).
    Every process applies the people named here to its index (``matching.index``); the alerts worker reads
    them too. A plain integer, not a foreign key: a person who was deleted must still leave the index.
    Rows older than ``RPF_MATCHING_CHANGE_RETENTION_HOURS`` that the alerts worker has read are deleted by it."""

    id = models.BigAutoField(primary_key=True)
    person_id = models.BigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("wijziging voor matching")
        verbose_name_plural = _("wijzigingen voor matching")

    def __str__(self) -> str:
        return f"{self.id}: {self.person_id}"


class ChangeReader(models.Model):
    """Where a persistent reader of :class:`ProfileChange` is (``domain.changelog.ChangeCursor`` as JSON)."""

    name = models.CharField(primary_key=True, max_length=40)
    cursor = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.name


class AlertFrequency(models.TextChoices):
    DIRECT = "direct", _("Direct")
    WEEKLY = "wekelijks", _("Eén keer per week")


DEFAULT_ALERT_MIN_SCORE = 70  # percent


def _score_range(name: str, field: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=models.Q(**{f"{field}__gte": 1, f"{field}__lte": 100}), name=name)


class AlertPreference(models.Model):
    """An employee's opt-in for alerts about new opportunities that fit them (off unless switched on).
    ``min_score``: how well (percent) an opportunity must fit; ``enabled_at``: opportunities published from
    this moment on are announced; ``last_digest_at``: when the last weekly digest went out."""

    person = models.OneToOneField("people.Person", on_delete=models.CASCADE, related_name="alert_preference")
    enabled = models.BooleanField(_("meldingen over passende kansen"), default=False)
    min_score = models.PositiveSmallIntegerField(
        _("past voor ten minste (%)"), default=DEFAULT_ALERT_MIN_SCORE
    )
    frequency = models.CharField(
        _("hoe vaak"), max_length=10, choices=AlertFrequency.choices, default=AlertFrequency.DIRECT
    )
    enabled_at = models.DateTimeField(null=True, blank=True)
    last_digest_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("meldingsvoorkeur kansen")
        verbose_name_plural = _("meldingsvoorkeuren kansen")
        constraints = [_score_range("alert_preference_min_score_1_100", "min_score")]

    def __str__(self) -> str:
        return f"{self.person_id}: {'aan' if self.enabled else 'uit'}"


class OpportunityAlerts(models.Model):
    """Alert state of one opportunity. Owner side: the owner's opt-in for alerts about people who newly fit
    (``owner_baseline_at``: when the people who already fitted were recorded as known; None: still to do).
    Employee side: ``employees_swept_at``: when employees were told about it (None after publication: still
    to do)."""

    opportunity = models.OneToOneField(
        "opportunities.Opportunity", on_delete=models.CASCADE, related_name="alert_state"
    )
    owner_enabled = models.BooleanField(_("meldingen over nieuwe kandidaten"), default=False)
    owner_min_score = models.PositiveSmallIntegerField(
        _("past voor ten minste (%)"), default=DEFAULT_ALERT_MIN_SCORE
    )
    owner_baseline_at = models.DateTimeField(null=True, blank=True)
    employees_swept_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("meldingen van een kans")
        verbose_name_plural = _("meldingen van kansen")
        constraints = [_score_range("opportunity_alerts_min_score_1_100", "owner_min_score")]

    def __str__(self) -> str:
        return f"{self.opportunity_id}: {'aan' if self.owner_enabled else 'uit'}"


class AlertDirection(models.TextChoices):
    OPPORTUNITY = "kans", _("Passende kans (aan een medewerker)")
    CANDIDATE = "kandidaat", _("Nieuwe kandidaat (aan de eigenaar van een kans)")


class AlertStatus(models.TextChoices):
    PENDING = "wacht", _("Wacht op verzending")
    SENT = "verstuurd", _("Verstuurd")
    KNOWN = "bekend", _("Was al bekend (geen melding)")
    DROPPED = "vervallen", _("Vervallen")


class MatchAlert(models.Model):
    """One person–opportunity pair, at most once per direction: ``kans`` tells employee ``person`` about
    ``opportunity``; ``kandidaat`` tells the opportunity's owner (``recipient``) that ``person`` now fits.
    ``explanation`` and ``missing`` are kept only until the notification is sent (they are in it) or dropped."""

    direction = models.CharField(max_length=10, choices=AlertDirection.choices)
    opportunity = models.ForeignKey(
        "opportunities.Opportunity", on_delete=models.CASCADE, related_name="match_alerts"
    )
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, related_name="+"
    )
    score = models.FloatField(null=True)
    explanation = models.JSONField(default=list, blank=True)
    missing = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=10, choices=AlertStatus.choices, default=AlertStatus.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    notification = models.ForeignKey(
        "notifications.Notification", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["direction", "opportunity", "person"], name="match_alert_once"),
        ]
        indexes = [models.Index(fields=["status", "recipient"])]

    def __str__(self) -> str:
        return f"{self.direction} {self.opportunity_id}/{self.person_id} ({self.status})"
