# SPDX-License-Identifier: EUPL-1.2
"""The fairness monitor pages with the Django test client (Chromium + axe: tests/browser/test_fairness_page.py):
who may open them, a run on request, what a run shows (flags, insufficient groups, hidden counts), the history,
downloads, the navigation item."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from rijksportfolio.audit.models import AuditEvent
from rijksportfolio.matching import services
from rijksportfolio.matching.models import FairnessRun
from rijksportfolio.portfolios.tests.factories import user_for

MONITOR = reverse("matching:fairness")


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_hr_adviser_measures_their_organisation_and_sees_the_outcome(fairness_world):
    client = _client(fairness_world["hr"])
    page = client.get(MONITOR)
    assert page.status_code == 200
    assert page.context["code"] == "bzk"  # the HR adviser's own organisation by default
    assert "Voor dit bereik is nog niet gemeten." in page.content.decode()
    response = client.post(MONITOR, {"organisatie": "dgop"})
    run = FairnessRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("matching:fairness_run", args=[run.pk])
    assert run.organisation == fairness_world["org"]
    shown = client.get(response["Location"])
    html = shown.content.decode()
    assert "De meting is klaar en bewaard." in html
    assert "Uitkomst voor DG Overheidsorganisatie" in html
    # all 27 fit in a top 50, but the men never score half of what is asked
    assert "Gemarkeerd: kans op een score van ten minste 0,50 onder 0,8 van de hoogste groep" in html
    assert "Geslacht man: kans op een score van ten minste 0,50</li>" in html
    assert "Leeftijd 55 en ouder: kans op een score van ten minste 0,50</li>" in html
    assert "kans in de top 50 onder" not in html
    assert "Te weinig mensen om te beoordelen (minder dan 10)" in html  # 3 of another gender
    assert "x = afgeschermd" in html  # their count, and the one that would give it away


def test_the_monitor_shows_the_latest_run_and_the_history(fairness_world):
    first = services.fairness_run_create(actor=fairness_world["hr"], organisation=fairness_world["org"])
    latest = services.fairness_run_create(actor=fairness_world["analyst"], organisation=fairness_world["org"])
    page = _client(fairness_world["hr"]).get(MONITOR, {"organisatie": "dgop"})
    assert page.status_code == 200
    assert page.context["latest"]["run"] == latest
    assert [item["run"] for item in page.context["history"]] == [latest, first]
    html = page.content.decode()
    assert "Laatste meting voor DG Overheidsorganisatie" in html
    assert reverse("matching:fairness_run", args=[first.pk]) in html
    # reading the latest run in full is audited
    assert AuditEvent.objects.filter(object_type="matching_fairness_run", action="read").count() == 1


def test_the_tables_download_as_csv_with_hidden_counts_marked(fairness_world):
    services.fairness_run_create(actor=fairness_world["hr"], organisation=fairness_world["org"], top_k=12)
    response = _client(fairness_world["hr"]).get(
        MONITOR, {"organisatie": "dgop", "formaat": "csv", "tabel": "eerlijkheid-geslacht"}
    )
    assert response.status_code == 200
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Geslacht;Mensen;Kans in de top 12 (%);Verhouding top 12")
    rows = {line.split(";")[0]: line.split(";") for line in lines[1:]}
    assert rows["Vrouw"][2:] == ["100,00", "1,00", "100,00", "1,00"]
    assert rows["Anders"][1:] == ["x", "x", "x", "x", "x"]  # fewer than 10: nothing about them


def test_who_may_open_the_monitor(fairness_world):
    run = services.fairness_run_create(
        actor=fairness_world["analyst"], organisation=fairness_world["elsewhere"]
    )
    analyst = _client(fairness_world["analyst"])
    assert analyst.get(MONITOR).context["code"] == ""  # the Rijk for a Rijk-wide analyst
    hr = _client(fairness_world["hr"])
    assert hr.get(MONITOR, {"organisatie": "fin"}).status_code == 403
    assert hr.post(MONITOR, {"organisatie": "fin"}).status_code == 403
    assert hr.get(MONITOR, {"organisatie": ""}).status_code == 403  # not the Rijk
    assert hr.get(reverse("matching:fairness_run", args=[run.pk])).status_code == 403
    unknown = hr.get(MONITOR, {"organisatie": "bestaat-niet"})
    assert unknown.status_code == 400
    assert "Deze organisatie bestaat niet. Kies een bereik uit de lijst." in unknown.content.decode()
    assert hr.get(reverse("matching:fairness_run", args=[run.pk + 100])).status_code == 404
    employee = _client(user_for(fairness_world["women"][0]))
    assert employee.get(MONITOR).status_code == 403
    assert Client().get(MONITOR).status_code == 302  # to the login page
    assert FairnessRun.objects.count() == 1


def test_navigation_shows_the_monitor_to_hr_and_analysts_only(fairness_world):
    def keys(user):
        return {item["key"] for item in _client(user).get(reverse("web:home")).context["main_nav"]}

    assert "fairness" in keys(fairness_world["hr"])
    assert "fairness" in keys(fairness_world["analyst"])
    assert "fairness" not in keys(user_for(fairness_world["women"][0]))
