# SPDX-License-Identifier: EUPL-1.2
"""Opportunity services: create, publish, close, required skills; the manager-agreement rule."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from rijksportfolio.accounts.constants import Role
from rijksportfolio.accounts.services import role_assign
from rijksportfolio.audit.models import AuditEvent
from rijksportfolio.notifications.models import Notification
from rijksportfolio.opportunities import selectors, services
from rijksportfolio.opportunities.models import OpportunitySkill
from rijksportfolio.opportunities.services import RequiredSkill
from rijksportfolio.opportunities.tests.factories import OpportunityFactory, OpportunitySkillFactory
from rijksportfolio.people.tests.factories import LocationFactory, PersonFactory
from rijksportfolio.portfolios.tests.factories import user_for
from rijksportfolio.skills.tests.factories import SkillFactory, SkillGroupFactory


def _create(actor, organisation, **kwargs):
    defaults = {
        "kind": "project",
        "title": "Datastrategie",
        "description": "Werk mee.",
        "location": LocationFactory(),
    }
    defaults.update(kwargs)
    return services.opportunity_create(actor=actor, organisation=organisation, **defaults)


def test_project_leader_creates_a_draft_with_required_skills(leader_user, directorate):
    skill = SkillFactory(preferred_label_nl="informatiebeveiliging")
    opportunity = _create(
        leader_user, directorate, hours_per_week=12, scale_min=10, scale_max=12, languages=["nl", "en"],
        skills=[RequiredSkill(skill, essential=True, min_level="ervaren")],
    )  # fmt: skip
    assert opportunity.status == "concept"
    assert opportunity.owner == leader_user.person
    assert list(
        opportunity.required_skills.values_list("skill__preferred_label_nl", "essential", "min_level")
    ) == [("informatiebeveiliging", True, "ervaren")]
    assert (
        AuditEvent.objects.filter(
            object_type="opportunity", object_id=str(opportunity.pk), action="create"
        ).count()
        == 1
    )


def test_employee_without_a_recruiting_role_may_not_create(employee_user, directorate):
    with pytest.raises(PermissionDenied):
        _create(employee_user, directorate)


def test_manager_creates_only_for_their_own_organisation(manager_user, ministry, directorate):
    assert _create(manager_user, directorate).organisation == directorate
    with pytest.raises(PermissionDenied):
        _create(manager_user, ministry)


@pytest.mark.parametrize(
    ("fields", "key"),
    [
        ({"title": "  "}, "title"),
        ({"hours_per_week": 41}, "hours_per_week"),
        ({"scale_min": 12, "scale_max": 10}, "scale_max"),
        ({"start_date": date(2026, 5, 1), "end_date": date(2026, 4, 1)}, "end_date"),
        ({"languages": ["xx"]}, "languages"),
        ({"location": None, "work_mode": "op_locatie"}, "location"),
    ],
)
def test_bad_input_is_refused_with_a_dutch_message_by_field(leader_user, directorate, fields, key):
    with pytest.raises(ValidationError) as error:
        _create(leader_user, directorate, **fields)
    assert key in error.value.message_dict


def test_a_skill_group_or_a_skill_twice_is_refused(leader_user, directorate):
    skill = SkillFactory()
    with pytest.raises(ValidationError) as error:
        _create(leader_user, directorate, skills=[RequiredSkill(skill), RequiredSkill(skill)])
    assert error.value.message_dict["skills"] == ["Noem elke vaardigheid één keer."]
    with pytest.raises(ValidationError):
        _create(leader_user, directorate, skills=[RequiredSkill(SkillGroupFactory())])


def test_publish_needs_a_description_and_a_skill_then_close(leader_user, directorate):
    opportunity = _create(leader_user, directorate, description="")
    with pytest.raises(ValidationError) as error:
        services.opportunity_publish(actor=leader_user, opportunity=opportunity)
    assert set(error.value.message_dict) == {"description", "skills"}
    services.opportunity_update(actor=leader_user, opportunity=opportunity, description="Doe mee.")
    services.opportunity_skills_set(
        actor=leader_user, opportunity=opportunity, skills=[RequiredSkill(SkillFactory())]
    )
    services.opportunity_publish(actor=leader_user, opportunity=opportunity)
    assert opportunity.status == "gepubliceerd"
    assert opportunity.published_at is not None
    services.opportunity_close(actor=leader_user, opportunity=opportunity)
    assert opportunity.status == "gesloten"
    with pytest.raises(ValidationError):
        services.opportunity_update(actor=leader_user, opportunity=opportunity, title="Anders")


def test_only_the_owner_publishes(leader_user, manager_user, directorate):
    opportunity = _create(leader_user, directorate)
    with pytest.raises(PermissionDenied):
        services.opportunity_publish(actor=manager_user, opportunity=opportunity)


def _published_project(**kwargs):
    opportunity = OpportunityFactory(published=True, **kwargs)
    OpportunitySkillFactory(opportunity=opportunity)
    return opportunity


def test_agreement_request_goes_to_the_current_manager_with_a_working_day_deadline(
    employee_user, manager_user
):
    opportunity = _published_project()
    # Thursday 30 April 2026; 10 working days, skipping Bevrijdingsdag (5 May) and Hemelvaart (14 May).
    agreement = services.agreement_request(
        actor=employee_user, opportunity=opportunity, hours_per_week=8, today=date(2026, 4, 30)
    )
    assert agreement.manager == manager_user.person
    assert agreement.working_days == 10
    assert agreement.deadline == date(2026, 5, 18)
    assert (
        Notification.objects.filter(recipient=manager_user, kind="opportunity_agreement_requested").count()
        == 1
    )
    assert selectors.agreement_state(agreement, today=date(2026, 5, 18)) == "pending"
    assert selectors.agreement_state(agreement, today=date(2026, 5, 19)) == "agreed_by_silence"


def test_the_organisation_sets_its_own_term_for_its_subtree(employee_user, ministry):
    admin = user_for(PersonFactory())
    role_assign(user=admin, role=Role.ORG_ADMIN, organisation=ministry)
    services.agreement_policy_set(actor=admin, organisation=ministry, working_days_count=3)
    agreement = services.agreement_request(
        actor=employee_user, opportunity=_published_project(), hours_per_week=4, today=date(2026, 3, 2)
    )
    assert (agreement.working_days, agreement.deadline) == (3, date(2026, 3, 5))
    with pytest.raises(PermissionDenied):
        services.agreement_policy_set(actor=employee_user, organisation=ministry, working_days_count=5)


def test_a_vacancy_needs_no_agreement_and_a_second_pending_request_is_refused(employee_user, manager_user):
    with pytest.raises(ValidationError) as error:
        services.agreement_request(
            actor=employee_user, opportunity=_published_project(kind="vacature"), hours_per_week=8
        )
    assert "kind" in error.value.message_dict
    opportunity = _published_project(kind="klus")
    services.agreement_request(actor=employee_user, opportunity=opportunity, hours_per_week=8)
    with pytest.raises(ValidationError):
        services.agreement_request(actor=employee_user, opportunity=opportunity, hours_per_week=4)


def test_manager_refuses_with_a_reason_before_the_deadline_and_not_after(employee_user, manager_user):
    opportunity = _published_project()
    agreement = services.agreement_request(
        actor=employee_user, opportunity=opportunity, hours_per_week=8, today=date(2026, 3, 2)
    )
    with pytest.raises(ValidationError) as error:
        services.agreement_decide(
            actor=manager_user, agreement=agreement, agree=False, today=date(2026, 3, 3)
        )
    assert error.value.message_dict == {"note": ["Geef een reden als je niet akkoord gaat."]}
    with pytest.raises(ValidationError):  # the term ran out: silence already counted as agreement
        services.agreement_decide(
            actor=manager_user, agreement=agreement, agree=False, note="Drukte", today=date(2026, 3, 17)
        )
    services.agreement_decide(
        actor=manager_user, agreement=agreement, agree=False, note="Drukte", today=date(2026, 3, 13)
    )
    assert selectors.agreement_state(agreement, today=date(2026, 6, 1)) == "refused"
    assert (
        Notification.objects.filter(recipient=employee_user, kind="opportunity_agreement_decided").count()
        == 1
    )


def test_only_the_recorded_manager_decides(employee_user, manager_user, leader_user):
    agreement = services.agreement_request(
        actor=employee_user, opportunity=_published_project(), hours_per_week=8
    )
    with pytest.raises(PermissionDenied):
        services.agreement_decide(actor=leader_user, agreement=agreement, agree=True)
    with pytest.raises(PermissionDenied):
        services.agreement_decide(actor=employee_user, agreement=agreement, agree=True)


def test_draft_is_visible_to_its_owner_only(leader_user, employee_user):
    opportunity = OpportunityFactory(owner=leader_user.person)
    assert selectors.can_view(leader_user, opportunity) is True
    assert selectors.can_view(employee_user, opportunity) is False
    assert OpportunitySkill.objects.count() == 0
