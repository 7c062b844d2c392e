# SPDX-License-Identifier: EUPL-1.2
"""Item categories at run time: administrators add, change and retire them; the schema is checked with
Dutch messages; retiring keeps existing items readable."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from rijksportfolio.accounts.constants import Role
from rijksportfolio.accounts.services import role_assign
from rijksportfolio.audit.models import AuditEvent
from rijksportfolio.people.tests.factories import OrganisationFactory
from rijksportfolio.portfolios import access, selectors, services
from rijksportfolio.portfolios.tests.factories import ItemFactory, category_get

pytestmark = pytest.mark.django_db

FIELDS = [
    {
        "key": "organisator",
        "label_nl": "Organisator",
        "label_en": "Organiser",
        "type": "text",
        "required": True,
    },
    {"key": "datum", "label_nl": "Datum", "label_en": "Date", "type": "date"},
]


@pytest.fixture
def admin(colleague_user):
    role_assign(user=colleague_user, role=Role.ORG_ADMIN, organisation=OrganisationFactory())
    return colleague_user


def _create(admin, **overrides):
    values = {
        "key": "hackathon",
        "part": "vrij",
        "label_nl": "Hackathon",
        "label_en": "Hackathon",
        "fields": FIELDS,
    } | overrides
    return services.category_create(actor=admin, **values)


def test_an_administrator_adds_a_category_that_employees_can_use_at_once(admin, owner_user, portfolio):
    category = _create(admin, allows_evidence=True)
    assert category in selectors.categories_active(part="vrij")
    item = services.item_create(
        actor=owner_user,
        portfolio=portfolio,
        category=category,
        title="Hack the Rijk",
        data={"organisator": "BZK", "datum": "2025-10-10"},
    )
    assert (item.part, item.data) == ("vrij", {"organisator": "BZK", "datum": "2025-10-10"})
    assert list(AuditEvent.objects.values_list("action", "object_type", "object_id")) == [
        ("create", "portfolio_category", "hackathon")
    ]


def test_bad_definitions_are_refused_with_dutch_messages_per_field(admin):
    bad = [
        {"key": "Organisator", "label_nl": "", "label_en": "Organiser", "type": "tekst"},
        {"key": "keuze", "label_nl": "Keuze", "label_en": "Choice", "type": "choice"},
    ]
    with pytest.raises(ValidationError) as exc:
        _create(admin, key="Hack!", part="overig", label_nl=" ", fields=bad)
    assert exc.value.message_dict == {
        "label_nl": ["Geef een naam van ten hoogste 120 tekens."],
        "fields": [
            "Veld 1: de sleutel moet beginnen met een kleine letter en mag alleen kleine letters, cijfers en _ "
            "bevatten (ten hoogste 40 tekens).",
            "Veld 1: geef een Nederlandse naam van ten hoogste 120 tekens.",
            "Veld 1: kies een soort veld uit text, markdown, date, integer, url, choice, boolean.",
            "Veld 2: een keuzeveld heeft een lijst met keuzes nodig.",
        ],
        "key": [
            "De sleutel begint met een kleine letter en bevat alleen kleine letters, cijfers, - en _ (2 tot 60 tekens)."
        ],
        "part": ["Kies een van de vier delen."],
    }


def test_keys_are_unique(admin):
    with pytest.raises(ValidationError) as exc:
        _create(admin, key="diploma")
    assert exc.value.message_dict == {"key": ["Er is al een soort met deze sleutel."]}


def test_only_organisation_administrators_manage_categories(owner_user, colleague_user):
    role_assign(user=colleague_user, role=Role.HR_ADVISER, organisation=OrganisationFactory())
    for user in (owner_user, colleague_user):
        with pytest.raises(PermissionDenied):
            _create(user)
        with pytest.raises(PermissionDenied):
            services.category_retire(actor=user, category=category_get("diploma"))


def test_changing_fields_keeps_the_data_of_existing_items_valid(admin, portfolio):
    category = _create(admin)
    ItemFactory(portfolio=portfolio, category=category, part="vrij", data={"organisator": "BZK"})
    services.category_update(
        actor=admin,
        category=category,
        label_nl="Hackathon of game jam",
        fields=[*FIELDS, {"key": "team", "label_nl": "Team", "label_en": "Team", "type": "integer"}],
    )
    category.refresh_from_db()
    assert (category.label_nl, len(category.fields), category.schema_version) == (
        "Hackathon of game jam",
        3,
        2,
    )
    with pytest.raises(ValidationError) as exc:
        services.category_update(
            actor=admin, category=category, fields=[{**FIELDS[0], "type": "url"}, FIELDS[1]]
        )
    assert exc.value.message_dict == {
        "fields": [
            "Het veld organisator wordt gebruikt door 1 onderdelen en kan niet worden verwijderd of van soort "
            "veranderen. Zet de soort buiten gebruik en maak een nieuwe."
        ]
    }
    services.category_update(actor=admin, category=category, fields=[FIELDS[0]])  # datum unused: may go
    with pytest.raises(TypeError):
        services.category_update(actor=admin, category=category, part="dossier")


def test_retired_category_items_stay_readable_for_owner_and_colleagues(
    admin, owner_user, colleague_user, portfolio
):
    category = _create(admin)
    portfolio.visibility_free = "rijk"
    portfolio.save()
    services.item_create(
        actor=owner_user,
        portfolio=portfolio,
        category=category,
        title="Hack the Rijk",
        data={"organisator": "BZK"},
    )
    services.category_retire(actor=admin, category=category)
    assert category not in selectors.categories_active()
    assert category in selectors.categories_all()
    for user in (owner_user, colleague_user):
        (item,) = access.portfolio_view(user=user, portfolio=portfolio).section("vrij").items
        assert (item.title, item.data, item.category_retired, item.category_label) == (
            "Hack the Rijk",
            {"organisator": "BZK"},
            True,
            "Hackathon",
        )
        assert [f["key"] for f in item.fields] == ["organisator", "datum"]
    with pytest.raises(ValidationError):
        services.item_create(actor=owner_user, portfolio=portfolio, category=category, title="Nog een")
    services.category_restore(actor=admin, category=category)
    assert category in selectors.categories_active()


def test_a_new_required_field_does_not_block_editing_other_fields_of_old_items(admin, owner_user, portfolio):
    category = _create(admin)
    item = services.item_create(
        actor=owner_user, portfolio=portfolio, category=category, title="Hack", data={"organisator": "BZK"}
    )
    required = {
        "key": "locatie",
        "label_nl": "Locatie",
        "label_en": "Location",
        "type": "text",
        "required": True,
    }
    services.category_update(actor=admin, category=category, fields=[*FIELDS, required])
    item.refresh_from_db()
    services.item_update(actor=owner_user, item=item, title="Hack the Rijk", visibility="rijk")
    with pytest.raises(ValidationError) as exc:
        services.item_update(actor=owner_user, item=item, data={"organisator": "BZK"})
    assert exc.value.message_dict == {"data.locatie": ["Locatie is verplicht."]}
