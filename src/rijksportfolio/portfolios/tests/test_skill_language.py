# SPDX-License-Identifier: EUPL-1.2
"""Skill names follow the UI language on the portfolio pages, the colleague search and the Portfolio-overzicht
(page and downloads), falling back to the other language with the right ``lang`` attribute."""

from __future__ import annotations

import io
import json
import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from rijksportfolio.accounts.constants import Role
from rijksportfolio.accounts.services import role_assign
from rijksportfolio.people.tests.factories import EmploymentFactory, OrganisationFactory, PersonFactory
from rijksportfolio.portfolios import overviews
from rijksportfolio.portfolios.models import SECTION_FIELDS
from rijksportfolio.portfolios.tests.factories import PortfolioFactory, PortfolioSkillFactory, user_for
from rijksportfolio.skills.models import RIJK_SKILL_URI_PREFIX, SkillOrigin
from rijksportfolio.skills.tests.factories import (
    OccupationFactory,
    OccupationSkillFactory,
    SkillFactory,
    SkillGroupFactory,
)

pytestmark = pytest.mark.django_db

PUBLIC_NL, PUBLIC_EN = "verschaffen van informatie aan het publiek", "provide information to the public"
GROUP_NL, GROUP_EN = "communiceren met anderen", "communicating with others"
RIJK_NL = "wetgevingskwaliteit toetsen"  # a Rijk-specific skill: a Dutch name only
THREAT_EN = "threat modelling"  # an ESCO skill without a Dutch label


@pytest.fixture
def rijk():  # type: ignore[no-untyped-def]
    """Twelve people at one ministry who share (with the Rijk) the same three skills, in an occupation that
    needs them: enough to be listed in the overview."""
    ministry = OrganisationFactory(code="m", name="Ministerie M", parent=None)
    group = SkillGroupFactory(preferred_label_nl=GROUP_NL, preferred_label_en=GROUP_EN)
    public = SkillFactory(preferred_label_nl=PUBLIC_NL, preferred_label_en=PUBLIC_EN)
    public.broader.add(group)
    rijk_skill = SkillFactory(
        uri=f"{RIJK_SKILL_URI_PREFIX}wetgevingskwaliteit",
        origin=SkillOrigin.RIJK,
        preferred_label_nl=RIJK_NL,
        preferred_label_en="",
    )
    threat = SkillFactory(preferred_label_nl="", preferred_label_en=THREAT_EN)
    occupation = OccupationFactory()
    for skill in (public, rijk_skill, threat):
        OccupationSkillFactory(occupation=occupation, skill=skill)
    people = []
    for _ in range(12):
        person = PersonFactory()
        EmploymentFactory(person=person, organisation=ministry, occupation=occupation)
        visibility = dict.fromkeys(SECTION_FIELDS.values(), "rijk")
        portfolio = PortfolioFactory(person=person, visibility_chosen_at=timezone.now(), **visibility)
        for skill in (public, rijk_skill, threat):
            PortfolioSkillFactory(portfolio=portfolio, skill=skill, level="gevorderd")
        people.append(person)
    analyst_person = PersonFactory()
    EmploymentFactory(person=analyst_person, organisation=ministry)
    analyst = user_for(analyst_person)
    role_assign(user=analyst, role=Role.ANALYST)
    return {"people": people, "analyst": analyst, "public": public, "ministry": ministry}


def _client(user, language: str | None = None) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    if language:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def _html(response) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.content.decode())


def _languages(html: str, text: str) -> set[str]:
    """The language of each element whose text is exactly ``text``: its ``lang``, else the page's."""
    page = re.search(r'<html lang="(\w+)"', html)
    assert page is not None
    tags = re.findall(r"<\w+([^<>]*)>" + re.escape(text) + "<", html)
    assert tags, text
    return {(re.search(r'\blang="(\w+)"', t) or page).group(1) for t in tags}


def _assert_names(html: str, *, english: bool) -> None:
    assert (PUBLIC_NL if english else PUBLIC_EN) not in html
    assert _languages(html, PUBLIC_EN if english else PUBLIC_NL) == {"en" if english else "nl"}
    # the Rijk skill has only a Dutch name, the other skill only an English one: marked as such in either UI
    assert _languages(html, RIJK_NL) == {"nl"}
    assert _languages(html, THREAT_EN) == {"en"}
    assert "(English)" not in html


@pytest.mark.parametrize("language", ["nl", "en"])
def test_portfolio_skills_follow_the_ui_language(rijk, language) -> None:  # type: ignore[no-untyped-def]
    owner, colleague = rijk["people"][0], rijk["people"][1]
    own = _html(_client(user_for(owner), language).get(reverse("portfolios:skills")))
    _assert_names(own, english=language == "en")
    shown = _html(
        _client(user_for(colleague), language).get(reverse("portfolios:person_portfolio", args=[owner.pk]))
    )
    _assert_names(shown, english=language == "en")


@pytest.mark.parametrize(
    ("language", "order"),
    [("nl", (THREAT_EN, PUBLIC_NL, RIJK_NL)), ("en", (PUBLIC_EN, THREAT_EN, RIJK_NL))],
)
def test_the_skills_profile_is_in_alphabetical_order_of_the_names_shown(rijk, language, order) -> None:  # type: ignore[no-untyped-def]
    page = _html(_client(user_for(rijk["people"][0]), language).get(reverse("portfolios:skills")))
    positions = [page.index(f">{name}<") for name in order]
    assert positions == sorted(positions)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_colleague_search_results_follow_the_ui_language(rijk, language) -> None:  # type: ignore[no-untyped-def]
    client = _client(user_for(rijk["people"][0]), language)
    html = _html(client.get(reverse("portfolios:colleague_search"), {"vaardigheid_id": rijk["public"].pk}))
    _assert_names(html, english=language == "en")
    chosen = re.search(r'<p class="nl-paragraph" id="gekozen-vaardigheid">(.*?)</p>', html)
    assert chosen is not None
    expected = PUBLIC_EN if language == "en" else PUBLIC_NL
    assert f'<strong lang="{language}">{expected}</strong>' in chosen.group(1)


def test_colleague_search_marks_an_english_name_in_dutch(rijk) -> None:  # type: ignore[no-untyped-def]
    client = _client(user_for(rijk["people"][0]))
    threat = rijk["people"][0].portfolio.skills.get(skill__preferred_label_en=THREAT_EN).skill
    html = _html(client.get(reverse("portfolios:colleague_search"), {"vaardigheid_id": threat.pk}))
    assert f'<strong lang="en">{THREAT_EN}</strong> (Engels)' in html
    english = _html(
        _client(user_for(rijk["people"][0]), "en").get(
            reverse("portfolios:colleague_search"), {"vaardigheid_id": threat.pk}
        )
    )
    assert f'<strong lang="en">{THREAT_EN}</strong></p>' in english  # no "(English)"


def test_colleague_search_api_stays_dutch_first(rijk) -> None:  # type: ignore[no-untyped-def]
    """The API documents naam/taal as the Dutch name, else the English one: not the language of the request."""
    client = _client(user_for(rijk["people"][0]), "en")
    answer = client.post(
        "/api/v1/portfolios/_zoek",
        json.dumps({"vaardigheid": rijk["public"].pk}),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert answer.status_code == 200, answer.content
    shown = {(s["naam"], s["taal"]) for hit in answer.json()["resultaten"] for s in hit["vaardigheden"]}
    assert shown == {(PUBLIC_NL, "nl"), (RIJK_NL, "nl"), (THREAT_EN, "en")}


def _overview(client: Client, **params: str):  # type: ignore[no-untyped-def]
    return client.get(reverse("portfolios:overview"), params)


def test_overview_page_and_downloads_follow_the_ui_language(rijk, settings) -> None:  # type: ignore[no-untyped-def]
    settings.AGGREGATE_CACHE_TTL = 60
    overviews._cache.clear()
    dutch, english = _client(rijk["analyst"]), _client(rijk["analyst"], "en")
    try:
        # computed (and cached) while a Dutch reader asks; then an English reader gets English names
        page_nl = _html(_overview(dutch))
        assert PUBLIC_NL in page_nl and GROUP_NL in page_nl and f"{THREAT_EN} (Engels)" in page_nl  # noqa: PT018
        assert len(overviews._cache) == 1
        page_en = _html(_overview(english))
        assert len(overviews._cache) == 1  # served from the cache
        assert PUBLIC_EN in page_en and GROUP_EN in page_en  # noqa: PT018
        assert PUBLIC_NL not in page_en and GROUP_NL not in page_en and "(Engels)" not in page_en  # noqa: PT018
        assert f"{RIJK_NL} (Dutch)" in page_en  # the fallback says its language in the table text

        csv_en = _overview(english, formaat="csv", tabel="vaardigheden").content.decode("utf-8-sig")
        assert PUBLIC_EN in csv_en and f"{RIJK_NL} (Dutch)" in csv_en and PUBLIC_NL not in csv_en  # noqa: PT018
        csv_nl = _overview(dutch, formaat="csv", tabel="schaars").content.decode("utf-8-sig")
        assert PUBLIC_NL in csv_nl and f"{THREAT_EN} (Engels)" in csv_nl and PUBLIC_EN not in csv_nl  # noqa: PT018
        assert "Certificate" in _overview(english, formaat="csv", tabel="bewijs").content.decode("utf-8-sig")

        workbook = load_workbook(io.BytesIO(_overview(english, formaat="xlsx").content))
        cells = {str(c.value) for sheet in workbook.worksheets for row in sheet.iter_rows() for c in row}
        assert {PUBLIC_EN, GROUP_EN, THREAT_EN} <= cells
        assert not {PUBLIC_NL, GROUP_NL} & cells
    finally:
        overviews._cache.clear()
