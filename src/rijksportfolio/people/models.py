# SPDX-License-Identifier: EUPL-1.2
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rijksportfolio.people.constants import ContractType, EndReason, Gender, JobFamily, RecordSource, WorkType


class Person(models.Model):
    """A civil servant (or external) known to the Rijk. No special-category data is stored here or anywhere."""

    personnel_number = models.CharField(_("personeelsnummer"), max_length=20, unique=True)
    first_name = models.CharField(_("voornaam"), max_length=100)
    name_prefix = models.CharField(_("tussenvoegsel"), max_length=20, blank=True)
    last_name = models.CharField(_("achternaam"), max_length=100)
    date_of_birth = models.DateField(_("geboortedatum"))
    gender = models.CharField(_("geslacht"), max_length=10, choices=Gender.choices, default=Gender.UNKNOWN)
    email = models.EmailField(_("e-mailadres"), blank=True)
    work_location = models.ForeignKey(
        "organisations.Location",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("standplaats"),
    )
    source = models.CharField(max_length=10, choices=RecordSource.choices, default=RecordSource.MANUAL)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["last_name", "first_name", "personnel_number"]
        verbose_name = _("medewerker")
        verbose_name_plural = _("medewerkers")

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.name_prefix, self.last_name) if part)


class Employment(models.Model):
    """One employment record (dienstverband / aanstelling). Records are never overwritten: a change of job,
    organisation, scale or FTE ends the record and starts a new one (see ``people.services``)."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="employments")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="employments"
    )
    job_title = models.CharField(_("functienaam"), max_length=200)
    job_family = models.CharField(_("functiefamilie"), max_length=20, choices=JobFamily.choices)
    work_type = models.CharField(_("werksoort"), max_length=20, choices=WorkType.choices)
    occupation = models.ForeignKey(
        "skills.Occupation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="employments",
        verbose_name=_("ESCO-beroep"),
    )
    salary_scale = models.PositiveSmallIntegerField(
        _("salarisschaal"), validators=[MinValueValidator(1), MaxValueValidator(18)]
    )
    fte = models.DecimalField(_("fte"), max_digits=4, decimal_places=3)
    contract_type = models.CharField(_("soort dienstverband"), max_length=20, choices=ContractType.choices)
    start_date = models.DateField(_("begindatum"))
    end_date = models.DateField(_("einddatum"), null=True, blank=True)
    end_reason = models.CharField(_("reden einde"), max_length=20, choices=EndReason.choices, blank=True)
    source = models.CharField(max_length=10, choices=RecordSource.choices, default=RecordSource.MANUAL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["person_id", "start_date", "id"]
        verbose_name = _("dienstverband")
        verbose_name_plural = _("dienstverbanden")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "organisation", "start_date"], name="employment_natural_key"
            ),
            models.CheckConstraint(
                condition=Q(salary_scale__gte=1, salary_scale__lte=18), name="employment_scale_1_18"
            ),
            models.CheckConstraint(condition=Q(fte__gt=0, fte__lte=1.5), name="employment_fte_range"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="employment_end_after_start",
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "start_date"]),
            models.Index(fields=["start_date", "end_date"]),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.job_title} ({self.start_date}–{self.end_date or ''})"


class ImportRun(models.Model):
    """One run of ``rijksportfolio import-hr``: what file, when, with what result. Never the file's content."""

    class Status(models.TextChoices):
        RUNNING = "running", _("Bezig")
        SUCCEEDED = "succeeded", _("Geslaagd")
        SUCCEEDED_WITH_ERRORS = "with_errors", _("Geslaagd, met afgekeurde regels")
        DRY_RUN = "dry_run", _("Proefrun (niets opgeslagen)")
        FAILED = "failed", _("Mislukt")

    started_at = models.DateTimeField(_("gestart"), auto_now_add=True)
    finished_at = models.DateTimeField(_("klaar"), null=True, blank=True)
    file_name = models.CharField(_("bestand"), max_length=255)
    checksum = models.CharField(_("SHA-256"), max_length=64)
    started_by = models.CharField(_("gestart door"), max_length=150, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.RUNNING)
    rows_total = models.PositiveIntegerField(_("regels"), default=0)
    rows_rejected = models.PositiveIntegerField(_("afgekeurde regels"), default=0)
    employments_created = models.PositiveIntegerField(_("dienstverbanden nieuw"), default=0)
    employments_closed = models.PositiveIntegerField(_("dienstverbanden afgesloten"), default=0)
    employments_unchanged = models.PositiveIntegerField(_("dienstverbanden ongewijzigd"), default=0)
    people_created = models.PositiveIntegerField(_("medewerkers nieuw"), default=0)
    people_updated = models.PositiveIntegerField(_("medewerkers gewijzigd"), default=0)
    message = models.TextField(_("melding"), blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("HR-import")
        verbose_name_plural = _("HR-imports")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.started_at:%Y-%m-%d %H:%M})"
