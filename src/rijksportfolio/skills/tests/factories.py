# SPDX-License-Identifier: EUPL-1.2
"""Factories for ESCO skills and occupations (for tests that need a few concepts, not the whole taxonomy).

``SkillFactory(preferred_label_nl="")`` gives a skill with only an English label (``label_is_english``);
``OccupationSkillFactory(relation_type="optional")`` links an occupation to a skill.
"""

from __future__ import annotations

import factory
from factory.django import DjangoModelFactory

from rijksportfolio.skills.models import Occupation, OccupationSkill, Skill, SkillRelation


class SkillFactory(DjangoModelFactory):
    class Meta:
        model = Skill
        django_get_or_create = ("uri",)

    uri = factory.Sequence(lambda n: f"http://data.europa.eu/esco/skill/test-{n:08d}")
    preferred_label_nl = factory.Sequence(lambda n: f"vaardigheid {n}")
    preferred_label_en = factory.Sequence(lambda n: f"skill {n}")
    skill_type = "skill/competence"
    reuse_level = "cross-sector"


class SkillGroupFactory(SkillFactory):
    uri = factory.Sequence(lambda n: f"http://data.europa.eu/esco/skill/group-{n:08d}")
    preferred_label_nl = factory.Sequence(lambda n: f"vaardigheidsgroep {n}")
    preferred_label_en = factory.Sequence(lambda n: f"skill group {n}")
    skill_type = ""
    reuse_level = ""
    is_group = True
    code = factory.Sequence(lambda n: f"S{n}")


class OccupationFactory(DjangoModelFactory):
    class Meta:
        model = Occupation
        django_get_or_create = ("uri",)

    uri = factory.Sequence(lambda n: f"http://data.europa.eu/esco/occupation/test-{n:08d}")
    preferred_label_nl = factory.Sequence(lambda n: f"beroep {n}")
    preferred_label_en = factory.Sequence(lambda n: f"occupation {n}")
    isco_group = "2422"
    code = factory.Sequence(lambda n: f"2422.{n}")


class OccupationSkillFactory(DjangoModelFactory):
    class Meta:
        model = OccupationSkill

    occupation = factory.SubFactory(OccupationFactory)
    skill = factory.SubFactory(SkillFactory)
    relation_type = "essential"


class SkillRelationFactory(DjangoModelFactory):
    class Meta:
        model = SkillRelation

    skill = factory.SubFactory(SkillFactory)
    related = factory.SubFactory(SkillFactory)
    relation_type = "optional"
