# SPDX-License-Identifier: EUPL-1.2
"""Opportunities (vacatures, projecten, klussen, hubrollen), their required skills, and the recorded
manager agreement for taking on a klus or project. Rules: ``services.py``; deadline and state:
``rijksportfolio.domain.working_days``."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from rijksportfolio.opportunities.constants import (
    AgreementDecision,
    OpportunityKind,
    OpportunityStatus,
    WorkMode,
)
from rijksportfolio.portfolios.constants import SkillLevel


class Opportunity(models.Model):
    kind = models.CharField(_("soort"), max_length=10, choices=OpportunityKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(
        _("omschrijving"), blank=True, help_text=_("Markdown; wordt veilig weergegeven.")
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="opportunities",
        verbose_name=_("organisatie"),
    )  # fmt: skip
    location = models.ForeignKey(
        "organisations.Location", on_delete=models.PROTECT, null=True, blank=True, related_name="opportunities",
        verbose_name=_("werklocatie"),
    )  # fmt: skip
    work_mode = models.CharField(
        _("werkwijze"), max_length=12, choices=WorkMode.choices, default=WorkMode.HYBRID
    )
    hours_per_week = models.PositiveSmallIntegerField(_("uren per week"), null=True, blank=True)
    start_date = models.DateField(_("van"), null=True, blank=True)
    end_date = models.DateField(_("tot"), null=True, blank=True)
    scale_min = models.PositiveSmallIntegerField(_("schaal vanaf"), null=True, blank=True)
    scale_max = models.PositiveSmallIntegerField(_("schaal tot en met"), null=True, blank=True)
    languages = models.JSONField(_("talen"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=OpportunityStatus.choices, default=OpportunityStatus.DRAFT
    )
    owner = models.ForeignKey(
        "people.Person",
        on_delete=models.PROTECT,
        related_name="opportunities_owned",
        verbose_name=_("eigenaar"),
    )
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    closed_at = models.DateTimeField(_("gesloten op"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("kans")
        verbose_name_plural = _("kansen")
        constraints = [
            models.CheckConstraint(
                condition=Q(hours_per_week__isnull=True) | Q(hours_per_week__gte=1, hours_per_week__lte=40),
                name="opportunity_hours_1_40",
            ),
            models.CheckConstraint(
                condition=Q(scale_min__isnull=True)
                | Q(scale_max__isnull=True)
                | Q(scale_max__gte=F("scale_min")),
                name="opportunity_scale_range",
            ),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="opportunity_period",
            ),
        ]
        indexes = [models.Index(fields=["status", "kind"])]

    def __str__(self) -> str:
        return self.title


class OpportunitySkill(models.Model):
    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="required_skills")
    skill = models.ForeignKey("skills.Skill", on_delete=models.PROTECT, related_name="+")
    essential = models.BooleanField(_("essentieel"), default=True)
    min_level = models.CharField(
        _("minimumniveau"), max_length=12, choices=SkillLevel.choices, default=SkillLevel.BASIC
    )

    class Meta:
        ordering = ["opportunity_id", "-essential", "id"]
        constraints = [
            models.UniqueConstraint(fields=["opportunity", "skill"], name="opportunity_skill_once"),
        ]

    def __str__(self) -> str:
        return f"{self.opportunity_id}: {self.skill_id}"


class AgreementPolicy(models.Model):
    """An organisation's own term for the manager's answer; applies to its whole subtree unless a
    deeper organisation sets its own. Without any: ``DEFAULT_AGREEMENT_WORKING_DAYS``."""

    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="agreement_policy"
    )
    working_days = models.PositiveSmallIntegerField(_("termijn (werkdagen)"))

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(working_days__gte=1, working_days__lte=60), name="agreement_policy_days_1_60"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id}: {self.working_days}"


class ManagerAgreement(models.Model):
    """An employee's recorded request to their current manager to spend hours on a klus or project."""

    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="agreements")
    employee = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="agreements_asked")
    manager = models.ForeignKey(
        "people.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="agreements_to_decide"
    )
    hours_per_week = models.PositiveSmallIntegerField(_("uren per week"))
    working_days = models.PositiveSmallIntegerField(_("termijn (werkdagen)"))
    requested_on = models.DateField(_("gevraagd op"))
    deadline = models.DateField(_("uiterste antwoorddatum"))
    decision = models.CharField(
        _("besluit"), max_length=10, choices=AgreementDecision.choices, default=AgreementDecision.PENDING
    )
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)
    note = models.CharField(_("toelichting"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "employee"],
                condition=Q(decision="pending"),
                name="agreement_one_pending",
            ),
            models.CheckConstraint(
                condition=Q(hours_per_week__gte=1, hours_per_week__lte=40), name="agreement_hours_1_40"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee_id} → {self.opportunity_id} ({self.decision})"
