# SPDX-License-Identifier: EUPL-1.2
"""`rijksportfolio generate` fills portfolios; a re-run replaces them, and keeps other people's portfolios."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.db.models import F

from rijksportfolio.domain.generator.titles import POLICY_ESCO_BY_PROFILE, TITLES
from rijksportfolio.people.models import Employment, Person
from rijksportfolio.people.tests.factories import PersonFactory
from rijksportfolio.portfolios.constants import ItemSource
from rijksportfolio.portfolios.models import Item, ItemCategory, Portfolio, PortfolioSkill
from rijksportfolio.skills.models import Occupation, OccupationSkill, Skill

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def _taxonomy() -> None:
    """Every generator occupation with four essential and three optional skills of its own."""
    catalogue = {t.esco_uri: t.esco_label for t in TITLES} | dict(POLICY_ESCO_BY_PROFILE.values())
    occupations = Occupation.objects.bulk_create(
        [Occupation(uri=uri, preferred_label_nl=label) for uri, label in sorted(catalogue.items())]
    )
    skills = Skill.objects.bulk_create(
        [
            Skill(
                uri=f"urn:test:{o.pk}:{k}",
                preferred_label_nl=f"{o.preferred_label_nl} {k}",
                preferred_label_en="x",
            )
            for o in occupations
            for k in range(7)
        ]
    )
    OccupationSkill.objects.bulk_create(
        [
            OccupationSkill(
                occupation=o, skill=skills[7 * i + k], relation_type="essential" if k < 4 else "optional"
            )
            for i, o in enumerate(occupations)
            for k in range(7)
        ]
    )


def _snapshot() -> list[tuple[object, ...]]:
    items = Item.objects.values_list(
        "portfolio__person__personnel_number", "category__key", "title", "data", "start_date", "visibility"
    )
    return sorted(
        (pn, key, title, json.dumps(data, sort_keys=True), start, vis)
        for pn, key, title, data, start, vis in items
    ) + sorted(
        PortfolioSkill.objects.values_list("portfolio__person__personnel_number", "skill__uri", "level")
    )


def _generate(**options: object) -> None:
    call_command("generate", people=300, seed=1, stdout=io.StringIO(), stderr=io.StringIO(), **options)


def test_generate_fills_portfolios_consistent_with_employment_and_occupation() -> None:
    _taxonomy()
    _generate()
    in_service = Employment.objects.filter(end_date__isnull=True).values("person").distinct().count()
    portfolios = Portfolio.objects.count()
    assert 0.6 * in_service < portfolios < 0.9 * in_service
    # CV lines: one per employment record of the owner, linked to it
    cv = Item.objects.filter(source=ItemSource.EMPLOYMENT).select_related("employment", "portfolio")
    assert cv.exists()
    for item in cv[:200]:
        assert item.employment.person_id == item.portfolio.person_id
        assert item.title == item.employment.job_title
        assert item.start_date == item.employment.start_date
        assert (item.category.key, item.part) == ("werkervaring", "dossier")
    # skills: of an occupation the owner had
    for ps in PortfolioSkill.objects.select_related("portfolio")[:300]:
        occupations = set(
            Employment.objects.filter(person_id=ps.portfolio.person_id).values_list(
                "occupation_id", flat=True
            )
        )
        skill_occupations = set(
            OccupationSkill.objects.filter(skill_id=ps.skill_id).values_list("occupation_id", flat=True)
        )
        family = set(
            Employment.objects.filter(
                job_family__in=Employment.objects.filter(person_id=ps.portfolio.person_id).values(
                    "job_family"
                )
            ).values_list("occupation_id", flat=True)
        )
        assert skill_occupations & (occupations | family)
    # items carry the part of their category; who never chose keeps alleen_ik; consent only after choosing
    assert not Item.objects.exclude(part=F("category__part")).exists()
    assert not Portfolio.objects.filter(visibility_chosen_at__isnull=True).exclude(
        visibility_skills="alleen_ik"
    )
    assert not Portfolio.objects.filter(visibility_chosen_at__isnull=True, matching_consent=True)
    assert Portfolio.objects.filter(items__isnull=True, skills__isnull=True).exists()  # some stay empty


def test_rerun_replaces_portfolios_identically_and_keeps_other_peoples() -> None:
    _taxonomy()
    _generate()
    first = _snapshot()
    counts = (Portfolio.objects.count(), Item.objects.count(), PortfolioSkill.objects.count())
    # someone who is not generated keeps their portfolio and items through a re-run
    own = Portfolio.objects.create(person=PersonFactory(), headline="Eigen portfolio")
    Item.objects.create(
        portfolio=own, category=ItemCategory.objects.get(key="interesse"), part="vrij", title="Schaken"
    )
    _generate()
    assert (Portfolio.objects.count() - 1, Item.objects.count() - 1, PortfolioSkill.objects.count()) == counts
    assert [r for r in _snapshot() if r[0] != own.person.personnel_number] == first
    assert Item.objects.filter(portfolio=own, title="Schaken").exists()
    # without the generated people's portfolios the other portfolio stays, too
    _generate(no_portfolios=True)
    assert list(Portfolio.objects.values_list("pk", flat=True)) == [own.pk]
    assert Person.objects.filter(source="generated").exists()
