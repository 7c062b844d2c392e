# SPDX-License-Identifier: EUPL-1.2
"""ESCO taxonomy: skills, skill groups, occupations and their relations, with Dutch and English labels.

Dutch labels exist for every occupation and skill group but only for part of the skills; the UI shows
the English label, marked as such, where ``preferred_label_nl`` is empty.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


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


class Skill(models.Model):
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

    class Meta:
        ordering = ["preferred_label_nl", "preferred_label_en"]
        verbose_name = _("vaardigheid")
        verbose_name_plural = _("vaardigheden")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.preferred_label_nl or self.preferred_label_en

    @property
    def label_is_english(self) -> bool:
        return not self.preferred_label_nl


class SkillRelation(models.Model):
    """ESCO skill–skill relation (``skillSkillRelations.csv``): essential or optional."""

    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="relations")
    related = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="reverse_relations")
    relation_type = models.CharField(max_length=20)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["skill", "related"], name="skill_relation_unique")]

    def __str__(self) -> str:
        return f"{self.skill_id} -> {self.related_id} ({self.relation_type})"


class Occupation(models.Model):
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

    @property
    def label(self) -> str:
        return self.preferred_label_nl or self.preferred_label_en

    @property
    def label_is_english(self) -> bool:
        return not self.preferred_label_nl


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
