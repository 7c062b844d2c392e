# SPDX-License-Identifier: EUPL-1.2
"""Matching records: every ranking request (RankingLog), the human shortlist with override reasons, an
organisation's matching settings; the freshness of the per-process index (IndexVersion for full rebuilds, the
ProfileChange log for people who changed, ChangeReader for a reader's position in it); alerts (AlertPreference
of an employee, OpportunityAlerts of an opportunity, one MatchAlert per person–opportunity pair); the fairness
monitor's runs (FairnessRun); and the candidate pool (Virtueel Matchingsteam: PoolEntry, PoolContact, PoolOptOut)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RankingDirection(models.TextChoices):
    PEOPLE_FOR_OPPORTUNITY = "kandidaten", _("Kandidaten voor een kans")
    EXPERTISE_SEARCH = "expertise", _("Zoeken naar expertise")
    CANDIDATE_POOL = "pool", _("Zoeken in de kandidatenpool")
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


class FairnessRun(models.Model):
    """One run of the fairness monitor for a scope (an organisation's subtree; None: the Rijk): the benchmark
    queries through the live index, selection and scoring rates per gender and age band (docs/matching.md,
    "Fairness monitor"). ``result`` holds only the published figures (``domain.matching.fairness.published``:
    group sizes through small-cell suppression, rates of groups of at least 10 people) — never person ids.
    ``requested_by`` None: a scheduled run (``rijksportfolio matching fairness``)."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="fairness_runs",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    reference_date = models.DateField()  # ages are taken on this date
    algorithm_version = models.CharField(max_length=20)
    index_version = models.BigIntegerField(default=0)
    queries = models.PositiveIntegerField()
    top_k = models.PositiveSmallIntegerField()
    score_threshold = models.FloatField()
    population = models.PositiveIntegerField(null=True)  # None: hidden (fewer than 10 people)
    min_ratio_gender = models.FloatField(null=True)  # lowest selection impact ratio; None: undefined
    min_ratio_age = models.FloatField(null=True)
    flagged = models.PositiveSmallIntegerField(default=0)
    seconds = models.FloatField(default=0.0)
    result = models.JSONField(default=dict)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organisation", "-created_at"], name="fairness_run_scope_recent")]

    def __str__(self) -> str:
        return f"fairness {self.organisation_id or 'rijk'} {self.created_at:%Y-%m-%d %H:%M}"


# --- candidate pool (Virtueel Matchingsteam) ----------------------------------------------------------------


class PoolEntryStatus(models.TextChoices):
    PROPOSED = "voorgesteld", _("Wacht op toestemming")
    ACTIVE = "actief", _("In de kandidatenpool")


class PoolEntry(models.Model):
    """A candidate who was not hired, proposed for the Rijk-wide candidate pool by the vacancy holder.

    Visible to other vacancy holders only after the candidate's explicit consent (``actief``) and until
    ``expires_at``. A declined, withdrawn, lapsed or expired entry is *deleted* with its note; the audit
    trail keeps who did what when, never the note. Rules: ``rijksportfolio.domain.candidate_pool``."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="pool_entries", verbose_name=_("kandidaat")
    )
    opportunity = models.ForeignKey(
        "opportunities.Opportunity", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("kans waarvoor voorgedragen"),
    )  # fmt: skip
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
        verbose_name=_("voorgedragen door"),
    )  # fmt: skip
    note = models.TextField(_("toelichting"), max_length=1000)
    status = models.CharField(
        _("status"), max_length=12, choices=PoolEntryStatus.choices, default=PoolEntryStatus.PROPOSED
    )
    proposed_at = models.DateTimeField(_("voorgedragen op"))
    answer_by = models.DateTimeField(_("antwoord uiterlijk"))
    consented_at = models.DateTimeField(_("toestemming gegeven op"), null=True, blank=True)
    months = models.PositiveSmallIntegerField(_("periode (maanden)"), null=True, blank=True)
    expires_at = models.DateTimeField(_("zichtbaar tot"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-proposed_at", "-id"]
        verbose_name = _("deelname kandidatenpool")
        verbose_name_plural = _("deelnames kandidatenpool")
        constraints = [
            models.UniqueConstraint(fields=["person", "opportunity"], name="pool_entry_once_per_opportunity"),
            models.CheckConstraint(
                condition=models.Q(status="voorgesteld")
                | models.Q(
                    status="actief",
                    consented_at__isnull=False,
                    expires_at__isnull=False,
                    months__gte=1,
                    months__lte=12,
                ),
                name="pool_entry_active_has_consent_and_end",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "expires_at"], name="pool_entry_status_end"),
            models.Index(fields=["status", "answer_by"], name="pool_entry_status_answer"),
        ]

    def __str__(self) -> str:
        return f"{self.person_id}: {self.status}"


class PoolContact(models.Model):
    """A vacancy holder contacted a pool member (a human action; the message itself travels only in the
    candidate's notification). Deleted with its entry."""

    entry = models.ForeignKey(PoolEntry, on_delete=models.CASCADE, related_name="contacts")
    contacted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    opportunity = models.ForeignKey(
        "opportunities.Opportunity", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.entry_id} ← {self.contacted_by_id}"


class PoolOptOut(models.Model):
    """The person does not want to be proposed for the candidate pool (until they switch it back)."""

    person = models.OneToOneField("people.Person", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.person_id}: no proposals"


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
    ``explanation`` and ``missing`` are kept only until the notification is sent (they are in it) or dropped,
    as data (``matching.explain.contribution_stored`` / ``missing_stored``) so that the message is written in
    the recipient's language at the moment it is sent."""

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
