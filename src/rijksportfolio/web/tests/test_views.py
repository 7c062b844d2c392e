# SPDX-License-Identifier: EUPL-1.2
import pytest
from django.test import Client
from django.urls import reverse

from rijksportfolio.audit.models import AuditAction, AuditEvent
from rijksportfolio.web.tests.world import PASSWORD

pytestmark = pytest.mark.django_db


def client_for(world, username: str) -> Client:
    client = Client()
    client.force_login(world.users[username])
    return client


def test_health_answers_ok(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("web:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("web:login"))


def test_login_page_is_dutch_with_skip_link_and_attribution(client):
    response = client.get(reverse("web:login"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nl"' in html
    assert "Direct naar de inhoud" in html
    assert '<h1 class="nl-heading nl-heading--level-1">Inloggen</h1>' in html
    assert "ESCO" in html
    assert "Inloggen met Rijks-account" not in html  # OIDC is off in tests


def test_pages_have_no_inline_styles_or_handlers(world):
    client = client_for(world, "hr-adviseur")
    urls = [
        reverse("web:home"),
        reverse("web:organisation_list"),
        reverse("web:organisation_detail", args=[world.orgs["bzk"].pk]),
        reverse("web:person_list"),
        reverse("web:person_detail", args=[world.people["medewerker"].pk]),
        reverse("web:my_audit"),
    ]
    for url in urls:
        html = client.get(url).content.decode()
        assert " style=" not in html, url
        assert "<style" not in html, url
        assert " onclick=" not in html, url
        assert " onload=" not in html, url
        assert "<script>" not in html, url  # only external scripts


def test_csp_header_is_strict(client):
    csp = client.get(reverse("web:login"))["Content-Security-Policy"]
    assert "style-src 'self'" in csp
    assert "script-src 'self'" in csp  # plus a nonce only on pages that use one
    assert "unsafe-inline" not in csp


def test_home_for_employee_shows_own_card_and_job(world):
    html = client_for(world, "medewerker").get(reverse("web:home")).content.decode()
    assert "Mijn gegevens" in html
    assert "Anouk Jansen" in html
    assert "Team Arbeidsmarkt" in html
    assert "Medewerkers per ministerie" not in html


def test_home_for_manager_shows_team_with_its_headcount_suppressed_as_in_the_stuurinformatie(world):
    html = client_for(world, "leidinggevende").get(reverse("web:home")).content.decode()
    assert "Organisaties waarvoor ik een rol heb" in html
    assert "Team Arbeidsmarkt" in html
    # Anouk and Daan: 2, shown as the stuurinformatie shows the team's headcount (test_home_headcounts.py)
    assert (
        '<span aria-hidden="true">&lt; 10</span><span class="rpf-visually-hidden">minder dan 10</span></td>'
        in html
    )


def test_home_for_works_council_suppresses_small_counts(world):
    html = client_for(world, "or-lid").get(reverse("web:home")).content.decode()
    assert "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties" in html
    assert "&lt; 10" in html


def test_home_for_analyst_shows_headcount_by_ministry(world):
    html = client_for(world, "analist").get(reverse("web:home")).content.decode()
    assert "Medewerkers per ministerie" in html
    assert "Ministerie van Financiën" in html


def test_home_for_guest_is_minimal(world):
    html = client_for(world, "gast").get(reverse("web:home")).content.decode()
    assert "externe gast" in html
    assert reverse("web:organisation_list") not in html
    assert reverse("web:person_list") not in html


def test_organisation_list_shows_ministries_with_agencies(world):
    html = client_for(world, "medewerker").get(reverse("web:organisation_list")).content.decode()
    assert "Ministerie van Financiën" in html
    assert "Belastingdienst" in html
    assert "Logius" in html
    assert "DG Overheidsorganisatie" not in html  # directorates are on the ministry page


def test_organisation_page_has_breadcrumbs_children_locations(world):
    team = world.orgs["team"]
    html = (
        client_for(world, "medewerker")
        .get(reverse("web:organisation_detail", args=[team.pk]))
        .content.decode()
    )
    assert 'aria-label="Kruimelpad"' in html
    assert "DG Overheidsorganisatie" in html  # parent chain
    assert "Deze organisatie heeft geen onderdelen." in html
    bzk_html = (
        client_for(world, "medewerker")
        .get(reverse("web:organisation_detail", args=[world.orgs["bzk"].pk]))
        .content.decode()
    )
    assert "Turfmarkt 147, 2511 DP Den Haag" in bzk_html
    assert f'hx-get="/organisaties/{world.orgs["directorate"].pk}/onderdelen"' in bzk_html
    assert 'id="headcount"' not in bzk_html  # an employee sees no aggregates


def test_organisation_page_headcount_for_hr_is_exact_and_for_works_council_suppressed(world):
    url = reverse("web:organisation_detail", args=[world.orgs["bzk"].pk])
    hr = client_for(world, "hr-adviseur").get(url).content.decode()
    assert 'id="headcount">7</dd>' in hr
    works_council = client_for(world, "or-lid").get(url).content.decode()
    assert 'id="headcount">&lt; 10</dd>' in works_council


def test_organisation_children_fragment_for_htmx(world):
    bzk = world.orgs["bzk"]
    client = client_for(world, "medewerker")
    url = reverse("web:organisation_children", args=[world.orgs["directorate"].pk])
    fragment = client.get(url, HTTP_HX_REQUEST="true")
    assert fragment.status_code == 200
    assert "Team Arbeidsmarkt" in fragment.content.decode()
    assert "<html" not in fragment.content.decode()
    assert client.get(url)["Location"] == reverse(
        "web:organisation_detail", args=[world.orgs["directorate"].pk]
    )
    assert bzk.pk


def test_guest_cannot_browse_organisations_or_people(world):
    client = client_for(world, "gast")
    response = client.get(reverse("web:organisation_list"))
    assert response.status_code == 403
    assert "Geen toegang" in response.content.decode()
    assert "<title>Geen toegang · Rijksportfolio</title>" in response.content.decode()  # WCAG 2.4.2
    assert client.get(reverse("web:person_list")).status_code == 403
    assert client.get(reverse("web:person_detail", args=[world.people["medewerker"].pk])).status_code == 403
    assert client.get(reverse("web:my_audit")).status_code == 403


def test_person_search_filters_on_name(world):
    client = client_for(world, "medewerker")
    html = client.get(reverse("web:person_list"), {"q": "jans"}).content.decode()
    assert "1 medewerker gevonden" in html
    assert "Anouk Jansen" in html
    assert "Daan Visser" not in html
    fragment = client.get(
        reverse("web:person_list"), {"q": "visser"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "Daan Visser" in fragment
    assert "<html" not in fragment


# Person page per role: (card, employment history, personal details) for Anouk Jansen (team under BZK).
PERSON_PAGE_MATRIX = {
    "medewerker": (True, True, True),  # herself
    "leidinggevende": (True, True, False),
    "projectleider": (True, False, False),
    "hr-adviseur": (True, True, True),
    "beheerder": (True, True, False),
    "analist": (True, False, False),
    "or-lid": (True, False, False),
    "gast": (False, False, False),
}


@pytest.mark.parametrize(("username", "expected"), PERSON_PAGE_MATRIX.items())
def test_person_page_per_role(world, username, expected):
    card, history, personal = expected
    response = client_for(world, username).get(
        reverse("web:person_detail", args=[world.people["medewerker"].pk])
    )
    html = response.content.decode()
    assert response.status_code == (200 if card else 403)
    assert ("Visitekaartje" in html) is card
    assert ("Dienstverbanden" in html) is history
    assert ("Behandelaar" in html) is history  # the ended job at the Belastingdienst
    assert ("Personeelsnummer" in html) is personal
    assert (world.people["medewerker"].personnel_number in html) is personal


def test_person_history_read_by_someone_else_is_audited_once_per_read(world):
    person = world.people["medewerker"]
    client = client_for(world, "leidinggevende")
    url = reverse("web:person_detail", args=[person.pk])
    client.get(url)
    client.get(url)
    reads = AuditEvent.objects.filter(
        subject_person=person, object_type="employment_history", action=AuditAction.READ
    )
    assert reads.count() == 2
    assert set(reads.values_list("actor_id", flat=True)) == {world.users["leidinggevende"].pk}
    assert reads.first().purpose == "Persoonspagina geopend"
    assert not AuditEvent.objects.filter(subject_person=person, object_type="personal_details").exists()


def test_reading_yourself_is_not_audited(world):
    person = world.people["medewerker"]
    client_for(world, "medewerker").get(reverse("web:person_detail", args=[person.pk]))
    assert AuditEvent.objects.filter(subject_person=person).count() == 0


def test_card_only_view_is_not_audited(world):
    person = world.people["medewerker"]
    client_for(world, "analist").get(reverse("web:person_detail", args=[person.pk]))
    assert AuditEvent.objects.filter(subject_person=person).count() == 0


def test_hr_read_audits_history_and_personal_details(world):
    person = world.people["medewerker"]
    client_for(world, "hr-adviseur").get(reverse("web:person_detail", args=[person.pk]))
    assert sorted(AuditEvent.objects.filter(subject_person=person).values_list("object_type", flat=True)) == [
        "employment_history",
        "personal_details",
    ]


def test_who_looked_at_my_data_shows_the_reads(world):
    person = world.people["medewerker"]
    client_for(world, "hr-adviseur").get(reverse("web:person_detail", args=[person.pk]))
    me = client_for(world, "medewerker")
    html = me.get(reverse("web:my_audit")).content.decode()
    assert "Wie heeft mijn gegevens bekeken" in html
    assert "Fatima Yilmaz" in html
    assert "Dienstverbanden" in html
    assert "Persoonsgegevens" in html
    assert "Persoonspagina geopend" in html
    # The HR adviser's own page does not show reads about someone else.
    other = client_for(world, "hr-adviseur").get(reverse("web:my_audit")).content.decode()
    assert "Niemand anders heeft je gegevens bekeken." in other


def test_language_switch_shows_english(world):
    client = client_for(world, "medewerker")
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("web:home")})
    assert response.status_code == 302
    html = client.get(reverse("web:home")).content.decode()
    assert '<html lang="en"' in html
    assert "Skip to content" in html
    assert "Welcome to Rijksportfolio" in html
    assert "My details" in html
    assert "Direct naar de inhoud" not in html


def test_404_page_is_dutch(client):
    response = client.get("/bestaat-niet")
    assert response.status_code == 404
    assert "<title>Pagina niet gevonden · Rijksportfolio</title>" in response.content.decode()


def test_500_template_renders_without_context():
    from django.template.loader import get_template

    html = get_template("500.html").render()
    assert "Er ging iets mis" in html


def test_navigation_follows_policy(world):
    employee = client_for(world, "medewerker").get(reverse("web:home")).content.decode()
    assert 'aria-label="Hoofdmenu"' in employee
    for label in ("Organisaties", "Medewerkers", "Wie bekeek mijn gegevens"):
        assert f">{label}</a>" in employee
    guest = client_for(world, "gast").get(reverse("web:home")).content.decode()
    assert ">Organisaties</a>" not in guest
    assert ">Wie bekeek mijn gegevens</a>" not in guest


def test_login_with_password_through_the_form(world, client):
    response = client.post(reverse("web:login"), {"username": "medewerker", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("web:home")


def test_logout_needs_post(world):
    client = client_for(world, "medewerker")
    assert client.get(reverse("web:logout")).status_code == 405
    assert client.post(reverse("web:logout"))["Location"] == reverse("web:login")
    assert client.get(reverse("web:home")).status_code == 302
