# SPDX-License-Identifier: EUPL-1.2
"""The home page's headcounts: the same definitions and suppression as Rijk in cijfers and the stuurinformatie.

The Rijk-wide table is the per-ministry table of Rijk in cijfers (each person once, at their main record;
personnel only; suppressed as a margin of the ministry x scale-group table), so the two pages never disagree
and the home page gives nothing away that Rijk in cijfers hides. An organisation's own headcount is the
stuurinformatie's headcount of that organisation (persons with a personnel record in its subtree), a lone count
with primary suppression for every viewer.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from rijksportfolio.accounts.constants import Role
from rijksportfolio.accounts.services import role_assign
from rijksportfolio.organisations.constants import OrganisationKind
from rijksportfolio.people.constants import ContractType
from rijksportfolio.people.models import Employment
from rijksportfolio.people.tests.factories import EmploymentFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db

BZK = "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"
FIN = "Ministerie van Financiën"
JENV = "Ministerie van Justitie en Veiligheid"


def client_for(world, username: str) -> Client:
    client = Client()
    client.force_login(world.users[username])
    return client


def _job(
    organisation, *, scale: int = 11, fte: str = "1", contract: str = ContractType.PERMANENT, person=None
):
    return EmploymentFactory(
        person=person or PersonFactory(),
        organisation=organisation,
        salary_scale=scale,
        fte=Decimal(fte),
        contract_type=contract,
        start_date=date(2018, 1, 1),
    )


@pytest.fixture
def rijk(world):
    """Personnel by main record: BZK 37 (the world's 7 + 30), FIN 15 (the world's 2 + 12 + one person whose
    main job is at FIN and a second job at BZK), JenV 4; 56 in all. Besides them 3 external hires at BZK.

    Ministry x scale group: BZK 37 in 10-11; FIN 13 in 7-9 and 2 in 10-11; JenV 4 in 7-9. Suppressed with its
    margins: FIN's 2 and JenV's 4 are "< 10", FIN's total is hidden (x) so that JenV's cannot be derived."""
    Employment.objects.filter(end_date__isnull=True).update(salary_scale=11, fte=Decimal("1"))
    jenv = OrganisationFactory(code="jenv", name=JENV, kind=OrganisationKind.MINISTRY)
    world.orgs["jenv"] = jenv
    for _ in range(30):
        _job(world.orgs["bzk"])
    for _ in range(12):
        _job(world.orgs["fin"], scale=8)
    two_jobs = _job(world.orgs["fin"], scale=8, fte="0.8").person
    _job(world.orgs["bzk"], scale=11, fte="0.2", person=two_jobs)
    for _ in range(4):
        _job(jenv, scale=8)
    for _ in range(3):
        _job(world.orgs["bzk"], contract=ContractType.EXTERNAL)
    return world


def _rows(html: str, table_id: str) -> list[tuple[str, str]]:
    """(row label, shown figure) of a table on the page, marks as shown (without their spoken words)."""
    block = html[html.index(f'id="{table_id}"') :]
    block = block[: block.index("</table>")]
    rows = []
    for row in re.findall(r"<tr class=\"utrecht-table__row[^\"]*\">(.*?)</tr>", block, re.S)[1:]:
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        label = re.sub(r"<[^>]+>", "", cells[0]).strip()
        figure = re.sub(r'<span class="rpf-visually-hidden">.*?</span>', "", cells[-1])
        rows.append((label, re.sub(r"<[^>]+>", "", figure).strip().replace("&lt;", "<")))
    return rows


def _csv(response) -> list[tuple[str, ...]]:
    return [tuple(r) for r in csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")]


# --- the Rijk-wide table ------------------------------------------------------------------------------------


def test_the_rijk_table_is_the_per_ministry_table_of_rijk_in_cijfers(rijk):
    client = client_for(rijk, "analist")
    html = client.get(reverse("web:home")).content.decode()
    home = _rows(html, "rpf-table-ministerie")
    assert home == [(BZK, "37"), (FIN, "x"), (JENV, "< 10"), ("Totaal", "56")]
    figures = _csv(client.get(reverse("web:figures"), {"formaat": "csv", "tabel": "ministerie"}))
    assert figures[1:] == home  # the same figures with the same marks
    # The old definition (any running record, external hires included) showed BZK 41 and FIN 15 beside Rijk in
    # cijfers' total of 56 and BZK 37: JenV's 4 followed. Nothing of the kind is on the page now.
    assert ">41<" not in html
    assert ">15<" not in html


def test_the_rijk_table_links_each_ministry_and_explains_its_marks(rijk):
    html = client_for(rijk, "analist").get(reverse("web:home")).content.decode()
    for key in ("bzk", "fin", "jenv"):
        organisation = rijk.orgs[key]
        url = reverse("web:organisation_detail", args=[organisation.pk])
        assert f'<a class="nl-link" href="{url}">{organisation.name}</a></th>' in html
    assert ">Medewerkers per ministerie</caption>" in html
    assert "&lt; 10 = minder dan 10 personen; het precieze aantal is afgeschermd." in html
    assert "x = afgeschermd:" in html
    assert '<span class="rpf-visually-hidden">minder dan 10</span>' in html
    assert (
        "zoals in Rijk in cijfers: iedereen telt één keer mee, bij het dienstverband met de meeste uren"
        in html
    )
    assert f'href="{reverse("web:figures")}"' in html
    assert "formaat=csv" not in html  # no download links: the home page answers no downloads


def test_the_rijk_table_is_for_rijk_wide_analysts_only(rijk):
    for username in ("medewerker", "leidinggevende", "hr-adviseur", "or-lid", "gast"):
        html = client_for(rijk, username).get(reverse("web:home")).content.decode()
        assert "rpf-table-ministerie" not in html, username
        assert "Medewerkers per ministerie" not in html, username


def test_the_rijk_table_follows_a_change_at_once(rijk):
    client = client_for(rijk, "analist")
    assert _rows(client.get(reverse("web:home")).content.decode(), "rpf-table-ministerie")[-1] == (
        "Totaal",
        "56",
    )
    from rijksportfolio.people import services as people_services

    newcomer = people_services.person_create(
        actor=None,
        personnel_number="N-56",
        first_name="Nina",
        last_name="Nieuw",
        date_of_birth=date(1990, 1, 1),
    )
    people_services.employment_add(
        actor=None,
        person=newcomer,
        organisation=rijk.orgs["jenv"],
        job_title="Adviseur",
        job_family="beleid",
        work_type="policy",
        salary_scale=8,
        fte=Decimal("1"),
        contract_type="permanent",
        start_date=date(2020, 1, 1),
    )
    # JenV 5: still small, and FIN still its complement; the total 57.
    assert _rows(client.get(reverse("web:home")).content.decode(), "rpf-table-ministerie") == [
        (BZK, "37"),
        (FIN, "x"),
        (JENV, "< 10"),
        ("Totaal", "57"),
    ]


def test_the_rijk_table_in_english(rijk):
    client = client_for(rijk, "analist")
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("web:home")).content.decode()
    assert ">Employees per ministry</caption>" in html
    assert "as in Government in figures: everyone counts once, at the job with the most hours" in html
    assert '<span class="rpf-visually-hidden">fewer than 10</span>' in html


# --- the organisations one has a role for --------------------------------------------------------------------


def test_an_organisations_headcount_counts_personnel_once_and_suppresses_small_counts_for_everyone(rijk):
    # BZK's subtree: the world's 7, 30 more and the second job of the FIN employee: 38 persons (the 3 external
    # hires are not personnel). The manager's team holds 2: "< 10", also for the manager, as on the
    # stuurinformatie.
    empty = OrganisationFactory(
        code="leeg", name="Team Leeg", kind=OrganisationKind.TEAM, parent=rijk.orgs["directorate"]
    )
    role_assign(user=rijk.users["leidinggevende"], role=Role.MANAGER, organisation=empty)
    expected = {
        "or-lid": [(BZK, "38")],
        "hr-adviseur": [(BZK, "38")],
        "beheerder": [(BZK, "38")],
        "leidinggevende": [("Team Arbeidsmarkt", "< 10"), ("Team Leeg", "0")],
    }
    for username, rows in expected.items():
        html = client_for(rijk, username).get(reverse("web:home")).content.decode()
        shown = [
            (label.split("\n")[0].strip(), figure) for label, figure in _rows(html, "mijn-organisaties-tabel")
        ]
        assert sorted(shown) == rows, username
    html = client_for(rijk, "leidinggevende").get(reverse("web:home")).content.decode()
    assert (
        '<span aria-hidden="true">&lt; 10</span><span class="rpf-visually-hidden">minder dan 10</span>'
        in html
    )
    assert "externe inhuur telt niet mee" in html


def test_the_home_page_shows_what_the_stuurinformatie_shows(rijk, settings, tmp_path):
    """An organisation's headcount is the Personeelsbestand's key figure for it; in this Rijk the per-ministry
    table is also the Personeelsbestand's breakdown by organisation of the Rijk, mark for mark."""
    from rijksportfolio.workforce import store

    settings.ANALYTICS_DIR = tmp_path / "analytics"
    settings.ANALYTICS_REFRESH = "off"
    store.refresh(full=True)
    analyst = client_for(rijk, "analist")
    breakdown = _csv(
        analyst.get(
            reverse("workforce:personeelsbestand"), {"formaat": "csv", "tabel": "bestand-organisation"}
        )
    )
    home = _rows(analyst.get(reverse("web:home")).content.decode(), "rpf-table-ministerie")
    assert (
        [row[:2] for row in breakdown[1:]]
        == home
        == [(BZK, "37"), (FIN, "x"), (JENV, "< 10"), ("Totaal", "56")]
    )
    for username, code in (("or-lid", "bzk"), ("leidinggevende", "team-a")):
        client = client_for(rijk, username)
        page = client.get(reverse("workforce:personeelsbestand"), {"organisatie": code}).content.decode()
        stuurinformatie = re.search(r"<dt>Medewerkers</dt><dd>([^<]*)</dd>", page).group(1)
        home = client.get(reverse("web:home")).content.decode()
        shown = dict(
            (label.split("\n")[0].strip(), figure) for label, figure in _rows(home, "mijn-organisaties-tabel")
        )
        organisation = {"bzk": BZK, "team-a": "Team Arbeidsmarkt"}[code]
        assert (shown[organisation], stuurinformatie.replace("&lt;", "<")) == (
            {"bzk": "38", "team-a": "< 10"}[code],
        ) * 2, username
