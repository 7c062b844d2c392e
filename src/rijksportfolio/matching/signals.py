# SPDX-License-Identifier: EUPL-1.2
"""Mark the matching index stale on every change the engine sees (see ``index.py``).

Receivers rather than calls in ``portfolios.services``: every write path (services, imports, the admin)
goes through ``save``/``delete`` of these models; bulk loaders (``generate``) rebuild explicitly."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save


def _changed(sender: Any, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return  # loading fixtures
    from rijksportfolio.matching.index import mark_changed

    mark_changed()


def connect() -> None:
    from rijksportfolio.people.models import Employment, Person
    from rijksportfolio.portfolios.models import Item, Portfolio, PortfolioSkill
    from rijksportfolio.skills.models import Skill, SkillRelation

    for model in (Portfolio, PortfolioSkill, Item, Person, Employment, Skill, SkillRelation):
        post_save.connect(_changed, sender=model, dispatch_uid=f"matching-save-{model.__name__}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"matching-delete-{model.__name__}")
    m2m_changed.connect(_changed, sender=Skill.broader.through, dispatch_uid="matching-taxonomy")
