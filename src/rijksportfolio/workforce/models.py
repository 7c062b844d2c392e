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


class WorkforcePlanScenario(models.Model):
    """A saved MPP demand scenario (issue 5: "scenarios saved, compared side by side, and exported"): for an
    organisation subtree (None: the Rijk) and optionally one job family, the assumptions of demand — growth
    (negative: shrinkage) in percent a year, per job family where it differs, the share of each work type's
    work technology takes over by the horizon's last year, and the horizon. Supply, demand and gap are not
    stored: they are computed on the analytical store at the peildatum asked for (``workforce.access``)."""

    name = models.CharField(_("naam"), max_length=120)
    description = models.TextField(_("toelichting"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="workforce_plan_scenarios",
        verbose_name=_("eigenaar"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="workforce_plan_scenarios",
        verbose_name=_("organisatie"),
    )
    job_family = models.CharField(_("functiefamilie"), max_length=20, blank=True)
    horizon_years = models.PositiveSmallIntegerField(_("horizon (jaren)"), default=12)
    growth_pct = models.FloatField(_("groei per jaar (%)"), default=0.0)
    growth_by_family = models.JSONField(_("groei per functiefamilie (%)"), default=dict, blank=True)
    technology_pct = models.JSONField(_("effect van technologie per werksoort (%)"), default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("MPP-scenario")
        verbose_name_plural = _("MPP-scenario's")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(horizon_years__gte=1, horizon_years__lte=12),
                name="workforce_plan_scenario_horizon_1_12",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class DiversityGroup(models.TextChoices):
    """The groups of the diversity panel (``domain.analytics.panels.diversity``) a goal can be set for."""

    ALL = "all", _("Alle medewerkers")
    SCALE_10_13 = "10-13", _("Schaal 10–13")
    SCALE_14 = "14+", _("Schaal 14 en hoger")
    TOP = "top", _("Topmanagement (schaal 15 en hoger)")


class DiversityGoal(models.Model):
    """A goal an organisation sets itself for diversity (issue 5): the women's share in a group of its staff
    (its whole subtree) by the end of ``target_year``. Progress is measured from the share on 1 January of
    ``start_year``. Aggregates only: no person-level data."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisatie"),
    )
    group = models.CharField(_("groep"), max_length=8, choices=DiversityGroup.choices)
    target_pct = models.DecimalField(_("doel: aandeel vrouwen (%)"), max_digits=4, decimal_places=1)
    start_year = models.PositiveSmallIntegerField(_("vanaf jaar"))
    target_year = models.PositiveSmallIntegerField(_("doeljaar"))
    note = models.TextField(_("toelichting"), blank=True)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("diversiteitsdoel")
        verbose_name_plural = _("diversiteitsdoelen")
        ordering = ("organisation", "target_year", "group")
        constraints = [
            models.UniqueConstraint(
                fields=("organisation", "group", "target_year"), name="workforce_diversitygoal_unique_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} {self.group} {self.target_pct}% {self.target_year}"


class IctFormation(models.Model):
    """The formation (budgeted places, in FTE) for ICT staff of an organisation's subtree in a year (KWIV,
    seed 003). The HR systems the platform reads hold no formation, so the organisation records it here to
    compare it with the occupancy (the ICT staff's FTE)."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisatie"),
    )
    year = models.PositiveSmallIntegerField(_("jaar"))
    fte = models.DecimalField(_("formatie (fte)"), max_digits=8, decimal_places=1)
    note = models.TextField(_("toelichting"), blank=True)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("ICT-formatie")
        verbose_name_plural = _("ICT-formaties")
        ordering = ("organisation", "year")
        constraints = [
            models.UniqueConstraint(
                fields=("organisation", "year"), name="workforce_ictformation_unique_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} {self.year}: {self.fte} fte"
