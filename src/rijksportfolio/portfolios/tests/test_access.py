# SPDX-License-Identifier: EUPL-1.2
"""Guarded reads of portfolios: who sees what, and exactly one audit event per non-public section read."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from freezegun import freeze_time

from rijksportfolio.accounts.constants import Role
from rijksportfolio.accounts.services import role_assign, user_create
from rijksportfolio.audit.models import AuditEvent
from rijksportfolio.people.tests.factories import PersonFactory
from rijksportfolio.portfolios import access, selectors
from rijksportfolio.portfolios.tests.factories import (
    AccessRequestFactory,
    EndorsementFactory,
    EvidenceFactory,
    ItemFactory,
    PortfolioFactory,
    PortfolioSkillFactory,
    category_get,
    user_for,
)

pytestmark = pytest.mark.django_db

ALL = ("dossier", "analytisch", "ambitie", "vrij", "vaardigheden")


def _visible(view: access.PortfolioView) -> list[str]:
    return [s.section for s in view.sections if s.visible]


def _item_titles(view: access.PortfolioView) -> list[str]:
    return [i.title for s in view.sections for i in s.items]


def _reads() -> list[tuple[str, str, str, str]]:
    return list(
        AuditEvent.objects.order_by("id").values_list("object_type", "object_id", "purpose", "outcome")
    )


@pytest.fixture
def filled(portfolio):
    """Dossier rijk, analytical and free op aanvraag, ambition and skills alleen ik; one item each."""
    portfolio.visibility_dossier = "rijk"
    portfolio.visibility_analytical = "op_aanvraag"
    portfolio.visibility_free = "op_aanvraag"
    portfolio.visibility_chosen_at = timezone.now()
    portfolio.available_hours_per_week = 8
    portfolio.save()
    ItemFactory(portfolio=portfolio, title="Cursus Wet open overheid")
    ItemFactory(
        portfolio=portfolio, category=category_get("feedback_360"), title="360 2025", data={"ronde": "2025"}
    )
    ItemFactory(portfolio=portfolio, category=category_get("interesse"), title="Hardlopen")
    ItemFactory(portfolio=portfolio, category=category_get("interesse"), title="Schaken")
    ItemFactory(portfolio=portfolio, category=category_get("ambitie"), title="Teamleider worden")
    PortfolioSkillFactory(portfolio=portfolio)
    return portfolio


def test_the_owner_sees_everything_and_is_not_audited(owner_user, filled):
    view = access.portfolio_view(user=owner_user, portfolio=filled)
    assert view.is_owner is True
    assert _visible(view) == list(ALL)
    assert sorted(_item_titles(view)) == [
        "360 2025",
        "Cursus Wet open overheid",
        "Hardlopen",
        "Schaken",
        "Teamleider worden",
    ]
    assert len(view.section("vaardigheden").skills) == 1
    assert (view.available_hours_per_week, view.matching_consent, view.needs_first_use) == (8, False, False)
    assert _reads() == []


def test_a_colleague_sees_rijk_parts_unaudited_and_may_request_op_aanvraag_parts(colleague_user, filled):
    view = access.portfolio_view(user=colleague_user, portfolio=filled)
    assert _visible(view) == ["dossier"]
    assert _item_titles(view) == ["Cursus Wet open overheid"]
    assert [s.section for s in view.sections if s.can_request] == ["analytisch", "vrij"]
    assert view.section("vaardigheden").skills == ()
    assert (view.available_hours_per_week, view.matching_consent) == (None, None)
    assert view.owner.full_name == "Anouk Jansen"
    assert _reads() == []


def test_a_new_portfolio_shows_a_colleague_nothing_and_offers_nothing_to_request(colleague_user, portfolio):
    ItemFactory(portfolio=portfolio, title="Geheim")
    view = access.portfolio_view(user=colleague_user, portfolio=portfolio)
    assert (view.sees_anything, _item_titles(view)) == (False, [])
    assert not any(s.can_request for s in view.sections)


def test_every_read_of_a_granted_section_yields_exactly_one_audit_event(colleague_user, colleague, filled):
    AccessRequestFactory(
        portfolio=filled, requester=colleague, section="vrij", approved=True, purpose="Projectteam"
    )
    AccessRequestFactory(
        portfolio=filled, requester=colleague, section="analytisch", approved=True, purpose="Vacature"
    )
    view = access.portfolio_view(user=colleague_user, portfolio=filled, purpose="eigen doel")
    assert _visible(view) == ["dossier", "analytisch", "vrij"]
    assert sorted(_item_titles(view)) == ["360 2025", "Cursus Wet open overheid", "Hardlopen", "Schaken"]
    assert view.section("vrij").active_grant.purpose == "Projectteam"
    assert not view.section("vrij").can_request
    pk = str(filled.pk)
    assert _reads() == [
        ("portfolio.analytisch", pk, "Vacature", "success"),
        ("portfolio.vrij", pk, "Projectteam", "success"),
    ]
    assert set(AuditEvent.objects.values_list("subject_person_id", "actor_id", "action")) == {
        (filled.person_id, colleague_user.pk, "read")
    }
    access.portfolio_view(user=colleague_user, portfolio=filled)
    assert len(_reads()) == 4


def test_an_op_aanvraag_item_in_a_rijk_section_is_audited_under_its_section(
    colleague_user, colleague, portfolio
):
    portfolio.visibility_dossier = "rijk"
    portfolio.save()
    ItemFactory(portfolio=portfolio, title="Openbaar")
    ItemFactory(portfolio=portfolio, title="Op verzoek", visibility="op_aanvraag")
    view = access.portfolio_view(user=colleague_user, portfolio=portfolio)
    assert (_item_titles(view), view.section("dossier").can_request, _reads()) == (["Openbaar"], True, [])
    AccessRequestFactory(
        portfolio=portfolio, requester=colleague, section="dossier", approved=True, purpose="Mentor"
    )
    view = access.portfolio_view(user=colleague_user, portfolio=portfolio)
    assert _item_titles(view) == ["Openbaar", "Op verzoek"]
    assert _reads() == [("portfolio.dossier", str(portfolio.pk), "Mentor", "success")]


def test_a_rijk_item_in_a_private_section_is_visible_on_its_own(colleague_user, portfolio):
    ItemFactory(portfolio=portfolio, title="Verborgen")
    ItemFactory(portfolio=portfolio, title="Gedeeld", visibility="rijk")
    view = access.portfolio_view(user=colleague_user, portfolio=portfolio)
    dossier = view.section("dossier")
    assert (dossier.visible, [i.title for i in dossier.items]) == (False, ["Gedeeld"])


def test_a_pending_request_is_shown_and_cannot_be_made_twice(colleague_user, colleague, filled):
    AccessRequestFactory(portfolio=filled, requester=colleague, section="vrij")
    view = access.portfolio_view(user=colleague_user, portfolio=filled)
    vrij = view.section("vrij")
    assert (vrij.visible, vrij.can_request, vrij.pending_request.status) == (False, False, "pending")
    assert _reads() == []


def test_expired_grants_deny_on_the_next_request(colleague_user, colleague, filled):
    with freeze_time("2026-03-01 09:00:00+00:00"):
        AccessRequestFactory(portfolio=filled, requester=colleague, section="vrij", approved=True)
    with freeze_time("2026-03-31 08:59:59+00:00"):
        assert "vrij" in _visible(access.portfolio_view(user=colleague_user, portfolio=filled))
    with freeze_time("2026-03-31 09:00:00+00:00"):
        view = access.portfolio_view(user=colleague_user, portfolio=filled)
    assert _visible(view) == ["dossier"]
    assert view.section("vrij").can_request is True
    assert [r[0] for r in _reads()] == ["portfolio.vrij"]


def test_revoked_grants_deny_on_the_next_request(colleague_user, colleague, filled):
    grant = AccessRequestFactory(portfolio=filled, requester=colleague, section="vrij", approved=True)
    assert "vrij" in _visible(access.portfolio_view(user=colleague_user, portfolio=filled))
    grant.revoked_at = timezone.now()
    grant.status = "revoked"
    grant.save()
    assert _visible(access.portfolio_view(user=colleague_user, portfolio=filled)) == ["dossier"]
    assert len(_reads()) == 1


def test_someone_elses_grant_opens_nothing_for_me(colleague_user, filled):
    AccessRequestFactory(portfolio=filled, section="vrij", approved=True)
    AccessRequestFactory(
        portfolio=PortfolioFactory(), requester=colleague_user.person, section="vrij", approved=True
    )
    assert _visible(access.portfolio_view(user=colleague_user, portfolio=filled)) == ["dossier"]


@pytest.mark.parametrize(
    "role", [Role.HR_ADVISER, Role.MANAGER, Role.ORG_ADMIN, Role.ANALYST, Role.WORKS_COUNCIL]
)
def test_no_role_overrides_alleen_ik_or_op_aanvraag(role, colleague_user, owner, filled):
    organisation = owner.employments.get().organisation
    role_assign(user=colleague_user, role=role, organisation=None if role == Role.ANALYST else organisation)
    view = access.portfolio_view(user=colleague_user, portfolio=filled)
    assert _visible(view) == ["dossier"]
    assert _item_titles(view) == ["Cursus Wet open overheid"]


def test_guests_and_anonymous_users_are_refused_and_the_attempt_audited(filled):
    guest = user_create(username="gast", password=None)
    role_assign(user=guest, role=Role.GUEST)
    with pytest.raises(PermissionDenied):
        access.portfolio_view(user=guest, portfolio=filled)
    with pytest.raises(PermissionDenied):
        access.portfolio_view(user=AnonymousUser(), portfolio=filled)
    assert _reads() == [("portfolio", str(filled.pk), "", "denied")] * 2
    assert [
        (e.section, e.section_label, e.outcome)
        for e in selectors.portfolio_views_log(owner_person=filled.person)
    ] == [("", "portfolio", "denied")] * 2


def test_a_person_turned_guest_loses_their_grant(filled):
    person = PersonFactory()
    user = user_for(person)
    AccessRequestFactory(portfolio=filled, requester=person, section="vrij", approved=True)
    role_assign(user=user, role=Role.GUEST)
    with pytest.raises(PermissionDenied):
        access.portfolio_view(user=user, portfolio=filled)


def test_asking_for_a_section_one_may_not_see_is_a_denied_attempt(colleague_user, colleague, filled):
    with pytest.raises(PermissionDenied):
        access.portfolio_section_view(
            user=colleague_user, portfolio=filled, section="vrij", purpose="nieuwsgierig"
        )
    assert _reads() == [("portfolio.vrij", str(filled.pk), "nieuwsgierig", "denied")]
    assert [
        i.title
        for i in access.portfolio_section_view(user=colleague_user, portfolio=filled, section="dossier").items
    ] == ["Cursus Wet open overheid"]
    AccessRequestFactory(portfolio=filled, requester=colleague, section="vrij", approved=True, purpose="Hub")
    section = access.portfolio_section_view(user=colleague_user, portfolio=filled, section="vrij")
    assert sorted(i.title for i in section.items) == ["Hardlopen", "Schaken"]
    assert _reads()[1:] == [("portfolio.vrij", str(filled.pk), "Hub", "success")]


def test_evidence_follows_its_item_and_is_audited_like_its_section(
    colleague_user, colleague, owner_user, filled
):
    public = EvidenceFactory(item=ItemFactory(portfolio=filled))
    hidden = EvidenceFactory(item=ItemFactory(portfolio=filled, visibility="alleen_ik"))
    granted = EvidenceFactory(item=ItemFactory(portfolio=filled, category=category_get("opdracht")))
    assert access.evidence_get(user=colleague_user, evidence=public) == public
    assert _reads() == []
    with pytest.raises(PermissionDenied):
        access.evidence_get(user=colleague_user, evidence=hidden)
    with pytest.raises(PermissionDenied):
        access.evidence_get(user=colleague_user, evidence=granted)
    AccessRequestFactory(portfolio=filled, requester=colleague, section="vrij", approved=True, purpose="Hub")
    assert access.evidence_get(user=colleague_user, evidence=granted) == granted
    assert access.evidence_get(user=owner_user, evidence=hidden) == hidden
    pk = str(filled.pk)
    assert _reads() == [
        ("portfolio.dossier", pk, "", "denied"),
        ("portfolio.vrij", pk, "", "denied"),
        ("portfolio.vrij", pk, "Hub", "success"),
    ]


def test_visible_items_carry_their_evidence_and_skills_hidden_items_do_not_leak_through_the_profile(
    colleague_user, portfolio
):
    portfolio.visibility_skills = "rijk"
    portfolio.save()
    shown = ItemFactory(portfolio=portfolio, visibility="rijk")
    secret = ItemFactory(portfolio=portfolio)
    EvidenceFactory(item=shown, display_name="certificaat.pdf")
    PortfolioSkillFactory(portfolio=portfolio, evidence_items=[shown, secret])
    view = access.portfolio_view(user=colleague_user, portfolio=portfolio)
    (item,) = view.section("dossier").items
    assert [e.display_name for e in item.evidence] == ["certificaat.pdf"]
    (skill,) = view.section("vaardigheden").skills
    assert skill.evidence_item_ids == (shown.pk,)


def test_endorsements_show_only_when_the_owner_switches_them_on(colleague_user, owner_user, portfolio):
    portfolio.visibility_skills = "rijk"
    portfolio.save()
    ps = PortfolioSkillFactory(portfolio=portfolio)
    EndorsementFactory(
        portfolio_skill=ps, endorser=PersonFactory(first_name="Eva", name_prefix="", last_name="Dekker")
    )
    (skill,) = access.portfolio_view(user=colleague_user, portfolio=portfolio).section("vaardigheden").skills
    assert (skill.endorsement_count, skill.endorsers) == (None, ())
    (mine,) = access.portfolio_view(user=owner_user, portfolio=portfolio).section("vaardigheden").skills
    assert (mine.endorsement_count, mine.endorsers) == (1, ("Eva Dekker",))
    portfolio.show_endorsements = True
    portfolio.save()
    (skill,) = access.portfolio_view(user=colleague_user, portfolio=portfolio).section("vaardigheden").skills
    assert (skill.endorsement_count, skill.endorsers) == (1, ("Eva Dekker",))


def test_bekijk_als_shows_the_owner_what_others_see_without_auditing(owner_user, colleague_user, filled):
    assert _visible(access.portfolio_preview(user=owner_user, portfolio=filled, as_kind="rijk")) == [
        "dossier"
    ]
    granted = access.portfolio_preview(user=owner_user, portfolio=filled, as_kind="grant")
    assert (_visible(granted), granted.preview, granted.is_owner) == (
        ["dossier", "analytisch", "vrij"],
        "grant",
        False,
    )
    assert access.portfolio_preview(user=owner_user, portfolio=filled, as_kind="none").sees_anything is False
    with pytest.raises(PermissionDenied):
        access.portfolio_preview(user=colleague_user, portfolio=filled, as_kind="grant")
    with pytest.raises(ValueError, match="unknown preview"):
        access.portfolio_preview(user=owner_user, portfolio=filled, as_kind="hr")
    assert _reads() == []


def test_only_the_owner_may_export(owner_user, colleague_user, filled):
    role_assign(
        user=colleague_user, role=Role.HR_ADVISER, organisation=filled.person.employments.get().organisation
    )
    assert access.portfolio_export_allowed(user=owner_user, portfolio=filled) is True
    assert access.portfolio_export_allowed(user=colleague_user, portfolio=filled) is False


def test_who_viewed_my_portfolio_lists_actor_section_time_and_purpose(colleague_user, colleague, filled):
    AccessRequestFactory(
        portfolio=filled, requester=colleague, section="vrij", approved=True, purpose="Projectteam"
    )
    with freeze_time("2026-04-01 10:00:00+00:00"):
        access.portfolio_view(user=colleague_user, portfolio=filled)
    (entry,) = selectors.portfolio_views_log(owner_person=filled.person)
    assert (entry.actor_label, entry.section, entry.section_label, entry.purpose, entry.outcome) == (
        "Daan Visser",
        "vrij",
        "Vrij deel",
        "Projectteam",
        "success",
    )
    assert entry.at == datetime(2026, 4, 1, 10, tzinfo=UTC)
    assert selectors.portfolio_views_log(owner_person=colleague) == []


def test_grant_validity_is_checked_against_the_clock(colleague, filled):
    grant = AccessRequestFactory(portfolio=filled, requester=colleague, section="vrij", approved=True)
    assert selectors.grant_is_active(grant) is True
    assert selectors.grant_is_active(grant, now=grant.valid_until + timedelta(seconds=1)) is False


def test_the_number_of_queries_does_not_grow_with_the_portfolio(colleague_user, colleague, portfolio):
    portfolio.visibility_dossier = "op_aanvraag"
    portfolio.visibility_skills = "rijk"
    portfolio.show_endorsements = True
    portfolio.save()
    AccessRequestFactory(portfolio=portfolio, requester=colleague, section="dossier", approved=True)

    def add(n: int) -> None:
        for _ in range(n):
            item = ItemFactory(portfolio=portfolio)
            EvidenceFactory(item=item)
            ps = PortfolioSkillFactory(portfolio=portfolio, evidence_items=[item])
            EndorsementFactory(portfolio_skill=ps)
            item.skills.add(ps.skill)

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            access.portfolio_view(user=colleague_user, portfolio=portfolio)
        return len(ctx.captured_queries)

    add(2)
    count()  # the principal (roles) is read once per user object
    small = count()
    add(10)
    assert (small, count()) == (10, 10)


def test_request_state_tells_the_form_what_is_possible_without_auditing(
    colleague_user, colleague, owner_user, filled
):
    def state(section: str, user=colleague_user) -> str:
        return access.section_request_state(user=user, portfolio=filled, section=section)

    assert [state(s) for s in ALL] == ["no", "requestable", "no", "requestable", "no"]
    AccessRequestFactory(portfolio=filled, requester=colleague, section="vrij")
    AccessRequestFactory(portfolio=filled, requester=colleague, section="analytisch", approved=True)
    assert (state("vrij"), state("analytisch"), state("vrij", owner_user)) == ("pending", "granted", "no")
    ItemFactory(portfolio=filled, category=category_get("ambitie"), title="Geheim", visibility="alleen_ik")
    assert state("ambitie") == "no"
    assert _reads() == []


# --- a person who has not started a portfolio ---------------------------------------------------------------


def test_a_colleague_without_a_portfolio_reads_like_one_with_nothing_shared(colleague_user, owner):
    unstarted = selectors.portfolio_or_unstarted(person=owner)
    view = access.portfolio_view(user=colleague_user, portfolio=unstarted)
    assert (view.portfolio_id, view.is_owner, view.sees_anything) == (None, False, False)
    assert [(s.section, s.visibility, s.visible, s.can_request, s.items) for s in view.sections] == [
        (section, "alleen_ik", False, False, ()) for section in ALL
    ]
    assert (view.owner.full_name, view.owner.headline) == ("Anouk Jansen", "")
    assert [
        access.section_request_state(user=colleague_user, portfolio=unstarted, section=s) for s in ALL
    ] == ["no"] * 5
    # the same as a saved portfolio where the owner shares nothing (a new one: every section alleen ik)
    saved = PortfolioFactory(person=owner)
    same = access.portfolio_view(user=colleague_user, portfolio=saved)
    assert same.sections == view.sections
    assert (same.owner, same.sees_anything, same.available_hours_per_week) == (view.owner, False, None)
    assert _reads() == []


def test_reading_a_person_without_a_portfolio_writes_no_portfolio_and_no_read(colleague_user, owner):
    from rijksportfolio.portfolios.models import AccessRequest, Item, Portfolio

    unstarted = selectors.portfolio_or_unstarted(person=owner)
    access.portfolio_view(user=colleague_user, portfolio=unstarted, purpose="kennismaken")
    access.section_request_state(user=colleague_user, portfolio=unstarted, section="dossier")
    assert (Portfolio.objects.count(), Item.objects.count(), AccessRequest.objects.count()) == (0, 0, 0)
    assert AuditEvent.objects.filter(outcome="success").count() == 0  # no claim of a read of data


def test_attempts_on_a_person_without_a_portfolio_are_denied_and_audited_as_attempts(colleague_user, owner):
    unstarted = selectors.portfolio_or_unstarted(person=owner)
    with pytest.raises(PermissionDenied):
        access.portfolio_section_view(user=colleague_user, portfolio=unstarted, section="vrij", purpose="x")
    guest = user_create(username="gast", password=None)
    role_assign(user=guest, role=Role.GUEST)
    with pytest.raises(PermissionDenied):
        access.portfolio_view(user=guest, portfolio=unstarted)
    # the same rows as for a saved portfolio with nothing shared, without a portfolio id to name
    assert _reads() == [("portfolio.vrij", "", "x", "denied"), ("portfolio", "", "", "denied")]
    assert list(AuditEvent.objects.values_list("subject_person_id", flat=True)) == [owner.pk, owner.pk]
    # the owner sees both attempts once they start a portfolio (newest first)
    assert [(e.section, e.outcome) for e in selectors.portfolio_views_log(owner_person=owner)] == [
        ("", "denied"),
        ("vrij", "denied"),
    ]


def test_the_owner_without_a_portfolio_sees_their_empty_portfolio_without_making_it(owner_user, owner):
    from rijksportfolio.portfolios.models import Portfolio

    view = access.portfolio_view(user=owner_user, portfolio=selectors.portfolio_or_unstarted(person=owner))
    assert (view.portfolio_id, view.is_owner, view.needs_first_use, view.matching_consent) == (
        None,
        True,
        True,
        False,
    )
    assert [(s.section, s.visible, s.items, s.skills) for s in view.sections] == [
        (section, True, (), ()) for section in ALL
    ]
    assert Portfolio.objects.count() == 0
    assert _reads() == []
