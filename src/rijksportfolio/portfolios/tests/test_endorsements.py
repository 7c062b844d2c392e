# SPDX-License-Identifier: EUPL-1.2
"""Colleagues endorse skills they may see; the owner is told and decides whether endorsements show."""

import pytest
from django.core.exceptions import PermissionDenied

from rijksportfolio.accounts.constants import Role
from rijksportfolio.accounts.services import role_assign, user_create
from rijksportfolio.notifications.models import Notification, NotificationPreference
from rijksportfolio.portfolios import access, services
from rijksportfolio.portfolios.models import Endorsement
from rijksportfolio.portfolios.tests.factories import AccessRequestFactory, PortfolioSkillFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def skill(portfolio):
    return PortfolioSkillFactory(portfolio=portfolio, skill__preferred_label_nl="beleid schrijven")


def test_a_colleague_endorses_a_visible_skill_once_and_the_owner_is_told(
    colleague_user, owner_user, portfolio, skill
):
    portfolio.visibility_skills = "rijk"
    portfolio.save()
    first = services.endorsement_add(actor=colleague_user, portfolio_skill=skill)
    again = services.endorsement_add(actor=colleague_user, portfolio_skill=skill)
    assert first.pk == again.pk
    assert Endorsement.objects.count() == 1
    (note,) = Notification.objects.filter(recipient=owner_user)
    assert (note.kind, note.subject, note.emailed_at) == (
        "portfolio.endorsed",
        "Daan Visser onderschrijft je vaardigheid beleid schrijven",
        None,
    )
    (mine,) = access.portfolio_view(user=owner_user, portfolio=portfolio).section("vaardigheden").skills
    assert mine.endorsers == ("Daan Visser",)
    (theirs,) = access.portfolio_view(user=colleague_user, portfolio=portfolio).section("vaardigheden").skills
    assert (theirs.endorsed_by_viewer, theirs.endorsement_count) == (True, None)


def test_the_owner_is_told_in_their_language_with_the_skill_name_in_it(
    colleague_user, owner_user, portfolio, skill
):
    NotificationPreference.objects.create(user=owner_user, language="en")
    skill.skill.preferred_label_en = "write policy"
    skill.skill.save()
    portfolio.visibility_skills = "rijk"
    portfolio.save()
    services.endorsement_add(actor=colleague_user, portfolio_skill=skill)  # the colleague's UI is Dutch
    (note,) = Notification.objects.filter(recipient=owner_user)
    assert note.subject == "Daan Visser endorses your skill write policy"


def test_skills_one_may_not_see_cannot_be_endorsed(colleague_user, colleague, owner_user, portfolio, skill):
    role_assign(
        user=colleague_user,
        role=Role.HR_ADVISER,
        organisation=portfolio.person.employments.get().organisation,
    )
    with pytest.raises(PermissionDenied):
        services.endorsement_add(actor=colleague_user, portfolio_skill=skill)
    portfolio.visibility_skills = "op_aanvraag"
    portfolio.save()
    with pytest.raises(PermissionDenied):
        services.endorsement_add(actor=colleague_user, portfolio_skill=skill)
    AccessRequestFactory(portfolio=portfolio, requester=colleague, section="vaardigheden", approved=True)
    assert services.endorsement_add(actor=colleague_user, portfolio_skill=skill).endorser == colleague
    with pytest.raises(PermissionDenied):
        services.endorsement_add(actor=owner_user, portfolio_skill=skill)
    guest = user_create(username="gast", password=None)
    role_assign(user=guest, role=Role.GUEST)
    portfolio.visibility_skills = "rijk"
    portfolio.save()
    with pytest.raises(PermissionDenied):
        services.endorsement_add(actor=guest, portfolio_skill=skill)


def test_the_endorser_or_the_owner_removes_an_endorsement(colleague_user, owner_user, portfolio, skill):
    portfolio.visibility_skills = "rijk"
    portfolio.save()
    stranger = user_create(username="vreemde", password=None, person=PortfolioSkillFactory().portfolio.person)
    endorsement = services.endorsement_add(actor=colleague_user, portfolio_skill=skill)
    with pytest.raises(PermissionDenied):
        services.endorsement_remove(actor=stranger, endorsement=endorsement)
    services.endorsement_remove(actor=owner_user, endorsement=endorsement)
    assert Endorsement.objects.count() == 0
    services.endorsement_remove(
        actor=colleague_user,
        endorsement=services.endorsement_add(actor=colleague_user, portfolio_skill=skill),
    )
    assert Endorsement.objects.count() == 0
