# SPDX-License-Identifier: EUPL-1.2
"""axe-core on every portfolio page (the pattern of test_accessibility.py): no serious or critical violations.

One live-server test: a filled portfolio with items in every visibility, a skills profile, requests in
every state, notifications and a views log; then every page as the owner, as a colleague (with and
without a grant), as the category administrator, and a few in English."""

import pytest
from django.urls import reverse
from django.utils import timezone
from tests.browser.conftest import axe_violations, format_violations, login

from rijksportfolio.audit.models import AuditAction
from rijksportfolio.audit.services import audit_record
from rijksportfolio.notifications.models import Notification
from rijksportfolio.portfolios.models import SECTION_FIELDS
from rijksportfolio.portfolios.tests.factories import (
    AccessRequestFactory,
    EndorsementFactory,
    ItemFactory,
    PortfolioFactory,
    PortfolioSkillFactory,
    category_get,
)
from rijksportfolio.skills.tests.factories import SkillFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _filled_portfolio(world):  # type: ignore[no-untyped-def]
    owner, colleague = world.people["medewerker"], world.people["projectleider"]
    visibility = {field: "op_aanvraag" for field in SECTION_FIELDS.values()} | {"visibility_dossier": "rijk"}
    portfolio = PortfolioFactory(
        person=owner,
        visibility_chosen_at=timezone.now(),
        headline="Beleidsadviseur arbeidsmarkt",
        available_hours_per_week=8,
        show_endorsements=True,
        **visibility,
    )
    skill = SkillFactory(preferred_label_nl="beleid ontwikkelen")
    certificate = ItemFactory(
        portfolio=portfolio,
        category=category_get("certificaat"),
        title="Prince2 Foundation",
        data={"uitgever": "Axelos", "datum": "2024-05-01"},
        body="Behaald met **goed** resultaat.",
        skills=[skill],
    )
    ItemFactory(
        portfolio=portfolio,
        category=category_get("profiel"),
        title="LinkedIn",
        data={"link": "https://www.linkedin.com/in/voorbeeld"},
        visibility="rijk",
    )
    ItemFactory(portfolio=portfolio, category=category_get("ambitie"), title="Teamleider worden")
    ItemFactory(
        portfolio=portfolio,
        category=category_get("feedback_360"),
        title="360° ronde 2025",
        data={"ronde": "voorjaar 2025"},
        visibility="alleen_ik",
    )
    ps = PortfolioSkillFactory(portfolio=portfolio, skill=skill, evidence_items=[certificate])
    EndorsementFactory(portfolio_skill=ps, endorser=world.people["collega"])
    AccessRequestFactory(portfolio=portfolio, requester=world.people["collega"], section="ambitie")
    grant = AccessRequestFactory(portfolio=portfolio, requester=colleague, section="ambitie", approved=True)
    AccessRequestFactory(portfolio=portfolio, requester=world.people["buiten"], section="vrij", declined=True)
    other = PortfolioFactory(
        person=world.people["leidinggevende"],
        visibility_chosen_at=timezone.now(),
        visibility_dossier="op_aanvraag",
    )
    AccessRequestFactory(portfolio=other, requester=owner, section="dossier")
    audit_record(
        actor=world.users["projectleider"],
        action=AuditAction.READ,
        object_type="portfolio.ambitie",
        object_id=portfolio.pk,
        subject_person=owner,
        purpose=grant.purpose,
    )
    Notification.objects.create(
        recipient=world.users["medewerker"],
        kind="test",
        subject="Nieuw inzageverzoek",
        body="Daan Visser vraagt inzage.",
        url="/mijn-portfolio/verzoeken",
    )
    Notification.objects.create(
        recipient=world.users["medewerker"], kind="test", subject="Gelezen melding", read_at=timezone.now()
    )
    return portfolio, certificate, ps


def test_every_portfolio_page_has_no_serious_axe_violations(world, new_page):
    portfolio, item, ps = _filled_portfolio(world)
    owner_id = portfolio.person_id
    found: list[str] = []

    def check(page, label, url):
        page.goto(url)
        violations = axe_violations(page)
        if violations:
            found.append(f"[{label}] " + format_violations(url, violations))

    owner = new_page(bypass_csp=True)
    login(owner, "medewerker")
    for url in [
        reverse("portfolios:mine"),
        reverse("portfolios:visibility"),
        reverse("portfolios:settings"),
        reverse("portfolios:part", args=["dossier"]),
        reverse("portfolios:part", args=["ambitie"]),
        reverse("portfolios:item_create", args=["dossier", "certificaat"]),
        reverse("portfolios:item_create", args=["ambitie", "loopbaanstap"]),
        reverse("portfolios:item_update", args=[item.pk]),
        reverse("portfolios:item_delete", args=[item.pk]),
        reverse("portfolios:skills"),
        reverse("portfolios:skill_update", args=[ps.pk]),
        reverse("portfolios:preview") + "?als=rijk",
        reverse("portfolios:preview") + "?als=grant",
        reverse("portfolios:preview") + "?als=none",
        reverse("portfolios:requests"),
        reverse("portfolios:views_log"),
        reverse("portfolios:export"),
        reverse("portfolios:export_pdf_options"),
        reverse("portfolios:import"),
        reverse("portfolios:evidence", args=[item.pk]),
        reverse("portfolios:person_portfolio", args=[owner_id]),
        reverse("notifications:inbox"),
    ]:
        check(owner, "eigenaar", url)
    # A form sent back with errors.
    owner.goto(reverse("portfolios:item_create", args=["dossier", "certificaat"]))
    owner.get_by_role("button", name="Opslaan", exact=True).click()
    owner.get_by_role("alert").wait_for()
    violations = axe_violations(owner)
    if violations:
        found.append("[eigenaar] " + format_violations("certificaat met fouten", violations))

    first_use = new_page(bypass_csp=True)
    login(first_use, "hr-adviseur")
    check(first_use, "eerste keer", reverse("portfolios:first_use"))

    granted = new_page(bypass_csp=True)
    login(granted, "projectleider")
    check(granted, "collega met inzage", reverse("portfolios:person_portfolio", args=[owner_id]))
    check(
        granted, "collega met inzage", reverse("portfolios:person_section", args=[owner_id, "vaardigheden"])
    )

    colleague = new_page(bypass_csp=True)
    login(colleague, "leidinggevende")
    check(colleague, "collega", reverse("portfolios:person_portfolio", args=[owner_id]))
    check(colleague, "collega", reverse("portfolios:person_section", args=[owner_id, "dossier"]))
    check(colleague, "collega", reverse("portfolios:request_access", args=[owner_id, "ambitie"]))

    admin = new_page(bypass_csp=True)
    login(admin, "beheerder")
    check(admin, "beheerder", reverse("portfolios:category_list"))
    check(admin, "beheerder", reverse("portfolios:category_create"))
    check(admin, "beheerder", reverse("portfolios:category_update", args=[category_get("certificaat").pk]))

    english = new_page(bypass_csp=True)
    login(english, "medewerker")
    english.get_by_role("button", name="English").click()
    english.wait_for_load_state()
    check(english, "eigenaar, English", reverse("portfolios:mine"))
    check(english, "eigenaar, English", reverse("portfolios:part", args=["dossier"]))
    check(english, "eigenaar, English", reverse("portfolios:requests"))

    assert not found, "\n\n".join(found)
