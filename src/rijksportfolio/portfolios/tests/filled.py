# SPDX-License-Identifier: EUPL-1.2
"""A portfolio filled through the services in every part, with evidence and a skills profile.

Used by the export/import and PDF tests. Texts carry a marker per section so that a test can see which
sections ended up in an output."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from rijksportfolio.portfolios import services
from rijksportfolio.portfolios.models import Item, Portfolio
from rijksportfolio.portfolios.tests import samples
from rijksportfolio.portfolios.tests.factories import category_get
from rijksportfolio.skills.tests.factories import SkillFactory


@dataclass
class Filled:
    portfolio: Portfolio
    items: dict[str, Item]


def fill(*, user: Any, portfolio: Portfolio) -> Filled:
    services.portfolio_visibility_set(
        actor=user,
        portfolio=portfolio,
        visibilities={
            "dossier": "rijk",
            "analytisch": "alleen_ik",
            "ambitie": "op_aanvraag",
            "vrij": "rijk",
            "vaardigheden": "rijk",
        },
    )
    services.portfolio_settings_update(
        actor=user,
        portfolio=portfolio,
        headline="Beleidsadviseur met oog voor data",
        show_endorsements=True,
        available_hours_per_week=8,
        available_from=date(2025, 3, 1),
    )
    services.portfolio_matching_consent_set(actor=user, portfolio=portfolio, consent=True)
    python = SkillFactory(preferred_label_nl="Python programmeren")
    advice = SkillFactory(preferred_label_nl="beleid adviseren")
    items = {
        "opleiding": services.item_create(
            actor=user,
            portfolio=portfolio,
            category=category_get("opleiding"),
            title="Master Bestuurskunde DOSSIERMERK",
            body="Afgestudeerd op **digitale overheid**.",
            data={"instelling": "Universiteit Leiden", "niveau": "wo_master", "afgerond": True},
            start_date=date(2010, 9, 1),
            end_date=date(2012, 8, 31),
            skills=[advice],
        ),
        "certificaat": services.item_create(
            actor=user,
            portfolio=portfolio,
            category=category_get("certificaat"),
            title="Prince2 Foundation DOSSIERMERK",
            data={"uitgever": "Axelos", "datum": "2019-05-01", "geldig_tot": "2029-05-01"},
        ),
        "geheim": services.item_create(
            actor=user,
            portfolio=portfolio,
            category=category_get("cursus"),
            title="Cursus omgaan met stress PRIVEITEMMERK",
            visibility="alleen_ik",
        ),
        "feedback": services.item_create(
            actor=user,
            portfolio=portfolio,
            category=category_get("feedback_360"),
            title="360-feedback 2023 ANALYTISCHMERK",
            data={"ronde": "voorjaar 2023", "reflectie": "Ik wil beter *luisteren*."},
        ),
        "ambitie": services.item_create(
            actor=user,
            portfolio=portfolio,
            category=category_get("loopbaanstap"),
            title="Naar een leidinggevende rol AMBITIEMERK",
            data={"richting": "verticaal", "waar": "rijk"},
        ),
        "publicatie": services.item_create(
            actor=user,
            portfolio=portfolio,
            category=category_get("publicatie"),
            title="Blog over open data VRIJMERK",
            body="Lees [mijn blog](https://example.org/blog).",
            data={"link": "https://example.org/blog", "medium": "Eigen blog"},
            skills=[python],
        ),
    }
    services.evidence_add(actor=user, item=items["opleiding"], file=samples.pdf(), name="diploma master.pdf")
    services.evidence_add(actor=user, item=items["certificaat"], file=samples.png(), name="prince2.png")
    services.portfolio_skill_set(
        actor=user, portfolio=portfolio, skill=python, level="ervaren", evidence_items=[items["publicatie"]]
    )
    services.portfolio_skill_set(
        actor=user, portfolio=portfolio, skill=advice, level="expert", evidence_items=[items["opleiding"]]
    )
    portfolio.refresh_from_db()
    return Filled(portfolio=portfolio, items=items)
