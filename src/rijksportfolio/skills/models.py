# SPDX-License-Identifier: EUPL-1.2
"""ESCO taxonomy: skills, skill groups, occupations and their relations, with Dutch and English labels.

Dutch labels exist for every occupation and skill group but only for part of the skills. ``label`` is the
label in the active language, falling back to the other one (``skills.labels.BilingualLabel``): the Dutch UI
shows the English label, marked as such, where ``preferred_label_nl`` is empty.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rijksportfolio.skills.labels import BilingualLabel

# URIs of Rijk-specific skills (the Rijk extension): this prefix + a key of lower-case letters, digits, hyphens.
RIJK_SKILL_URI_PREFIX = "urn:rijksportfolio:vaardigheid:"


class SkillOrigin(models.TextChoices):
    ESCO = "esco", _("ESCO")
    RIJK = "rijk", _("Rijk")


class LabelSource(models.TextChoices):
    """Who gave a Dutch label of the Rijk extension."""

    TEAM = "team", _("Rijksportfolio-team (meegeleverd)")
    ADMIN = "beheer", _("Taxonomiebeheer")


class TaxonomyVersion(models.Model):
    """Which ESCO release (and bundle) is loaded; the latest row is the version in use."""

    version = models.CharField(max_length=20)
    source = models.CharField(max_length=200)
    checksum = models.CharField(max_length=64)
    imported_at = models.DateTimeField(auto_now_add=True)
    skills = models.PositiveIntegerField(default=0)
    occupations = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-imported_at"]

    def __str__(self) -> str:
        return f"ESCO {self.version}"


class Skill(BilingualLabel, models.Model):
    """An ESCO skill/competence, knowledge concept or skill group (``is_group``)."""

    uri = models.CharField(max_length=200, unique=True)
    preferred_label_nl = models.CharField(max_length=300, blank=True)
    preferred_label_en = models.CharField(max_length=300)
    alt_labels_nl = models.JSONField(default=list, blank=True)
    alt_labels_en = models.JSONField(default=list, blank=True)
    hidden_labels = models.JSONField(default=list, blank=True)
    description_nl = models.TextField(blank=True)
    description_en = models.TextField(blank=True)
    skill_type = models.CharField(max_length=30, blank=True)  # skill/competence, knowledge; empty for groups
    reuse_level = models.CharField(max_length=30, blank=True)
    is_group = models.BooleanField(default=False)
    code = models.CharField(max_length=30, blank=True)  # skill groups only (e.g. "S1.2.1", ISCED-F "0412")
    broader = models.ManyToManyField("self", symmetrical=False, related_name="narrower", blank=True)
    # ESCO concept, or a Rijk-specific skill (uri RIJK_SKILL_URI_PREFIX + key) below an ESCO concept
    origin = models.CharField(
        max_length=10, choices=SkillOrigin.choices, default=SkillOrigin.ESCO, db_default=SkillOrigin.ESCO
    )

    class Meta:
        ordering = ["preferred_label_nl", "preferred_label_en"]
        verbose_name = _("vaardigheid")
        verbose_name_plural = _("vaardigheden")

    def __str__(self) -> str:
        return self.label

    @property
    def is_rijk(self) -> bool:
        """A Rijk-specific skill (not in ESCO)."""
        return self.origin == SkillOrigin.RIJK


class RijkLabel(models.Model):
    """A Dutch label the Rijk gives an ESCO skill (the Rijk extension; not ESCO's own).

    ``Skill.preferred_label_nl`` / ``alt_labels_nl`` hold the label in effect (this one), so every reader —
    pages, API, autocomplete, normaliser, matching — uses it without knowing about the extension; ESCO's own
    Dutch values are kept here and restored when the Rijk label is removed. An ESCO import writes ESCO's
    values here and leaves the label in effect alone, so a re-import never overwrites a Rijk label.
    """

    skill = models.OneToOneField(Skill, on_delete=models.CASCADE, related_name="rijk_label")
    label = models.CharField(_("Nederlandse naam"), max_length=300)
    alt_labels = models.JSONField(_("alternatieve namen"), default=list, blank=True)
    source = models.CharField(max_length=10, choices=LabelSource.choices)
    esco_label_nl = models.CharField(max_length=300, blank=True)
    esco_alt_labels_nl = models.JSONField(default=list, blank=True)
    changed_at = models.DateTimeField(auto_now=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("Nederlandse naam van het Rijk")
        verbose_name_plural = _("Nederlandse namen van het Rijk")

    def __str__(self) -> str:
        return self.label


class ExtensionRevision(models.Model):
    """One row whose counter moves with every write to the Rijk extension (labels, Rijk skills), in the
    writer's transaction: processes compare it to know when to rebuild their normaliser index."""

    revision = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"extension revision {self.revision}"


class SkillRelation(models.Model):
    """ESCO skill–skill relation (``skillSkillRelations.csv``): essential or optional."""

    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="relations")
    related = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="reverse_relations")
    relation_type = models.CharField(max_length=20)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["skill", "related"], name="skill_relation_unique")]

    def __str__(self) -> str:
        return f"{self.skill_id} -> {self.related_id} ({self.relation_type})"


class Occupation(BilingualLabel, models.Model):
    uri = models.CharField(max_length=200, unique=True)
    isco_group = models.CharField(max_length=10, blank=True)
    code = models.CharField(max_length=30, blank=True)
    preferred_label_nl = models.CharField(max_length=300)
    preferred_label_en = models.CharField(max_length=300, blank=True)
    alt_labels_nl = models.JSONField(default=list, blank=True)
    alt_labels_en = models.JSONField(default=list, blank=True)
    hidden_labels = models.JSONField(default=list, blank=True)
    description_nl = models.TextField(blank=True)
    description_en = models.TextField(blank=True)
    skills = models.ManyToManyField(Skill, through="OccupationSkill", related_name="occupations")

    class Meta:
        ordering = ["preferred_label_nl"]
        verbose_name = _("beroep")
        verbose_name_plural = _("beroepen")

    def __str__(self) -> str:
        return self.label


class OccupationSkill(models.Model):
    """ESCO occupation–skill relation (``occupationSkillRelations.csv``): essential or optional."""

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE)
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE)
    relation_type = models.CharField(max_length=20)  # essential / optional

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["occupation", "skill"], name="occupation_skill_unique")
        ]

    def __str__(self) -> str:
        return f"{self.occupation_id} -> {self.skill_id} ({self.relation_type})"
