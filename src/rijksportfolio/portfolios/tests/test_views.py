# SPDX-License-Identifier: EUPL-1.2
"""The portfolio screens: what the owner and colleagues see and can do, with and without htmx."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from rijksportfolio.audit.models import AuditEvent
from rijksportfolio.notifications.models import Notification
from rijksportfolio.portfolios.constants import RequestStatus, Visibility
from rijksportfolio.portfolios.models import (
    SECTION_FIELDS,
    AccessRequest,
    Item,
    ItemCategory,
    Portfolio,
    PortfolioSkill,
)
from rijksportfolio.portfolios.tests.factories import (
    AccessRequestFactory,
    ItemFactory,
    PortfolioFactory,
    PortfolioSkillFactory,
    category_get,
    user_for,
)
from rijksportfolio.skills import normalise
from rijksportfolio.skills.models import TaxonomyVersion
from rijksportfolio.skills.tests.factories import SkillFactory
from rijksportfolio.web.tests.world import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    cache.clear()
    yield build_world()
    cache.clear()


def user(world, key: str):
    """The world's account, or (for a person without one, such as the colleague Daan) their own login."""
    return world.users[key] if key in world.users else user_for(world.people[key])


def client_for(world, key: str) -> Client:
    client = Client()
    client.force_login(user(world, key))
    return client


def chosen(world, key: str = "medewerker", **visibility: str) -> Portfolio:
    """The person's portfolio with the first-use choice made (everything ``alleen_ik`` unless given)."""
    fields = {field: Visibility.PRIVATE for field in SECTION_FIELDS.values()}
    fields |= visibility
    return PortfolioFactory(person=world.people[key], visibility_chosen_at=timezone.now(), **fields)


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


# --- first use, visibility, settings --------------------------------------------------------------------


def test_first_use_comes_before_anything_else_with_alleen_ik_preselected(world):
    client = client_for(world, "medewerker")
    for name in ("portfolios:mine", "portfolios:skills", "portfolios:views_log"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"] == reverse("portfolios:first_use")
    html = text(client.get(reverse("portfolios:first_use")))
    assert "Kies wie je portfolio ziet" in html
    checked = re.findall(r'<input type="radio" name="(\w+)" value="(\w+)"[^>]*checked', html)
    assert sorted(checked) == sorted(
        [(s, "alleen_ik") for s in ("dossier", "analytisch", "ambitie", "vrij", "vaardigheden")]
    )
    assert 'name="matching_consent"' in html
    assert "checked" not in html.split('name="matching_consent"')[1][:40]


def test_first_use_choice_is_saved_and_leads_to_the_overview(world):
    client = client_for(world, "medewerker")
    body = {
        "dossier": "rijk",
        "analytisch": "alleen_ik",
        "ambitie": "op_aanvraag",
        "vrij": "rijk",
        "vaardigheden": "op_aanvraag",
        "matching_consent": "on",
    }
    response = client.post(reverse("portfolios:first_use"), body)
    assert response.status_code == 302
    assert response["Location"] == reverse("portfolios:mine")
    portfolio = Portfolio.objects.get(person=world.people["medewerker"])
    assert portfolio.visibility_chosen_at is not None
    assert (portfolio.visibility_dossier, portfolio.visibility_ambition, portfolio.visibility_skills) == (
        "rijk",
        "op_aanvraag",
        "op_aanvraag",
    )
    assert portfolio.matching_consent is True
    html = text(client.get(reverse("portfolios:mine")))
    assert "Dossierdeel" in html
    assert "Zichtbaar voor alle rijksambtenaren" in html
    assert "Toestemming voor matching" in html


def test_guest_has_no_portfolio(world):
    response = client_for(world, "gast").get(reverse("portfolios:mine"))
    assert response.status_code == 403


def test_settings_save_availability_and_endorsements(world):
    portfolio = chosen(world)
    client = client_for(world, "medewerker")
    response = client.post(
        reverse("portfolios:settings"),
        {
            "headline": "Beleidsadviseur arbeidsmarkt",
            "available_hours_per_week": "8",
            "available_from": "2027-01-01",
            "show_endorsements": "on",
        },
    )
    assert response.status_code == 302
    portfolio.refresh_from_db()
    assert (
        portfolio.headline,
        portfolio.available_hours_per_week,
        portfolio.available_from,
        portfolio.show_endorsements,
    ) == (
        "Beleidsadviseur arbeidsmarkt",
        8,
        date(2027, 1, 1),
        True,
    )
    response = client.post(reverse("portfolios:settings"), {"available_hours_per_week": "41"})
    assert response.status_code == 400
    assert "Zorg ervoor dat deze waarde hoogstens 40 is." in text(response)


def test_matching_consent_is_revocable_and_explained(world):
    portfolio = chosen(world)
    client = client_for(world, "medewerker")
    html = text(client.get(reverse("portfolios:settings")))
    assert "Je kunt je toestemming op elk moment intrekken" in html
    client.post(reverse("portfolios:consent"), {"matching_consent": "on"})
    portfolio.refresh_from_db()
    assert portfolio.matching_consent is True
    client.post(reverse("portfolios:consent"), {})
    portfolio.refresh_from_db()
    assert portfolio.matching_consent is False


def test_section_visibility_toggle_with_htmx_and_without(world):
    portfolio = chosen(world)
    client = client_for(world, "medewerker")
    url = reverse("portfolios:section_visibility", args=["dossier"])
    response = client.post(url, {"visibility": "rijk"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    # Only the status line comes back (an out-of-band swap): the form and the keyboard focus stay put.
    assert (
        text(response)
        .strip()
        .endswith('<p id="status-sectie-dossier" hx-swap-oob="innerHTML">Opgeslagen.</p>')
    )
    portfolio.refresh_from_db()
    assert portfolio.visibility_dossier == "rijk"
    response = client.post(url, {"visibility": "op_aanvraag"})
    assert response.status_code == 302
    assert response["Location"] == reverse("portfolios:part", args=["dossier"])
    portfolio.refresh_from_db()
    assert portfolio.visibility_dossier == "op_aanvraag"


# --- items --------------------------------------------------------------------------------------------


def test_item_form_is_generated_from_the_category_fields(world):
    chosen(world)
    client = client_for(world, "medewerker")
    html = text(client.get(reverse("portfolios:item_create", args=["dossier", "certificaat"])))
    for label in ("Titel", "Uitgegeven door", "Datum van afgifte", "Geldig tot", "Certificaatnummer"):
        assert f">{label}" in html, label
    assert 'type="date" name="data_datum"' in html


def test_item_create_validates_and_stores_the_category_data(world):
    portfolio = chosen(world)
    client = client_for(world, "medewerker")
    url = reverse("portfolios:item_create", args=["dossier", "certificaat"])
    response = client.post(url, {"title": "Prince2 Foundation"})
    assert response.status_code == 400
    assert "Niet alles is goed ingevuld" in text(response)
    assert Item.objects.count() == 0
    response = client.post(
        url,
        {
            "title": "Prince2 Foundation",
            "data_uitgever": "Axelos",
            "data_datum": "2024-05-01",
            "data_geldig_tot": "2027-05-01",
            "visibility": "rijk",
        },
    )
    assert response.status_code == 302
    item = Item.objects.get(portfolio=portfolio)
    assert (item.title, item.part, item.visibility) == ("Prince2 Foundation", "dossier", "rijk")
    assert item.data == {"uitgever": "Axelos", "datum": "2024-05-01", "geldig_tot": "2027-05-01"}
    html = text(client.get(reverse("portfolios:part", args=["dossier"])))
    assert "Prince2 Foundation" in html
    assert "Axelos" in html
    assert "1 mei 2024" in html


def test_a_category_added_at_run_time_gets_its_form_and_a_retired_one_none(world):
    chosen(world)
    category = ItemCategory.objects.create(
        key="spreekbeurt",
        part="vrij",
        label_nl="Spreekbeurt",
        label_en="Talk",
        fields=[
            {
                "key": "publiek",
                "label_nl": "Publiek",
                "label_en": "Audience",
                "type": "choice",
                "required": True,
                "choices": [{"value": "intern", "label_nl": "Intern", "label_en": "Internal"}],
            },
        ],
    )
    client = client_for(world, "medewerker")
    assert "Spreekbeurt" in text(client.get(reverse("portfolios:part", args=["vrij"])))
    html = text(client.get(reverse("portfolios:item_create", args=["vrij", "spreekbeurt"])))
    assert ">Publiek" in html
    assert '<option value="intern">Intern</option>' in html
    category.retired_at = timezone.now()
    category.save()
    assert client.get(reverse("portfolios:item_create", args=["vrij", "spreekbeurt"])).status_code == 404


def test_item_skills_without_javascript_search_then_choose(world):
    portfolio = chosen(world)
    skill = SkillFactory(preferred_label_nl="beleid ontwikkelen", preferred_label_en="develop policy")
    TaxonomyVersion.objects.create(version="test", source="factories", checksum="-")
    normalise.reset_cache()  # the search index is built from the taxonomy in the database
    client = client_for(world, "medewerker")
    url = reverse("portfolios:item_create", args=["vrij", "interesse"])
    response = client.post(url, {"title": "Open data", "q": "beleidd ontw", "zoek_vaardigheid": "1"})
    assert response.status_code == 200
    assert f'name="skills" value="{skill.pk}"' in text(response)
    assert Item.objects.count() == 0  # searching saves nothing
    client.post(url, {"title": "Open data", "skills": [skill.pk]})
    assert list(Item.objects.get(portfolio=portfolio).skills.all()) == [skill]
    normalise.reset_cache()


def test_item_visibility_and_update_and_delete(world):
    portfolio = chosen(world)
    item = ItemFactory(portfolio=portfolio, title="Cursus schrijven")
    client = client_for(world, "medewerker")
    response = client.post(
        reverse("portfolios:item_visibility", args=[item.pk]),
        {"visibility": "rijk"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert (
        text(response)
        .strip()
        .endswith(f'<p id="status-onderdeel-{item.pk}" hx-swap-oob="innerHTML">Opgeslagen.</p>')
    )
    item.refresh_from_db()
    assert item.visibility == "rijk"
    response = client.post(
        reverse("portfolios:item_update", args=[item.pk]),
        {"title": "Cursus helder schrijven", "visibility": ""},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.title, item.visibility) == ("Cursus helder schrijven", "")
    assert "Weet je zeker" in text(client.get(reverse("portfolios:item_delete", args=[item.pk])))
    client.post(reverse("portfolios:item_delete", args=[item.pk]))
    assert not Item.objects.filter(pk=item.pk).exists()


def test_someone_elses_item_is_refused(world):
    chosen(world)
    other = ItemFactory(portfolio=chosen(world, "collega"))
    client = client_for(world, "medewerker")
    assert client.get(reverse("portfolios:item_update", args=[other.pk])).status_code == 403
    assert client.post(reverse("portfolios:item_delete", args=[other.pk])).status_code == 403
    assert Item.objects.filter(pk=other.pk).exists()


# --- skills profile -----------------------------------------------------------------------------------


def test_skill_profile_add_with_level_and_evidence(world):
    portfolio = chosen(world)
    item = ItemFactory(portfolio=portfolio, title="Project Woo")
    skill = SkillFactory(preferred_label_nl="projectmanagement")
    client = client_for(world, "medewerker")
    response = client.post(
        reverse("portfolios:skills"), {"skill": skill.pk, "level": "ervaren", "evidence_items": [item.pk]}
    )
    assert response.status_code == 302
    ps = PortfolioSkill.objects.get(portfolio=portfolio)
    assert (ps.skill, ps.level, list(ps.evidence_items.all())) == (skill, "ervaren", [item])
    html = text(client.get(reverse("portfolios:skills")))
    assert "projectmanagement" in html
    assert "Ervaren" in html
    assert "Project Woo" in html
    client.post(reverse("portfolios:skill_update", args=[ps.pk]), {"level": "expert"})
    ps.refresh_from_db()
    assert ps.level == "expert"
    client.post(reverse("portfolios:skill_remove", args=[ps.pk]))
    assert not PortfolioSkill.objects.filter(pk=ps.pk).exists()


# --- someone's portfolio, requests, who viewed me ----------------------------------------------------


def test_colleague_sees_per_section_shown_on_request_or_hidden(world):
    portfolio = chosen(world, visibility_dossier="rijk", visibility_ambition="op_aanvraag")
    ItemFactory(portfolio=portfolio, title="Zichtbare cursus")
    ItemFactory(portfolio=portfolio, category=category_get("ambitie"), title="Geheime ambitie")
    ItemFactory(portfolio=portfolio, category=category_get("interesse"), title="Privé-interesse")
    html = text(
        client_for(world, "collega").get(reverse("portfolios:person_portfolio", args=[portfolio.person_id]))
    )
    assert "Zichtbare cursus" in html
    assert "Geheime ambitie" not in html
    assert "Privé-interesse" not in html
    assert reverse("portfolios:request_access", args=[portfolio.person_id, "ambitie"]) in html
    assert reverse("portfolios:request_access", args=[portfolio.person_id, "vrij"]) not in html
    assert "Vrij deel" not in html  # alleen ik: not even shown as existing
    assert (
        AuditEvent.objects.filter(
            subject_person=portfolio.person, object_type__startswith="portfolio."
        ).count()
        == 0
    )


def test_opening_a_colleague_without_a_portfolio_makes_none(world):
    """Viewing is reading: the colleague sees what a portfolio with nothing shared shows, and no portfolio,
    item or audited read comes into being (only the owner's own first use makes one)."""
    owner = world.people["medewerker"]
    colleague = client_for(world, "collega")
    response = colleague.get(reverse("portfolios:person_portfolio", args=[owner.pk]))
    assert response.status_code == 200
    html = text(response)
    assert "Portfolio van Anouk Jansen" in html
    assert "Beleidsmedewerker, Team Arbeidsmarkt" in html  # the owner card, as for any portfolio
    assert "Van dit portfolio is verder niets voor jou zichtbaar." in html
    assert "Vraag inzage aan" not in html
    assert colleague.get(reverse("portfolios:person_section", args=[owner.pk, "dossier"])).status_code == 403
    assert colleague.get(reverse("portfolios:request_access", args=[owner.pk, "dossier"])).status_code == 403
    assert (
        colleague.post(
            reverse("portfolios:request_access", args=[owner.pk, "dossier"]), {"purpose": "Kennismaken"}
        ).status_code
        == 403
    )
    # their own requests need no portfolio of their own
    assert colleague.get(reverse("portfolios:requests")).status_code == 200
    assert Portfolio.objects.count() == 0
    assert (Item.objects.count(), AccessRequest.objects.count()) == (0, 0)
    # the refused section is an attempt, audited as for a portfolio with nothing shared; nothing was read
    assert list(
        AuditEvent.objects.filter(object_type__startswith="portfolio").values_list(
            "object_type", "object_id", "subject_person_id", "outcome"
        )
    ) == [("portfolio.dossier", "", owner.pk, "denied")]


def test_the_owner_opening_their_own_person_page_makes_no_portfolio_until_first_use(world):
    owner = world.people["medewerker"]
    client = client_for(world, "medewerker")
    html = text(client.get(reverse("portfolios:person_portfolio", args=[owner.pk])))
    assert "Je eigen portfolio bewerken" in html
    assert Portfolio.objects.filter(person=owner).count() == 0
    response = client.get(reverse("portfolios:mine"))  # the owner's first use
    assert response["Location"] == reverse("portfolios:first_use")
    portfolio = Portfolio.objects.get(person=owner)
    assert (portfolio.visibility_chosen_at, portfolio.matching_consent) == (None, False)
    assert sorted(i.title for i in Item.objects.filter(portfolio=portfolio, source="employment")) == [
        "Behandelaar",
        "Beleidsmedewerker",
    ]
    client.get(reverse("portfolios:mine"))
    assert Portfolio.objects.filter(person=owner).count() == 1


def test_request_approve_view_and_audit_trail(world):
    portfolio = chosen(world, visibility_ambition="op_aanvraag")
    ItemFactory(portfolio=portfolio, category=category_get("ambitie"), title="Teamleider worden")
    colleague = client_for(world, "collega")
    owner = client_for(world, "medewerker")
    url = reverse("portfolios:request_access", args=[portfolio.person_id, "ambitie"])
    assert colleague.post(url, {"purpose": ""}).status_code == 400
    response = colleague.post(url, {"purpose": "Vacature teamleider bij DGOO"})
    assert response.status_code == 302
    request = AccessRequest.objects.get(portfolio=portfolio)
    assert (request.section, request.status, request.requester) == (
        "ambitie",
        "pending",
        world.people["collega"],
    )

    html = text(owner.get(reverse("portfolios:requests")))
    assert "Daan Visser vraagt inzage in: Ambitiedocument" in html
    assert "Vacature teamleider bij DGOO" in html
    assert 'value="30"' in html  # default period
    assert "Meldingen (1 ongelezen)" in html
    owner.post(reverse("portfolios:request_approve", args=[request.pk]), {"days": "14"})
    request.refresh_from_db()
    assert request.status == RequestStatus.APPROVED
    assert 13 <= (request.valid_until - timezone.now()).days <= 14

    html = text(colleague.get(reverse("portfolios:person_portfolio", args=[portfolio.person_id])))
    assert "Teamleider worden" in html
    events = AuditEvent.objects.filter(subject_person=portfolio.person, object_type="portfolio.ambitie")
    assert [(e.actor_id, e.purpose) for e in events] == [
        (user(world, "collega").pk, "Vacature teamleider bij DGOO")
    ]

    html = text(owner.get(reverse("portfolios:views_log")))
    assert "Daan Visser" in html
    assert "Ambitiedocument" in html
    assert "Vacature teamleider bij DGOO" in html

    owner.post(reverse("portfolios:grant_revoke", args=[request.pk]))
    html = text(colleague.get(reverse("portfolios:person_portfolio", args=[portfolio.person_id])))
    assert "Teamleider worden" not in html


def test_decline_and_withdraw(world):
    portfolio = chosen(world, visibility_dossier="op_aanvraag")
    first = AccessRequestFactory(portfolio=portfolio, requester=world.people["collega"], section="dossier")
    second = AccessRequestFactory(
        portfolio=portfolio, requester=world.people["collega"], section="analytisch"
    )
    client_for(world, "medewerker").post(
        reverse("portfolios:request_decline", args=[first.pk]), {"note": "Liever niet"}
    )
    first.refresh_from_db()
    assert (first.status, first.decision_note) == ("declined", "Liever niet")
    colleague = client_for(world, "collega")  # has never opened their own portfolio: no first use needed
    html = text(colleague.get(reverse("portfolios:requests")))
    assert "Afgewezen" in html
    assert "Liever niet" in html
    colleague.post(reverse("portfolios:request_withdraw", args=[second.pk]))
    second.refresh_from_db()
    assert second.status == "withdrawn"


def test_only_the_owner_decides_and_only_the_requester_withdraws(world):
    portfolio = chosen(world, visibility_dossier="op_aanvraag")
    request = AccessRequestFactory(portfolio=portfolio, requester=world.people["collega"])
    chosen(world, "collega")
    chosen(world, "hr-adviseur")
    assert (
        client_for(world, "collega")
        .post(reverse("portfolios:request_approve", args=[request.pk]), {"days": "30"})
        .status_code
        == 403
    )
    assert (
        client_for(world, "hr-adviseur")
        .post(reverse("portfolios:request_approve", args=[request.pk]), {"days": "30"})
        .status_code
        == 403
    )
    assert (
        client_for(world, "medewerker")
        .post(reverse("portfolios:request_withdraw", args=[request.pk]))
        .status_code
        == 403
    )
    request.refresh_from_db()
    assert request.status == "pending"


def test_preview_shows_the_portfolio_as_a_colleague_sees_it(world):
    portfolio = chosen(world, visibility_dossier="rijk", visibility_ambition="op_aanvraag")
    ItemFactory(portfolio=portfolio, title="Openbare cursus")
    ItemFactory(portfolio=portfolio, category=category_get("ambitie"), title="Mijn ambitie")
    client = client_for(world, "medewerker")
    as_colleague = text(client.get(reverse("portfolios:preview"), {"als": "rijk"}))
    assert "Openbare cursus" in as_colleague
    assert "Mijn ambitie" not in as_colleague
    as_granted = text(client.get(reverse("portfolios:preview"), {"als": "grant"}))
    assert "Openbare cursus" in as_granted
    assert "Mijn ambitie" in as_granted
    as_nobody = text(client.get(reverse("portfolios:preview"), {"als": "none"}))
    assert "Openbare cursus" not in as_nobody
    assert AuditEvent.objects.filter(object_type__startswith="portfolio.").count() == 0


def test_endorsing_a_visible_skill_toggles(world):
    portfolio = chosen(world, visibility_skills="rijk")
    portfolio.show_endorsements = True
    portfolio.save()
    ps = PortfolioSkillFactory(portfolio=portfolio)
    client = client_for(world, "collega")
    url = reverse("portfolios:endorse", args=[portfolio.person_id, ps.pk])
    client.post(url)
    assert list(ps.endorsements.values_list("endorser", flat=True)) == [world.people["collega"].pk]
    client.post(url)
    assert ps.endorsements.count() == 0


# --- notifications, export, categories ---------------------------------------------------------------


def test_notifications_inbox_mark_read_and_unread_count(world):
    me = world.users["medewerker"]
    first = Notification.objects.create(
        recipient=me, kind="test", subject="Nieuw inzageverzoek", url="/mijn-portfolio/verzoeken"
    )
    Notification.objects.create(recipient=me, kind="test", subject="Tweede melding")
    Notification.objects.create(recipient=user(world, "collega"), kind="test", subject="Niet voor jou")
    client = client_for(world, "medewerker")
    html = text(client.get(reverse("notifications:inbox")))
    assert "Meldingen (2 ongelezen)" in html
    assert "Nieuw inzageverzoek" in html
    assert "Tweede melding" in html
    assert "Niet voor jou" not in html
    response = client.post(reverse("notifications:mark_read", args=[first.pk]), {"openen": "1"})
    assert response["Location"] == "/mijn-portfolio/verzoeken"
    first.refresh_from_db()
    assert first.read_at is not None
    client.post(reverse("notifications:mark_all_read"))
    assert "Meldingen (" not in text(client.get(reverse("notifications:inbox")))
    other = Notification.objects.get(subject="Niet voor jou")
    assert client.post(reverse("notifications:mark_read", args=[other.pk])).status_code == 403


def test_export_page_links_the_downloads(world):
    chosen(world)
    html = text(client_for(world, "medewerker").get(reverse("portfolios:export")))
    assert "Exporteren" in html
    assert "Importeren" in html


def test_nav_and_person_page_link_to_the_portfolio(world):
    client = client_for(world, "medewerker")
    html = text(client.get(reverse("web:home")))
    assert f'href="{reverse("portfolios:mine")}">Mijn portfolio</a>' in html
    html = text(client.get(reverse("web:person_detail", args=[world.people["collega"].pk])))
    assert reverse("portfolios:person_portfolio", args=[world.people["collega"].pk]) in html
    assert "Mijn portfolio" not in text(client_for(world, "gast").get(reverse("web:home")))


def test_portfolio_pages_have_no_inline_styles_or_scripts(world):
    portfolio = chosen(world, visibility_dossier="rijk")
    item = ItemFactory(portfolio=portfolio)
    client = client_for(world, "medewerker")
    urls = [
        reverse("portfolios:mine"),
        reverse("portfolios:part", args=["dossier"]),
        reverse("portfolios:item_create", args=["dossier", "certificaat"]),
        reverse("portfolios:item_update", args=[item.pk]),
        reverse("portfolios:skills"),
        reverse("portfolios:requests"),
        reverse("portfolios:views_log"),
        reverse("portfolios:preview"),
        reverse("portfolios:settings"),
        reverse("portfolios:visibility"),
        reverse("portfolios:export"),
        reverse("notifications:inbox"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        for forbidden in (" style=", "<style", " onclick=", "<script>"):
            assert forbidden not in html, (url, forbidden)


def _formset(rows: list[dict[str, str]], initial: int = 0) -> dict[str, str]:
    body = {
        "veld-TOTAL_FORMS": str(len(rows)),
        "veld-INITIAL_FORMS": str(initial),
        "veld-MIN_NUM_FORMS": "0",
        "veld-MAX_NUM_FORMS": "30",
    }
    for i, row in enumerate(rows):
        body |= {f"veld-{i}-{k}": v for k, v in row.items()}
    return body


def test_category_administration_add_change_retire(world):
    chosen(world, "beheerder")
    admin = client_for(world, "beheerder")
    assert "Soorten onderdelen" in text(admin.get(reverse("web:home")))
    body = {
        "key": "spreekbeurt",
        "part": "vrij",
        "label_nl": "Spreekbeurt",
        "label_en": "Talk",
        **_formset(
            [
                {
                    "key": "publiek",
                    "label_nl": "Publiek",
                    "label_en": "Audience",
                    "type": "choice",
                    "required": "on",
                    "choices": "intern | Intern | Internal\nextern | Extern | External",
                },
                {"key": "", "label_nl": "", "label_en": "", "type": "text"},
            ]
        ),
    }
    response = admin.post(reverse("portfolios:category_create"), body)
    assert response.status_code == 302
    category = ItemCategory.objects.get(key="spreekbeurt")
    assert category.fields == [
        {
            "key": "publiek",
            "label_nl": "Publiek",
            "label_en": "Audience",
            "type": "choice",
            "required": True,
            "choices": [
                {"value": "intern", "label_nl": "Intern", "label_en": "Internal"},
                {"value": "extern", "label_nl": "Extern", "label_en": "External"},
            ],
        },
    ]
    # A choice field without choices is refused by the category schema, with a Dutch message.
    bad = {**body, "key": "lezing", "veld-0-choices": ""}
    response = admin.post(reverse("portfolios:category_create"), bad)
    assert response.status_code == 400
    assert "een keuzeveld heeft een lijst met keuzes nodig" in text(response)
    html = text(admin.get(reverse("portfolios:category_update", args=[category.pk])))
    assert 'value="publiek"' in html
    assert "intern | Intern | Internal" in html
    admin.post(reverse("portfolios:category_retire", args=[category.pk]))
    category.refresh_from_db()
    assert category.is_retired
    assert "Buiten gebruik sinds" in text(admin.get(reverse("portfolios:category_list")))
    employee = client_for(world, "medewerker")
    assert employee.get(reverse("portfolios:category_list")).status_code == 403
    assert "Soorten onderdelen" not in text(employee.get(reverse("web:home")))


def test_pages_are_translated_to_english(world):
    chosen(world)
    client = client_for(world, "medewerker")
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = text(client.get(reverse("portfolios:mine")))
    assert '<html lang="en"' in html
    assert ">My portfolio</h1>" in html
    assert "View and edit" in html
    html = text(client.get(reverse("portfolios:item_create", args=["dossier", "certificaat"])))
    assert ">Issuer" in html  # the category's own English field label
