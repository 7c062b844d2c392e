# SPDX-License-Identifier: EUPL-1.2
"""The portfolio: a person's own dossier in four parts plus a skills profile.

The portfolio belongs to the *person*, not to an organisation: nothing here refers to an organisation, so a
change of organisation, a secondment or a second job changes nothing in it.

Visibility is decided per section (four parts + skills profile) on :class:`Portfolio` and may be overridden
per item (:attr:`Item.visibility`, empty = follow the section). The rules themselves live in
``rijksportfolio.domain.visibility``; reads of non-public sections go through ``portfolios.access``.
"""

from __future__ import annotations

import uuid
from pathlib import PurePath

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rijksportfolio.portfolios.constants import (
    ItemSource,
    Part,
    RequestStatus,
    Section,
    SkillLevel,
    Visibility,
)


class Portfolio(models.Model):
    person = models.OneToOneField(
        "people.Person", on_delete=models.CASCADE, related_name="portfolio", verbose_name=_("medewerker")
    )
    headline = models.CharField(_("kopregel"), max_length=200, blank=True)
    visibility_dossier = models.CharField(
        _("zichtbaarheid dossierdeel"), max_length=12, choices=Visibility.choices, default=Visibility.PRIVATE
    )
    visibility_analytical = models.CharField(
        _("zichtbaarheid analytisch deel"),
        max_length=12,
        choices=Visibility.choices,
        default=Visibility.PRIVATE,
    )
    visibility_ambition = models.CharField(
        _("zichtbaarheid ambitiedocument"),
        max_length=12,
        choices=Visibility.choices,
        default=Visibility.PRIVATE,
    )
    visibility_free = models.CharField(
        _("zichtbaarheid vrij deel"), max_length=12, choices=Visibility.choices, default=Visibility.PRIVATE
    )
    visibility_skills = models.CharField(
        _("zichtbaarheid vaardigheden"), max_length=12, choices=Visibility.choices, default=Visibility.PRIVATE
    )
    # First-use flow: until the owner has chosen, every section stays PRIVATE and the owner is asked.
    visibility_chosen_at = models.DateTimeField(_("zichtbaarheid gekozen op"), null=True, blank=True)
    # Consent to use the skills profile (and what is visible) for matching; revocable, off by default.
    matching_consent = models.BooleanField(_("toestemming voor matching"), default=False)
    matching_consent_changed_at = models.DateTimeField(null=True, blank=True)
    show_endorsements = models.BooleanField(_("onderschrijvingen tonen"), default=False)
    # Availability for hubs and projects (part of the Ambitiedocument; structured for matching).
    available_hours_per_week = models.PositiveSmallIntegerField(
        _("beschikbaar (uur per week)"), null=True, blank=True
    )
    available_from = models.DateField(_("beschikbaar vanaf"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("portfolio")
        verbose_name_plural = _("portfolio's")
        constraints = [
            models.CheckConstraint(
                condition=Q(available_hours_per_week__isnull=True) | Q(available_hours_per_week__lte=40),
                name="portfolio_hours_at_most_40",
            ),
        ]

    def __str__(self) -> str:
        return f"Portfolio {self.person_id}"

    def section_visibility(self, section: str) -> str:
        return str(getattr(self, SECTION_FIELDS[section]))


SECTION_FIELDS: dict[str, str] = {
    Section.DOSSIER: "visibility_dossier",
    Section.ANALYTICAL: "visibility_analytical",
    Section.AMBITION: "visibility_ambition",
    Section.FREE: "visibility_free",
    Section.SKILLS: "visibility_skills",
}


class ItemCategory(models.Model):
    """A kind of portfolio item (diploma, certificaat, ambitie, publicatie, …) with its own fields.

    Administrators add, change and retire categories at run time. ``fields`` is a list of field definitions
    ``{"key", "label_nl", "label_en", "type" (FieldType), "required", "choices"?, "help_nl"?, "help_en"?}``
    validated by ``rijksportfolio.domain.portfolio_schema``; an item's ``data`` is validated against it.
    Retiring keeps existing items readable (they keep their data) but no new items can be made.
    """

    key = models.SlugField(_("sleutel"), max_length=60, unique=True)
    part = models.CharField(_("onderdeel"), max_length=12, choices=Part.choices)
    label_nl = models.CharField(_("naam (Nederlands)"), max_length=120)
    label_en = models.CharField(_("naam (Engels)"), max_length=120)
    description_nl = models.TextField(_("toelichting (Nederlands)"), blank=True)
    description_en = models.TextField(_("toelichting (Engels)"), blank=True)
    fields = models.JSONField(_("velden"), default=list, blank=True)
    allows_evidence = models.BooleanField(_("bewijsstukken toegestaan"), default=False)
    sort_order = models.PositiveSmallIntegerField(default=100)
    builtin = models.BooleanField(default=False, editable=False)
    schema_version = models.PositiveIntegerField(default=1, editable=False)
    retired_at = models.DateTimeField(_("buiten gebruik sinds"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["part", "sort_order", "key"]
        verbose_name = _("soort onderdeel")
        verbose_name_plural = _("soorten onderdelen")

    def __str__(self) -> str:
        return self.label_nl

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None


class Item(models.Model):
    """One entry in a part: a CV line, a diploma, a 360° result with reflection, an ambition, a publication…"""

    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE, related_name="items")
    category = models.ForeignKey(ItemCategory, on_delete=models.PROTECT, related_name="items")
    part = models.CharField(_("onderdeel"), max_length=12, choices=Part.choices, editable=False)
    title = models.CharField(_("titel"), max_length=200)
    body = models.TextField(_("toelichting"), blank=True, help_text=_("Markdown; wordt veilig weergegeven."))
    data = models.JSONField(_("gegevens"), default=dict, blank=True)
    start_date = models.DateField(_("van"), null=True, blank=True)
    end_date = models.DateField(_("tot"), null=True, blank=True)
    # Empty: follow the section's visibility.
    visibility = models.CharField(_("zichtbaarheid"), max_length=12, choices=Visibility.choices, blank=True)
    source = models.CharField(max_length=12, choices=ItemSource.choices, default=ItemSource.MANUAL)
    employment = models.ForeignKey(
        "people.Employment", on_delete=models.SET_NULL, null=True, blank=True, related_name="portfolio_items"
    )
    skills = models.ManyToManyField("skills.Skill", blank=True, related_name="portfolio_items")
    sort_order = models.IntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["portfolio_id", "part", "sort_order", "-start_date", "id"]
        verbose_name = _("onderdeel")
        verbose_name_plural = _("onderdelen")
        constraints = [
            models.UniqueConstraint(
                fields=["portfolio", "employment"],
                condition=Q(employment__isnull=False),
                name="portfolio_item_one_per_employment",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="portfolio_item_end_after_start",
            ),
        ]
        indexes = [models.Index(fields=["portfolio", "part"])]

    def __str__(self) -> str:
        return self.title


def evidence_upload_to(instance: Evidence, filename: str) -> str:
    """Storage name: a random UUID with the extension of the *detected* type; never the user's file name."""
    suffix = PurePath(filename).suffix.lower()
    return f"portfolio-evidence/{uuid.uuid4().hex}{suffix}"


class Evidence(models.Model):
    """An uploaded file supporting an item (a diploma scan, a certificate). Type checked by content."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("bestand"), upload_to=evidence_upload_to, max_length=255)
    # The name shown to the owner (sanitised); the file is stored and served under another name.
    display_name = models.CharField(_("bestandsnaam"), max_length=120)
    content_type = models.CharField(_("soort bestand"), max_length=60)
    size = models.PositiveIntegerField(_("grootte (bytes)"))
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["item_id", "uploaded_at", "id"]
        verbose_name = _("bewijsstuk")
        verbose_name_plural = _("bewijsstukken")

    def __str__(self) -> str:
        return self.display_name


class PortfolioSkill(models.Model):
    """A skill in the portfolio-wide skills profile, with a self-assessed level and supporting items."""

    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE, related_name="skills")
    skill = models.ForeignKey("skills.Skill", on_delete=models.PROTECT, related_name="portfolio_skills")
    level = models.CharField(_("niveau"), max_length=12, choices=SkillLevel.choices)
    evidence_items = models.ManyToManyField(Item, blank=True, related_name="supported_skills")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["portfolio_id", "skill_id"]
        verbose_name = _("vaardigheid")
        verbose_name_plural = _("vaardigheden")
        constraints = [
            models.UniqueConstraint(fields=["portfolio", "skill"], name="portfolio_skill_unique"),
        ]
        indexes = [models.Index(fields=["skill", "level"])]

    def __str__(self) -> str:
        return f"{self.skill_id} ({self.level})"


class Endorsement(models.Model):
    """A colleague vouching for a skill. Shown only when the owner has switched endorsements on."""

    portfolio_skill = models.ForeignKey(PortfolioSkill, on_delete=models.CASCADE, related_name="endorsements")
    endorser = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="endorsements_given")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["portfolio_skill_id", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["portfolio_skill", "endorser"], name="endorsement_once"),
        ]

    def __str__(self) -> str:
        return f"{self.endorser_id} → {self.portfolio_skill_id}"


class AccessRequest(models.Model):
    """A civil servant asks to see an *op aanvraag* section, with a purpose. Approval makes it a grant.

    A grant is active while ``status == APPROVED``, ``valid_until`` is in the future and it is not revoked;
    expiry needs no job: every check compares with the current time.
    """

    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE, related_name="access_requests")
    section = models.CharField(_("onderdeel"), max_length=12, choices=Section.choices)
    requester = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="portfolio_access_requests"
    )
    purpose = models.CharField(_("doel"), max_length=300)
    status = models.CharField(
        _("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    requested_at = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)
    decision_note = models.CharField(_("toelichting"), max_length=300, blank=True)
    valid_until = models.DateTimeField(_("geldig tot"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("inzageverzoek")
        verbose_name_plural = _("inzageverzoeken")
        constraints = [
            # One open request per requester and section at a time.
            models.UniqueConstraint(
                fields=["portfolio", "section", "requester"],
                condition=Q(status="pending"),
                name="access_request_one_pending",
            ),
            models.CheckConstraint(
                condition=~Q(status="approved") | Q(valid_until__isnull=False),
                name="access_request_approved_has_end",
            ),
        ]
        indexes = [models.Index(fields=["requester", "portfolio", "section", "status"])]

    def __str__(self) -> str:
        return f"{self.requester_id} → {self.portfolio_id}/{self.section} ({self.status})"
