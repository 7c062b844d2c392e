# SPDX-License-Identifier: EUPL-1.2
"""The portfolio API: visibility in every response, audit of non-public reads, problem+json errors, flows.

Authorisation of every operation × role × visibility is in ``tests/authz/matrix.py``; here the content of
what comes back, and what the audit log and the owner see afterwards.
"""

from __future__ import annotations

import json

import pytest
from django.test import Client

from rijksportfolio.accounts.constants import Role
from rijksportfolio.accounts.services import role_assign
from rijksportfolio.audit.models import AuditEvent
from rijksportfolio.notifications.models import Notification
from rijksportfolio.portfolios.models import AccessRequest, Item, PortfolioSkill
from rijksportfolio.portfolios.tests.factories import (
    AccessRequestFactory,
    ItemFactory,
    PortfolioSkillFactory,
    category_get,
    user_for,
)
from rijksportfolio.skills.tests.factories import SkillFactory

GRANT_PURPOSE = "Kennismaking voor een vacature in mijn team"


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _json(client, method, url, body=None):
    response = getattr(client, method)(url, json.dumps(body or {}), content_type="application/json")
    return response


@pytest.fixture
def shaped(portfolio, colleague):
    """Sections of every kind, items that follow them and items that override them; a grant for *vrij*."""
    portfolio.visibility_dossier = "rijk"
    portfolio.visibility_analytical = "op_aanvraag"
    portfolio.visibility_ambition = "alleen_ik"
    portfolio.visibility_free = "op_aanvraag"
    portfolio.visibility_skills = "rijk"
    portfolio.save()
    items = {
        "dossier-open": ItemFactory(portfolio=portfolio, title="Cursus open"),
        "dossier-private": ItemFactory(portfolio=portfolio, title="Cursus geheim", visibility="alleen_ik"),
        "analytical": ItemFactory(
            portfolio=portfolio,
            category=category_get("feedback_360"),
            title="360 aanvraag",
            data={"ronde": "2024"},
        ),
        "ambition-private": ItemFactory(
            portfolio=portfolio, category=category_get("ambitie"), title="Ambitie geheim"
        ),
        "ambition-open": ItemFactory(
            portfolio=portfolio, category=category_get("ambitie"), title="Ambitie open", visibility="rijk"
        ),
        "free-granted": ItemFactory(
            portfolio=portfolio, category=category_get("interesse"), title="Vrij gedeeld"
        ),
    }
    PortfolioSkillFactory(portfolio=portfolio, skill=SkillFactory(preferred_label_nl="beleid schrijven"))
    AccessRequestFactory(
        portfolio=portfolio, section="vrij", requester=colleague, approved=True, purpose=GRANT_PURPOSE
    )
    return items


VISIBLE_TO_COLLEAGUE = {"Cursus open", "Ambitie open", "Vrij gedeeld"}
HIDDEN_FROM_COLLEAGUE = {"Cursus geheim", "360 aanvraag", "Ambitie geheim"}


def _titles(body):
    return {item["titel"] for section in body["delen"] for item in section["onderdelen"]}


def test_owner_sees_everything_of_their_own_portfolio_unaudited(portfolio, owner_user, shaped):
    body = _client(owner_user).get("/api/v1/portfolios/mijn").json()
    assert body["id"] == portfolio.pk
    assert body["isEigenaar"] is True
    assert _titles(body) == VISIBLE_TO_COLLEAGUE | HIDDEN_FROM_COLLEAGUE
    assert body["zichtbaarheidGekozen"] is False
    assert body["toestemmingMatching"] is False
    assert not AuditEvent.objects.filter(object_type__startswith="portfolio.").exists()


@pytest.mark.django_db
def test_my_portfolio_is_made_on_the_owners_first_use_private_and_once(owner, owner_user):
    from rijksportfolio.portfolios.models import Portfolio

    client = _client(owner_user)
    first = client.get("/api/v1/portfolios/mijn").json()
    portfolio = Portfolio.objects.get(person=owner)
    assert (first["id"], first["isEigenaar"], first["zichtbaarheidGekozen"]) == (portfolio.pk, True, False)
    assert {d["deel"]: d["zichtbaarheid"] for d in first["delen"]} == dict.fromkeys(
        ["dossier", "analytisch", "ambitie", "vrij", "vaardigheden"], "alleen_ik"
    )
    assert [(i["soort"], i["bron"]) for d in first["delen"] for i in d["onderdelen"]] == [
        ("werkervaring", "employment")
    ]
    assert client.get("/api/v1/portfolios/mijn").json()["id"] == portfolio.pk
    assert Portfolio.objects.count() == 1


@pytest.mark.django_db
def test_a_guest_asking_for_my_portfolio_gets_none_made(owner):
    from rijksportfolio.portfolios.models import Portfolio

    guest = user_for(owner)
    role_assign(user=guest, role=Role.GUEST)
    response = _client(guest).get("/api/v1/portfolios/mijn")
    assert (response.status_code, response["Content-Type"]) == (403, "application/problem+json")
    assert Portfolio.objects.count() == 0


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/portfolios/{id}",
        "/api/v1/portfolios/{id}/onderdelen",
        "/api/v1/portfolios/{id}/delen/ambitie",
    ],
)
def test_a_colleague_sees_only_what_visibility_allows_in_every_response(
    portfolio, colleague_user, shaped, url
):
    response = _client(colleague_user).get(url.format(id=portfolio.pk))
    assert response.status_code == 200
    text = response.content.decode()
    for title in HIDDEN_FROM_COLLEAGUE:
        assert title not in text
    body = response.json()
    if "delen" in body:
        assert _titles(body) == VISIBLE_TO_COLLEAGUE
        sections = {d["deel"]: d for d in body["delen"]}
        assert sections["analytisch"]["zichtbaar"] is False
        assert sections["analytisch"]["kanAanvragen"] is True
        assert sections["ambitie"]["kanAanvragen"] is False  # alleen ik: not even requestable
        assert sections["vrij"]["actieveInzage"]["doel"] == GRANT_PURPOSE
        assert [v["vaardigheid"]["naam"] for v in sections["vaardigheden"]["vaardigheden"]] == [
            "beleid schrijven"
        ]
        assert body["toestemmingMatching"] is None
    elif "resultaten" in body:
        assert {item["titel"] for item in body["resultaten"]} == VISIBLE_TO_COLLEAGUE
    else:  # the private section: only the item shared on its own
        assert body["zichtbaar"] is False
        assert [item["titel"] for item in body["onderdelen"]] == ["Ambitie open"]


def test_no_role_overrides_alleen_ik_or_op_aanvraag(portfolio, shaped, owner):
    hr = user_for(_hr_adviser_over(owner))
    client = _client(hr)
    assert client.get(f"/api/v1/portfolios/{portfolio.pk}/delen/analytisch").status_code == 403
    assert (
        client.get(f"/api/v1/portfolios/{portfolio.pk}/onderdelen/{shaped['dossier-private'].pk}").status_code
        == 403
    )
    assert _titles(client.get(f"/api/v1/portfolios/{portfolio.pk}").json()) == {"Cursus open", "Ambitie open"}


def _hr_adviser_over(person):
    from rijksportfolio.people.tests.factories import EmploymentFactory, PersonFactory

    adviser = PersonFactory()
    organisation = person.employments.first().organisation
    EmploymentFactory(person=adviser, organisation=organisation)
    role_assign(user=user_for(adviser), role=Role.HR_ADVISER, organisation=organisation)
    return adviser


def _reads(portfolio):
    return list(
        AuditEvent.objects.filter(object_id=str(portfolio.pk), object_type__startswith="portfolio")
        .order_by("id")
        .values_list("object_type", "outcome", "purpose")
    )


def test_every_api_read_of_a_non_public_part_is_audited_once_with_the_grants_purpose(
    portfolio, colleague_user, shaped
):
    client = _client(colleague_user)
    client.get(f"/api/v1/portfolios/{portfolio.pk}", {"doel": "eigen doel"})
    assert _reads(portfolio) == [("portfolio.vrij", "success", GRANT_PURPOSE)]
    client.get(f"/api/v1/portfolios/{portfolio.pk}/delen/dossier")  # rijk: public within the Rijk
    client.get(f"/api/v1/portfolios/{portfolio.pk}/vaardigheden")
    assert len(_reads(portfolio)) == 1
    client.get(f"/api/v1/portfolios/{portfolio.pk}/onderdelen/{shaped['free-granted'].pk}")
    client.get(f"/api/v1/portfolios/{portfolio.pk}/delen/analytisch")  # no grant: a denied attempt
    assert _reads(portfolio)[1:] == [
        ("portfolio.vrij", "success", GRANT_PURPOSE),
        ("portfolio.analytisch", "denied", ""),
    ]


def test_an_expired_or_revoked_grant_denies_on_the_next_request(portfolio, colleague_user, shaped):
    client = _client(colleague_user)
    url = f"/api/v1/portfolios/{portfolio.pk}/delen/vrij"
    assert client.get(url).status_code == 200
    AccessRequest.objects.filter(section="vrij").update(status="revoked")
    assert client.get(url).status_code == 403
    assert "Vrij gedeeld" not in client.get(f"/api/v1/portfolios/{portfolio.pk}").content.decode()


def test_owner_sees_who_viewed_via_the_api(portfolio, owner_user, colleague_user, shaped):
    _client(colleague_user).get(f"/api/v1/portfolios/{portfolio.pk}")
    body = _client(owner_user).get(f"/api/v1/portfolios/{portfolio.pk}/bekeken").json()
    assert [(r["wie"], r["deel"], r["doel"], r["uitkomst"]) for r in body["resultaten"]] == [
        ("Daan Visser", "vrij", GRANT_PURPOSE, "success")
    ]
    assert _client(colleague_user).get(f"/api/v1/portfolios/{portfolio.pk}/bekeken").status_code == 403


def test_a_guest_gets_nothing_and_the_attempt_is_audited(portfolio, shaped):
    from rijksportfolio.accounts.services import user_create

    guest = user_create(username="gast", password=None)
    role_assign(user=guest, role=Role.GUEST)
    response = _client(guest).get(f"/api/v1/portfolios/{portfolio.pk}")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert _reads(portfolio) == [("portfolio", "denied", "")]


# --- writes and their errors ---------------------------------------------------------------------------------


def _problem(response, status=400):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["title"] == "Ongeldige invoer." if status == 400 else True
    return {p["name"]: p["reason"] for p in body.get("invalidParams", [])}


def test_validation_errors_are_problem_json_with_dutch_messages_and_field_pointers(portfolio, owner_user):
    client = _client(owner_user)
    base = f"/api/v1/portfolios/{portfolio.pk}"
    params = _problem(_json(client, "post", f"{base}/onderdelen", {"soort": "certificaat", "titel": " "}))
    assert params == {
        "titel": "Geef een titel.",
        "gegevens.uitgever": "Uitgegeven door is verplicht.",
        "gegevens.datum": "Datum van afgifte is verplicht.",
    }
    params = _problem(
        _json(
            client,
            "post",
            f"{base}/onderdelen",
            {"soort": "certificaat", "titel": "x", "gegevens": {"datum": "morgen"}},
        )
    )
    assert params["gegevens.datum"] == "Datum van afgifte is geen geldige datum (JJJJ-MM-DD)."
    assert _problem(_json(client, "post", f"{base}/onderdelen", {"soort": "bestaat-niet", "titel": "x"})) == {
        "soort": "Onbekende soort onderdeel."
    }
    assert _problem(_json(client, "patch", base, {"beschikbaarUrenPerWeek": 41})) == {
        "beschikbaarUrenPerWeek": "Zorg ervoor dat deze waarde kleiner is dan of gelijk is aan 40."
    }
    assert _problem(_json(client, "patch", f"{base}/zichtbaarheid", {"dossier": "iedereen"})) == {
        "dossier": '"iedereen" is een ongeldige keuze.'
    }
    assert not Item.objects.exists()


def test_owner_adds_changes_and_removes_an_item(portfolio, owner_user):
    client = _client(owner_user)
    skill = SkillFactory(preferred_label_nl="", preferred_label_en="public administration")
    created = _json(
        client,
        "post",
        f"/api/v1/portfolios/{portfolio.pk}/onderdelen",
        {
            "soort": "certificaat",
            "titel": "Prince2 Foundation",
            "gegevens": {"uitgever": "Axelos", "datum": "2024-05-01"},
            "zichtbaarheid": "rijk",
            "vaardigheden": [skill.pk],
        },
    )
    assert created.status_code == 201, created.content
    item = created.json()
    assert (item["deel"], item["soort"], item["effectieveZichtbaarheid"]) == (
        "dossier",
        "certificaat",
        "rijk",
    )
    assert item["gegevens"] == {"uitgever": "Axelos", "datum": "2024-05-01"}
    assert item["vaardigheden"] == [
        {"id": skill.pk, "uri": skill.uri, "naam": "public administration", "taal": "en"}
    ]
    url = f"/api/v1/portfolios/{portfolio.pk}/onderdelen/{item['id']}"
    changed = _json(client, "patch", url, {"titel": "Prince2 Practitioner", "zichtbaarheid": ""})
    assert (changed.json()["titel"], changed.json()["zichtbaarheid"]) == ("Prince2 Practitioner", "")
    assert client.delete(url).status_code == 204
    assert client.get(url).status_code == 404


def test_someone_else_cannot_write_whatever_they_send(portfolio, colleague_user, shaped):
    client = _client(colleague_user)
    base = f"/api/v1/portfolios/{portfolio.pk}"
    item = shaped["dossier-open"]
    for method, url, body in [
        ("patch", base, {"kopregel": "gehackt"}),
        ("patch", base, {"beschikbaarUrenPerWeek": 99}),  # invalid too: still 403, not 400
        ("patch", f"{base}/zichtbaarheid", {"ambitie": "rijk"}),
        ("put", f"{base}/toestemming-matching", {"toestemming": True}),
        ("post", f"{base}/onderdelen", {"soort": "cursus", "titel": "x"}),
        ("patch", f"{base}/onderdelen/{item.pk}", {"titel": "x"}),
        ("delete", f"{base}/onderdelen/{item.pk}", None),
    ]:
        assert _json(client, method, url, body).status_code == 403, (method, url)
    portfolio.refresh_from_db()
    assert (portfolio.headline, portfolio.visibility_ambition, portfolio.matching_consent) == (
        "",
        "alleen_ik",
        False,
    )
    assert Item.objects.get(pk=item.pk).title == "Cursus open"


def test_settings_visibility_and_consent(portfolio, owner_user):
    client = _client(owner_user)
    base = f"/api/v1/portfolios/{portfolio.pk}"
    body = _json(
        client, "patch", base, {"kopregel": "Beleidsadviseur arbeidsmarkt", "beschikbaarUrenPerWeek": 8}
    ).json()
    assert (body["eigenaar"]["kopregel"], body["beschikbaarUrenPerWeek"]) == (
        "Beleidsadviseur arbeidsmarkt",
        8,
    )
    assert _json(client, "patch", f"{base}/zichtbaarheid", {"dossier": "rijk"}).json() == {
        "dossier": "rijk",
        "analytisch": "alleen_ik",
        "ambitie": "alleen_ik",
        "vrij": "alleen_ik",
        "vaardigheden": "alleen_ik",
    }
    assert client.get("/api/v1/portfolios/mijn").json()["zichtbaarheidGekozen"] is True
    consent = _json(client, "put", f"{base}/toestemming-matching", {"toestemming": True}).json()
    assert consent["toestemming"] is True
    assert consent["gewijzigdOp"].endswith("Z")
    preview = client.get(f"{base}/bekijk-als", {"als": "none"}).json()
    assert preview["bekijkAls"] == "none"
    assert not any(d["zichtbaar"] for d in preview["delen"])
    assert _problem(client.get(f"{base}/bekijk-als", {"als": "baas"})) == {"als": "Kies rijk, grant of none."}


def test_skills_profile_set_change_remove(portfolio, owner_user, colleague_user):
    client = _client(owner_user)
    skill = SkillFactory(preferred_label_nl="beleidsstukken opstellen")
    evidence = ItemFactory(portfolio=portfolio, title="Nota")
    url = f"/api/v1/portfolios/{portfolio.pk}/vaardigheden/{skill.pk}"
    body = _json(client, "put", url, {"niveau": "gevorderd", "bewijsOnderdelen": [evidence.pk]}).json()
    assert (body["vaardigheid"]["naam"], body["niveau"], body["bewijsOnderdelen"]) == (
        "beleidsstukken opstellen",
        "gevorderd",
        [evidence.pk],
    )
    assert _json(client, "put", url, {"niveau": "expert"}).json()["niveau"] == "expert"
    assert _problem(_json(client, "put", url, {"niveau": "goddelijk"})) == {
        "niveau": '"goddelijk" is een ongeldige keuze.'
    }
    other = ItemFactory(title="Van een ander")
    assert _problem(_json(client, "put", url, {"niveau": "basis", "bewijsOnderdelen": [other.pk]})) == {
        "bewijsOnderdelen": "Kies onderdelen uit je eigen portfolio."
    }
    assert _json(_client(colleague_user), "put", url, {"niveau": "basis"}).status_code == 403
    assert client.delete(url).status_code == 204
    assert not PortfolioSkill.objects.filter(portfolio=portfolio).exists()


# --- access requests and notifications -----------------------------------------------------------------------


def test_request_approve_view_revoke_with_notifications(portfolio, owner_user, colleague_user):
    portfolio.visibility_analytical = "op_aanvraag"
    portfolio.save()
    ItemFactory(
        portfolio=portfolio,
        category=category_get("feedback_360"),
        title="360 resultaat",
        data={"ronde": "2024"},
    )
    colleague, owner = _client(colleague_user), _client(owner_user)
    section_url = f"/api/v1/portfolios/{portfolio.pk}/delen/analytisch"
    assert colleague.get(section_url).status_code == 403

    created = _json(
        colleague,
        "post",
        "/api/v1/inzageverzoeken",
        {"portfolio": portfolio.pk, "deel": "analytisch", "doel": "Vacature"},
    )
    assert created.status_code == 201, created.content
    request_id = created.json()["id"]
    assert (created.json()["status"], created.json()["eigenaar"], created.json()["aanvrager"]) == (
        "pending",
        "Anouk Jansen",
        "Daan Visser",
    )
    incoming = owner.get("/api/v1/inzageverzoeken", {"richting": "inkomend"}).json()["resultaten"]
    assert [r["id"] for r in incoming] == [request_id]
    assert owner.get("/api/v1/meldingen").json()["totaal"] == 1

    # only the owner decides; the requester cannot approve their own request
    assert (
        _json(
            colleague, "post", f"/api/v1/inzageverzoeken/{request_id}/goedkeuren", {"dagen": 10}
        ).status_code
        == 403
    )
    approved = _json(owner, "post", f"/api/v1/inzageverzoeken/{request_id}/goedkeuren", {"dagen": 10}).json()
    assert approved["status"] == "approved"
    assert approved["geldigTot"].endswith("Z")
    assert [i["titel"] for i in colleague.get(section_url).json()["onderdelen"]] == ["360 resultaat"]

    notes = colleague.get("/api/v1/meldingen", {"ongelezen": "true"}).json()["resultaten"]
    assert [n["soort"] for n in notes] == ["portfolio.request_approved"]
    read = _json(colleague, "patch", f"/api/v1/meldingen/{notes[0]['id']}", {"gelezen": True}).json()
    assert read["gelezenOp"] is not None
    assert colleague.get("/api/v1/meldingen", {"ongelezen": "true"}).json()["totaal"] == 0
    assert owner.get(f"/api/v1/meldingen/{notes[0]['id']}").status_code == 403  # someone else's

    assert (
        _json(owner, "post", f"/api/v1/inzageverzoeken/{request_id}/intrekken").json()["status"] == "revoked"
    )
    assert colleague.get(section_url).status_code == 403
    assert Notification.objects.filter(kind="portfolio.grant_revoked").count() == 1


def test_request_problems_decline_and_withdraw(portfolio, owner_user, colleague_user):
    colleague, owner = _client(colleague_user), _client(owner_user)
    # everything is alleen ik: nothing to request (refused, with the reason)
    refused = _json(
        colleague,
        "post",
        "/api/v1/inzageverzoeken",
        {"portfolio": portfolio.pk, "deel": "dossier", "doel": "x"},
    )
    assert refused.status_code == 403
    assert refused.json()["detail"] == "Dit deel van dit portfolio is niet op aanvraag in te zien."
    portfolio.visibility_dossier = "op_aanvraag"
    portfolio.save()
    assert _problem(
        _json(colleague, "post", "/api/v1/inzageverzoeken", {"portfolio": portfolio.pk, "deel": "dossier"})
    ) == {"doel": "Dit veld is vereist."}
    first = _json(
        colleague,
        "post",
        "/api/v1/inzageverzoeken",
        {"portfolio": portfolio.pk, "deel": "dossier", "doel": "x"},
    )
    declined = _json(
        owner,
        "post",
        f"/api/v1/inzageverzoeken/{first.json()['id']}/afwijzen",
        {"toelichting": "Liever niet"},
    )
    assert (declined.json()["status"], declined.json()["toelichting"]) == ("declined", "Liever niet")
    assert _problem(_json(owner, "post", f"/api/v1/inzageverzoeken/{first.json()['id']}/goedkeuren")) == {
        "": "Over dit verzoek is al besloten."
    }
    second = _json(
        colleague,
        "post",
        "/api/v1/inzageverzoeken",
        {"portfolio": portfolio.pk, "deel": "dossier", "doel": "y"},
    )
    assert (
        _json(owner, "post", f"/api/v1/inzageverzoeken/{second.json()['id']}/terugtrekken").status_code == 403
    )
    withdrawn = _json(colleague, "post", f"/api/v1/inzageverzoeken/{second.json()['id']}/terugtrekken")
    assert withdrawn.json()["status"] == "withdrawn"
    stranger = _client(user_for(_hr_adviser_over(portfolio.person)))
    assert stranger.get(f"/api/v1/inzageverzoeken/{second.json()['id']}").status_code == 403


# --- endorsements and categories -----------------------------------------------------------------------------


def test_endorse_shows_only_when_the_owner_switches_endorsements_on(
    portfolio, owner_user, colleague_user, shaped
):
    skill_id = PortfolioSkill.objects.get(portfolio=portfolio).skill_id
    colleague = _client(colleague_user)
    url = f"/api/v1/portfolios/{portfolio.pk}/vaardigheden/{skill_id}/onderschrijvingen/mijn"
    body = _json(colleague, "put", url).json()
    assert (body["doorMijOnderschreven"], body["aantalOnderschrijvingen"], body["onderschrijvers"]) == (
        True,
        None,
        [],
    )
    _json(
        _client(owner_user), "patch", f"/api/v1/portfolios/{portfolio.pk}", {"onderschrijvingenTonen": True}
    )
    profile = colleague.get(f"/api/v1/portfolios/{portfolio.pk}/vaardigheden").json()["resultaten"][0]
    assert (profile["aantalOnderschrijvingen"], profile["onderschrijvers"]) == (1, ["Daan Visser"])
    assert _json(_client(owner_user), "put", url).status_code == 403  # not one's own
    assert colleague.delete(url).status_code == 204
    assert colleague.delete(url).status_code == 404


def test_categories_readable_by_civil_servants_managed_by_administrators(portfolio, owner_user):
    reader = _client(owner_user)
    listed = reader.get("/api/v1/onderdeelsoorten", {"deel": "dossier"}).json()
    assert "certificaat" in [c["sleutel"] for c in listed["resultaten"]]
    certificate = reader.get("/api/v1/onderdeelsoorten/certificaat").json()
    assert certificate["velden"][0] == {
        "sleutel": "uitgever",
        "naam": "Uitgegeven door",
        "naamEngels": "Issuer",
        "soort": "text",
        "verplicht": True,
    }
    new = {"sleutel": "spreekbeurt", "deel": "vrij", "naam": "Spreekbeurt", "naamEngels": "Talk"}
    assert _json(reader, "post", "/api/v1/onderdeelsoorten", new).status_code == 403
    assert reader.get("/api/v1/onderdeelsoorten", {"buitenGebruik": "true"}).status_code == 403

    admin_user = user_for(_hr_adviser_over(owner_user.person))
    role_assign(
        user=admin_user, role=Role.ORG_ADMIN, organisation=owner_user.person.employments.first().organisation
    )
    admin = _client(admin_user)
    fields = [
        {
            "sleutel": "publiek",
            "naam": "Publiek",
            "naamEngels": "Audience",
            "soort": "text",
            "verplicht": False,
        }
    ]
    created = _json(admin, "post", "/api/v1/onderdeelsoorten", {**new, "velden": fields})
    assert created.status_code == 201, created.content
    assert created.json()["velden"] == fields
    bad = _json(admin, "patch", "/api/v1/onderdeelsoorten/spreekbeurt", {"velden": [{"sleutel": "Publiek!"}]})
    assert set(_problem(bad)) == {"velden"}
    assert _json(admin, "post", "/api/v1/onderdeelsoorten/spreekbeurt/buiten-gebruik").json()[
        "buitenGebruikSinds"
    ]
    assert "spreekbeurt" not in [
        c["sleutel"] for c in reader.get("/api/v1/onderdeelsoorten").json()["resultaten"]
    ]
    assert _problem(
        _json(
            reader,
            "post",
            f"/api/v1/portfolios/{portfolio.pk}/onderdelen",
            {"soort": "spreekbeurt", "titel": "Congres"},
        )
    ) == {"soort": "Deze soort is buiten gebruik; kies een andere."}
    assert (
        _json(admin, "post", "/api/v1/onderdeelsoorten/spreekbeurt/weer-in-gebruik").json()[
            "buitenGebruikSinds"
        ]
        is None
    )


# --- finding colleagues, export and import ---------------------------------------------------------------------


def test_colleague_search_shows_only_visible_skills(portfolio, colleague_user, shaped):
    client = _client(colleague_user)
    skill = PortfolioSkill.objects.get(portfolio=portfolio).skill
    found = _json(client, "post", "/api/v1/portfolios/_zoek", {"vaardigheid": skill.pk}).json()
    assert found["totaal"] == 1
    hit = found["resultaten"][0]
    assert (hit["naam"], hit["portfolio"], hit["vaardighedenZichtbaar"]) == (
        "Anouk Jansen",
        portfolio.pk,
        True,
    )
    assert [(v["naam"], v["gezocht"]) for v in hit["vaardigheden"]] == [("beleid schrijven", True)]

    portfolio.visibility_skills = "alleen_ik"
    portfolio.save()
    assert _json(client, "post", "/api/v1/portfolios/_zoek", {"vaardigheid": skill.pk}).json()["totaal"] == 0
    by_name = _json(client, "post", "/api/v1/portfolios/_zoek", {"naam": "Jansen"}).json()["resultaten"]
    assert [(h["naam"], h["vaardighedenZichtbaar"], h["vaardigheden"]) for h in by_name] == [
        ("Anouk Jansen", False, [])
    ]
    assert _problem(_json(client, "post", "/api/v1/portfolios/_zoek", {})) == {
        "": "Geef minstens één zoekcriterium."
    }
    assert _problem(
        _json(client, "post", "/api/v1/portfolios/_zoek", {"organisatie": "xyz", "minimumNiveau": "expert"})
    ) == {
        "organisatie": "Onbekende organisatie.",
        "minimumNiveau": "Een minimumniveau hoort bij een vaardigheid.",
    }


def test_export_is_the_owners_and_imports_back_unchanged(portfolio, owner_user, colleague_user, shaped):
    owner = _client(owner_user)
    response = owner.get(f"/api/v1/portfolios/{portfolio.pk}/export")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="portfolio-')
    document = json.loads(response.content)
    assert document["schema"] == "rijksportfolio-portfolio-export"
    assert {i["titel"] for i in document["items"]} >= VISIBLE_TO_COLLEAGUE | HIDDEN_FROM_COLLEAGUE

    refused = _client(colleague_user).get(f"/api/v1/portfolios/{portfolio.pk}/export")
    assert refused.status_code == 403
    assert AuditEvent.objects.filter(action="export", outcome="denied").count() == 1

    again = _json(owner, "post", f"/api/v1/portfolios/{portfolio.pk}/import", document)
    assert again.status_code == 200, again.content
    assert (again.json()["gewijzigd"], again.json()["onderdelenToegevoegd"]) == (False, 0)
    broken = _json(
        owner, "post", f"/api/v1/portfolios/{portfolio.pk}/import", {**document, "schemaVersie": "9.0"}
    )
    assert set(_problem(broken)) == {"/schemaVersie"}
    assert (
        _json(
            _client(colleague_user), "post", f"/api/v1/portfolios/{portfolio.pk}/import", document
        ).status_code
        == 403
    )
