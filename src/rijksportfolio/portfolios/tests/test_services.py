# SPDX-License-Identifier: EUPL-1.2
"""Writes to portfolios: only the owner, Dutch messages per field, first use, consent, items, skills."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.utils import timezone, translation

from rijksportfolio.accounts.constants import Role
from rijksportfolio.accounts.services import role_assign
from rijksportfolio.audit.models import AuditEvent
from rijksportfolio.people.tests.factories import EmploymentFactory
from rijksportfolio.portfolios import selectors, services
from rijksportfolio.portfolios.constants import ItemSource
from rijksportfolio.portfolios.models import Item, Portfolio, PortfolioSkill
from rijksportfolio.portfolios.tests.factories import (
    EvidenceFactory,
    ItemCategoryFactory,
    ItemFactory,
    PortfolioSkillFactory,
    category_get,
    user_for,
)
from rijksportfolio.skills.tests.factories import (
    OccupationFactory,
    OccupationSkillFactory,
    SkillFactory,
    SkillGroupFactory,
)

pytestmark = pytest.mark.django_db


def _messages(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return exc.value.message_dict


def test_a_new_portfolio_is_private_and_asks_for_a_first_choice(owner, owner_user):
    assert selectors.portfolio_of(person=owner) is None
    portfolio = services.portfolio_ensure(actor=owner_user)
    assert selectors.section_visibilities(portfolio) == dict.fromkeys(
        ["dossier", "analytisch", "ambitie", "vrij", "vaardigheden"], "alleen_ik"
    )
    assert selectors.portfolio_needs_first_use(portfolio=portfolio) is True
    assert (portfolio.matching_consent, portfolio.show_endorsements, portfolio.headline) == (False, False, "")
    assert services.portfolio_ensure(actor=owner_user).pk == portfolio.pk
    assert selectors.portfolio_of(person=owner).pk == portfolio.pk
    assert Portfolio.objects.filter(person=owner).count() == 1


def test_ensuring_an_existing_portfolio_changes_nothing_in_it(owner, owner_user, portfolio):
    portfolio.visibility_dossier = "rijk"
    portfolio.save()
    before = Item.objects.filter(portfolio=portfolio).count()
    again = services.portfolio_ensure(actor=owner_user)
    assert again.pk == portfolio.pk
    assert again.visibility_dossier == "rijk"
    assert Item.objects.filter(portfolio=portfolio).count() == before  # no second employment sync


def test_only_a_civil_servant_gets_a_portfolio(owner):
    from rijksportfolio.accounts.services import user_create

    guest = user_for(owner)
    role_assign(user=guest, role=Role.GUEST)
    with pytest.raises(PermissionDenied):
        services.portfolio_ensure(actor=guest)
    with pytest.raises(PermissionDenied):  # an account without a person
        services.portfolio_ensure(actor=user_create(username="zonder-persoon", password=None))
    assert Portfolio.objects.count() == 0


def test_reading_a_person_without_a_portfolio_makes_none(owner):
    assert selectors.portfolio_of(person=owner) is None
    unstarted = selectors.portfolio_or_unstarted(person=owner)
    assert unstarted.pk is None
    assert unstarted.person_id == owner.pk
    assert selectors.section_visibilities(unstarted) == dict.fromkeys(
        ["dossier", "analytisch", "ambitie", "vrij", "vaardigheden"], "alleen_ik"
    )
    assert Portfolio.objects.count() == 0


def test_choosing_visibility_ends_first_use_and_audits_each_change(owner_user, portfolio):
    services.portfolio_visibility_set(
        actor=owner_user,
        portfolio=portfolio,
        visibilities={"dossier": "rijk", "vrij": "op_aanvraag", "ambitie": "alleen_ik"},
    )
    portfolio.refresh_from_db()
    assert (portfolio.visibility_dossier, portfolio.visibility_free, portfolio.visibility_ambition) == (
        "rijk",
        "op_aanvraag",
        "alleen_ik",
    )
    assert selectors.portfolio_needs_first_use(portfolio=portfolio) is False
    assert sorted(AuditEvent.objects.values_list("object_type", "action")) == [
        ("portfolio_visibility.dossier", "update"),
        ("portfolio_visibility.vrij", "update"),
    ]


def test_keeping_every_default_is_a_choice_too(owner_user, portfolio):
    services.portfolio_visibility_set(actor=owner_user, portfolio=portfolio, visibilities={})
    assert portfolio.visibility_chosen_at is not None
    assert AuditEvent.objects.count() == 0


def test_bad_visibility_is_refused_per_section_in_dutch(owner_user, portfolio):
    with pytest.raises(ValidationError) as exc:
        services.portfolio_visibility_set(
            actor=owner_user, portfolio=portfolio, visibilities={"dossier": "iedereen", "cv": "rijk"}
        )
    assert _messages(exc) == {
        "dossier": ["Kies een van de drie mogelijkheden voor de zichtbaarheid."],
        "cv": ["Onbekend onderdeel."],
    }
    portfolio.refresh_from_db()
    assert portfolio.visibility_chosen_at is None


def test_no_role_may_change_someone_elses_portfolio(portfolio, colleague_user, owner):
    role_assign(user=colleague_user, role=Role.HR_ADVISER, organisation=owner.employments.get().organisation)
    with pytest.raises(PermissionDenied):
        services.portfolio_visibility_set(
            actor=colleague_user, portfolio=portfolio, visibilities={"dossier": "rijk"}
        )
    with pytest.raises(PermissionDenied):
        services.item_create(
            actor=colleague_user, portfolio=portfolio, category=category_get("cursus"), title="x"
        )
    with pytest.raises(PermissionDenied):
        services.portfolio_matching_consent_set(actor=colleague_user, portfolio=portfolio, consent=True)


def test_settings_update_changes_only_what_is_given(owner_user, portfolio):
    services.portfolio_settings_update(
        actor=owner_user,
        portfolio=portfolio,
        headline=" Beleidsadviseur arbeidsmarkt ",
        available_hours_per_week=8,
    )
    services.portfolio_settings_update(actor=owner_user, portfolio=portfolio, available_from=date(2027, 1, 1))
    portfolio.refresh_from_db()
    assert (portfolio.headline, portfolio.available_hours_per_week, portfolio.available_from) == (
        "Beleidsadviseur arbeidsmarkt",
        8,
        date(2027, 1, 1),
    )
    with pytest.raises(ValidationError) as exc:
        services.portfolio_settings_update(actor=owner_user, portfolio=portfolio, available_hours_per_week=41)
    assert _messages(exc) == {"available_hours_per_week": ["Het aantal uren per week ligt tussen 0 en 40."]}


def test_matching_consent_is_revocable_and_audited(owner_user, portfolio):
    services.portfolio_matching_consent_set(actor=owner_user, portfolio=portfolio, consent=True)
    assert portfolio.matching_consent is True
    services.portfolio_matching_consent_set(actor=owner_user, portfolio=portfolio, consent=False)
    portfolio.refresh_from_db()
    assert portfolio.matching_consent is False
    assert portfolio.matching_consent_changed_at is not None
    assert list(AuditEvent.objects.order_by("id").values_list("object_type", "purpose")) == [
        ("portfolio_matching_consent", "toestemming gegeven"),
        ("portfolio_matching_consent", "toestemming ingetrokken"),
    ]


def test_item_create_validates_data_against_its_category_in_dutch(owner_user, portfolio):
    with pytest.raises(ValidationError) as exc:
        services.item_create(
            actor=owner_user,
            portfolio=portfolio,
            category=category_get("certificaat"),
            title=" ",
            data={"datum": "morgen", "kleur": "rood"},
            start_date=date(2024, 2, 1),
            end_date=date(2024, 1, 1),
        )
    assert _messages(exc) == {
        "title": ["Geef een titel."],
        "end_date": ["De einddatum ligt voor de begindatum."],
        "data.kleur": ["Dit veld hoort niet bij deze soort."],
        "data.uitgever": ["Uitgegeven door is verplicht."],
        "data.datum": ["Datum van afgifte is geen geldige datum (JJJJ-MM-DD)."],
    }
    assert Item.objects.count() == 0


def test_item_messages_are_english_for_english_users(owner_user, portfolio):
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.item_create(
            actor=owner_user, portfolio=portfolio, category=category_get("certificaat"), title="ISO"
        )
    assert _messages(exc)["data.uitgever"] == ["Issuer is required."]


def test_item_create_puts_the_item_in_its_categorys_part(owner_user, portfolio):
    skill = SkillFactory()
    item = services.item_create(
        actor=owner_user,
        portfolio=portfolio,
        category=category_get("certificaat"),
        title="Prince2 Foundation",
        data={"uitgever": "Axelos", "datum": "2023-05-01", "geldig_tot": ""},
        visibility="rijk",
        skills=[skill],
    )
    assert (item.part, item.data, item.visibility, item.source) == (
        "dossier",
        {"uitgever": "Axelos", "datum": "2023-05-01"},
        "rijk",
        ItemSource.MANUAL,
    )
    assert list(item.skills.all()) == [skill]
    with pytest.raises(ValidationError) as exc:
        services.item_create(
            actor=owner_user,
            portfolio=portfolio,
            category=category_get("cursus"),
            title="x",
            skills=[SkillGroupFactory()],
        )
    assert _messages(exc) == {"skills": ["Kies een vaardigheid, geen groep van vaardigheden."]}


def test_a_retired_category_takes_no_new_items_but_its_items_stay_readable_and_editable(
    owner_user, portfolio
):
    category = ItemCategoryFactory(
        fields=[{"key": "plek", "label_nl": "Plek", "label_en": "Place", "type": "text"}]
    )
    item = services.item_create(
        actor=owner_user, portfolio=portfolio, category=category, title="Hackathon", data={"plek": "Utrecht"}
    )
    category.retired_at = timezone.now()
    category.save()
    with pytest.raises(ValidationError) as exc:
        services.item_create(actor=owner_user, portfolio=portfolio, category=category, title="Nog een")
    assert _messages(exc) == {"category": ["Deze soort is buiten gebruik; kies een andere."]}
    assert [(i.title, i.data, i.category.is_retired) for i in selectors.items_for(portfolio)] == [
        ("Hackathon", {"plek": "Utrecht"}, True)
    ]
    services.item_update(actor=owner_user, item=item, title="Hackathon 2025", visibility="rijk")
    item.refresh_from_db()
    assert (item.title, item.data, item.visibility) == ("Hackathon 2025", {"plek": "Utrecht"}, "rijk")
    assert category not in selectors.categories_active(part="vrij")


def test_item_update_validates_and_refuses_unknown_fields(owner_user, portfolio):
    item = ItemFactory(portfolio=portfolio, category=category_get("publicatie"), title="Blog")
    with pytest.raises(ValidationError) as exc:
        services.item_update(actor=owner_user, item=item, data={"link": "javascript:alert(1)"})
    assert _messages(exc) == {
        "data.link": ["Link moet een webadres zijn dat begint met https:// of http://."]
    }
    with pytest.raises(TypeError):
        services.item_update(actor=owner_user, item=item, portfolio=None)
    services.item_update(actor=owner_user, item=item, data={"link": "https://example.org/blog"}, body=None)
    item.refresh_from_db()
    assert (item.data, item.body) == ({"link": "https://example.org/blog"}, "")


def test_items_from_an_employment_record_keep_what_the_record_says(owner_user, portfolio, owner):
    item = ItemFactory(
        portfolio=portfolio,
        category=category_get("werkervaring"),
        source=ItemSource.EMPLOYMENT,
        employment=owner.employments.get(),
        data={"werkgever": "Rijk"},
    )
    with pytest.raises(ValidationError) as exc:
        services.item_update(actor=owner_user, item=item, title="Iets anders")
    assert _messages(exc) == {"title": ["Dit komt uit je dienstverband en kan hier niet worden gewijzigd."]}
    services.item_update(actor=owner_user, item=item, visibility="rijk", body="Mooie tijd.")
    with pytest.raises(ValidationError):
        services.item_delete(actor=owner_user, item=item)
    assert Item.objects.filter(pk=item.pk).exists()


def test_item_delete_removes_the_item_and_its_evidence_files(
    owner_user, portfolio, django_capture_on_commit_callbacks
):
    evidence = EvidenceFactory(item__portfolio=portfolio)
    name = evidence.file.name
    assert default_storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        services.item_delete(actor=owner_user, item=evidence.item)
    assert not Item.objects.filter(pk=evidence.item_id).exists()
    assert not default_storage.exists(name)


def test_skill_set_adds_or_changes_level_with_own_items_only(owner_user, portfolio, colleague):
    skill = SkillFactory()
    mine = ItemFactory(portfolio=portfolio)
    ps = services.portfolio_skill_set(
        actor=owner_user, portfolio=portfolio, skill=skill, level="basis", evidence_items=[mine]
    )
    again = services.portfolio_skill_set(actor=owner_user, portfolio=portfolio, skill=skill, level="expert")
    assert (again.pk, again.level, list(again.evidence_items.all())) == (ps.pk, "expert", [])
    theirs = ItemFactory(portfolio__person=colleague)
    with pytest.raises(ValidationError) as exc:
        services.portfolio_skill_set(
            actor=owner_user, portfolio=portfolio, skill=skill, level="meester", evidence_items=[theirs]
        )
    assert _messages(exc) == {
        "level": ["Kies een niveau: basis, gevorderd, ervaren of expert."],
        "evidence_items": ["Kies onderdelen uit je eigen portfolio."],
    }
    services.portfolio_skill_remove(actor=owner_user, portfolio_skill=again)
    assert PortfolioSkill.objects.count() == 0


def test_skill_suggestions_are_the_occupations_essential_skills_not_yet_in_the_profile(portfolio, owner):
    occupation = OccupationFactory()
    employment = owner.employments.get()
    employment.occupation = occupation
    employment.save()
    have, want = SkillFactory(preferred_label_nl="a"), SkillFactory(preferred_label_nl="b")
    optional = SkillFactory(preferred_label_nl="c")
    for skill in (have, want):
        OccupationSkillFactory(occupation=occupation, skill=skill)
    OccupationSkillFactory(occupation=occupation, skill=optional, relation_type="optional")
    PortfolioSkillFactory(portfolio=portfolio, skill=have)
    assert selectors.skill_suggestions_for(portfolio=portfolio) == [want]
    assert PortfolioSkill.objects.filter(skill=want).exists() is False


def test_a_person_without_occupation_gets_no_suggestions(portfolio):
    assert selectors.skill_suggestions_for(portfolio=portfolio) == []


def test_the_portfolio_stays_the_same_when_the_person_changes_organisation(owner_user, portfolio, owner):
    item = ItemFactory(portfolio=portfolio)
    old = owner.employments.get()
    old.end_date = date.today()
    old.end_reason = "mobility"
    old.save()
    EmploymentFactory(person=owner, start_date=date.today())
    assert selectors.portfolio_of(person=owner).pk == portfolio.pk
    assert services.portfolio_ensure(actor=owner_user).pk == portfolio.pk
    assert [i.pk for i in selectors.items_for(portfolio)] == [item.pk]
    assert user_for(owner) == owner_user


def test_employment_records_fill_werkervaring_once_and_follow_changes(owner, owner_user):
    (current,) = owner.employments.all()
    ended = EmploymentFactory(person=owner, ended=True, start_date=date(2010, 1, 1), job_title="Jurist")
    portfolio = services.portfolio_ensure(actor=owner_user)  # first time: filled
    items = {i.employment_id: i for i in selectors.items_for(portfolio, part="dossier")}
    assert {(i.title, i.source, i.category.key) for i in items.values()} == {
        (current.job_title, "employment", "werkervaring"),
        ("Jurist", "employment", "werkervaring"),
    }
    assert items[ended.pk].data == {
        "werkgever": ended.organisation.name,
        "binnen_rijk": True,
        "functie": "Jurist",
    }
    assert (items[ended.pk].start_date, items[ended.pk].end_date) == (ended.start_date, ended.end_date)
    services.item_update(
        actor=owner_user, item=items[current.pk], visibility="rijk", body="Mijn eerste team."
    )
    assert services.portfolio_sync_employment(portfolio=portfolio) == 0
    current.end_date = date(2026, 1, 31)
    current.end_reason = "mobility"
    current.save()
    assert services.portfolio_sync_employment(portfolio=portfolio) == 1
    item = Item.objects.get(employment=current)
    assert (item.end_date, item.visibility, item.body) == (date(2026, 1, 31), "rijk", "Mijn eerste team.")
    assert Item.objects.filter(portfolio=portfolio).count() == 2


def test_no_new_werkervaring_items_while_the_category_is_retired(owner, owner_user):
    category = category_get("werkervaring")
    category.retired_at = timezone.now()
    category.save()
    portfolio = services.portfolio_ensure(actor=owner_user)
    assert selectors.items_for(portfolio) == []


@pytest.mark.django_db
def test_the_portfolio_factory_sets_every_section_to_the_visibility_asked():
    from rijksportfolio.portfolios.models import SECTION_FIELDS
    from rijksportfolio.portfolios.tests.factories import PortfolioFactory

    portfolio = PortfolioFactory(sections="rijk")
    assert {getattr(portfolio, field) for field in SECTION_FIELDS.values()} == {"rijk"}
    assert portfolio.visibility_chosen_at is not None
