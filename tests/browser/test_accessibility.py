# SPDX-License-Identifier: EUPL-1.2
"""axe-core on every page, for every role that can see it: no serious or critical violations.

One test (one live-server database) walks all roles, so the suite stays fast; every violation found on
any page is reported together at the end. The roles that see the most (HR adviser: history, personal
details, exact counts; employee: own page) get every page; the other roles get the pages whose content
depends on the role (home, ministry page with or without counts, person page with or without history).
"""

import pytest
from django.urls import reverse
from tests.browser.conftest import axe_violations, format_violations, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FULL_CHECK = {"medewerker", "hr-adviseur"}
CIVIL_SERVANTS = [
    "medewerker",
    "leidinggevende",
    "projectleider",
    "hr-adviseur",
    "beheerder",
    "analist",
    "or-lid",
]


def civil_servant_pages(world):
    return [
        reverse("web:home"),
        reverse("web:organisation_list"),
        reverse("web:organisation_detail", args=[world.orgs["bzk"].pk]),
        reverse("web:organisation_detail", args=[world.orgs["team"].pk]),
        reverse("web:person_list") + "?q=a",
        reverse("web:person_detail", args=[world.people["medewerker"].pk]),
        reverse("web:my_audit"),
    ]


def test_every_page_for_every_role_has_no_serious_axe_violations(world, new_page):
    found: list[str] = []

    def check(page, label, url):
        page.goto(url)
        violations = axe_violations(page)
        if violations:
            found.append(f"[{label}] " + format_violations(url, violations))

    anonymous = new_page(bypass_csp=True)
    check(anonymous, "anoniem", reverse("web:login"))
    check(anonymous, "anoniem", "/bestaat-niet")  # 404 page

    for username in CIVIL_SERVANTS:
        page = new_page(bypass_csp=True)
        login(page, username)
        pages = civil_servant_pages(world)
        if username not in FULL_CHECK:
            pages = [pages[0], pages[2], pages[5]]
        for url in pages:
            check(page, username, url)

    guest = new_page(bypass_csp=True)
    login(guest, "gast")
    check(guest, "gast", reverse("web:home"))
    check(guest, "gast", reverse("web:organisation_list"))  # the 403 page

    english = new_page(bypass_csp=True)
    login(english, "hr-adviseur")
    english.get_by_role("button", name="English").click()
    english.wait_for_load_state()
    assert english.locator("html").get_attribute("lang") == "en"
    check(english, "hr-adviseur, English", reverse("web:home"))
    check(english, "hr-adviseur, English", reverse("web:person_detail", args=[world.people["medewerker"].pk]))

    assert not found, "\n\n".join(found)
