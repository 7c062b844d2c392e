# SPDX-License-Identifier: EUPL-1.2
"""Access on request: asking with a purpose, approving for a period (default 30 days), declining,
withdrawing, revoking and expiry — with notifications in-app and by e-mail on request and decision."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from freezegun import freeze_time

from rijksportfolio.accounts.constants import Role
from rijksportfolio.accounts.services import role_assign, user_create
from rijksportfolio.notifications.models import Notification
from rijksportfolio.notifications.services import notification_preference_set
from rijksportfolio.people.tests.factories import PersonFactory
from rijksportfolio.portfolios import access, selectors, services
from rijksportfolio.portfolios.constants import RequestStatus
from rijksportfolio.portfolios.tests.factories import AccessRequestFactory, ItemFactory, PortfolioFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_request(portfolio):
    portfolio.visibility_free = "op_aanvraag"
    portfolio.save()
    return portfolio


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """Run a service and the e-mails it sends after commit."""

    def run(fn, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return fn(**kwargs)

    return run


def _ask(send, user, portfolio, section="vrij", purpose="Samenstellen van een projectteam"):
    return send(
        services.access_request_create, actor=user, portfolio=portfolio, section=section, purpose=purpose
    )


def test_a_request_notifies_the_owner_in_app_and_by_email_in_dutch(
    send, colleague_user, owner_user, on_request
):
    request = _ask(send, colleague_user, on_request)
    assert (request.status, request.section, request.purpose) == (
        "pending",
        "vrij",
        "Samenstellen van een projectteam",
    )
    (note,) = Notification.objects.filter(recipient=owner_user)
    assert (note.kind, note.subject) == ("portfolio.request_new", "Daan Visser vraagt inzage in je portfolio")
    assert note.body == (
        "Daan Visser vraagt inzage in het onderdeel Vrij deel van je portfolio. Doel: Samenstellen van een projectteam"
    )
    (message,) = mail.outbox
    assert (message.to, message.subject) == ([owner_user.email], note.subject)
    assert message.body.startswith(note.body)
    assert "Dit bericht komt van Rijksportfolio." in message.body
    note.refresh_from_db()
    assert note.emailed_at is not None


def test_notifications_are_english_for_who_chose_english(send, colleague_user, owner_user, on_request):
    notification_preference_set(actor=owner_user, language="en")
    _ask(send, colleague_user, on_request)
    (message,) = mail.outbox
    assert message.subject == "Daan Visser asks to see your portfolio"
    assert message.body.startswith(
        "Daan Visser asks to see the Free part section of your portfolio. Purpose: Samenstellen van een projectteam"
    )


def test_a_purpose_is_required_and_only_op_aanvraag_sections_can_be_requested(
    send, colleague_user, on_request
):
    with pytest.raises(ValidationError) as exc:
        _ask(send, colleague_user, on_request, section="dossier", purpose="  ")
    assert exc.value.message_dict == {
        "purpose": ["Geef aan waarvoor je inzage wilt."],
        "section": ["Dit onderdeel is niet op aanvraag in te zien."],
    }
    with pytest.raises(ValidationError) as exc:
        _ask(send, colleague_user, on_request, purpose="x" * 301)
    assert exc.value.message_dict == {"purpose": ["Het doel mag ten hoogste 300 tekens hebben."]}
    assert mail.outbox == []


def test_an_op_aanvraag_item_makes_a_private_section_requestable(send, colleague_user, portfolio):
    ItemFactory(portfolio=portfolio, visibility="op_aanvraag")
    assert _ask(send, colleague_user, portfolio, section="dossier").status == "pending"


def test_one_open_request_at_a_time_and_none_while_a_grant_runs(send, colleague_user, colleague, on_request):
    _ask(send, colleague_user, on_request)
    with pytest.raises(ValidationError) as exc:
        _ask(send, colleague_user, on_request)
    assert exc.value.message_dict == {"section": ["Je hebt al een verzoek voor dit onderdeel openstaan."]}
    AccessRequestFactory(portfolio=on_request, requester=colleague, section="vaardigheden", approved=True)
    on_request.visibility_skills = "op_aanvraag"
    on_request.save()
    with pytest.raises(ValidationError) as exc:
        _ask(send, colleague_user, on_request, section="vaardigheden")
    assert exc.value.message_dict == {"section": ["Je hebt al inzage in dit onderdeel."]}


def test_the_owner_guests_and_anonymous_users_cannot_request(send, owner_user, on_request):
    guest = user_create(username="gast", password=None)
    role_assign(user=guest, role=Role.GUEST)
    for user in (owner_user, guest):
        with pytest.raises(PermissionDenied):
            _ask(send, user, on_request)


def test_approval_grants_30_days_by_default_and_notifies_the_requester(
    send, colleague_user, owner_user, colleague, on_request
):
    request = _ask(send, colleague_user, on_request)
    with freeze_time("2026-05-04 10:00:00+00:00"):
        send(services.access_request_approve, actor=owner_user, request=request, note="Veel succes")
    request.refresh_from_db()
    assert (request.status, request.decided_at, request.valid_until) == (
        RequestStatus.APPROVED,
        datetime(2026, 5, 4, 10, tzinfo=UTC),
        datetime(2026, 6, 3, 10, tzinfo=UTC),
    )
    note = Notification.objects.get(recipient=colleague_user)
    assert (note.kind, note.subject) == ("portfolio.request_approved", "Je verzoek om inzage is goedgekeurd")
    assert (
        note.body
        == "Anouk Jansen geeft je tot 3 juni 2026 inzage in het onderdeel Vrij deel.\nToelichting: Veel succes"
    )
    assert [m.to for m in mail.outbox] == [[owner_user.email], [colleague_user.email]]
    with freeze_time("2026-06-03 09:59:59+00:00"):
        assert (
            access.portfolio_view(user=colleague_user, portfolio=on_request).section("vrij").visible is True
        )
    with freeze_time("2026-06-03 10:00:00+00:00"):
        assert (
            access.portfolio_view(user=colleague_user, portfolio=on_request).section("vrij").visible is False
        )


def test_approval_period_is_between_1_and_365_days_and_only_the_owner_decides(
    send, colleague_user, owner_user, on_request
):
    request = _ask(send, colleague_user, on_request)
    for days in (0, 366):
        with pytest.raises(ValidationError) as exc:
            services.access_request_approve(actor=owner_user, request=request, days=days)
        assert exc.value.message_dict == {"days": ["Kies een periode van 1 tot 365 dagen."]}
    with pytest.raises(PermissionDenied):
        services.access_request_approve(actor=colleague_user, request=request)
    granted = services.access_request_approve(actor=owner_user, request=request, days=365)
    assert granted.valid_until - granted.decided_at == timedelta(days=365)
    with pytest.raises(ValidationError) as exc:
        services.access_request_decline(actor=owner_user, request=request)
    assert exc.value.messages == ["Over dit verzoek is al besloten."]


def test_declining_notifies_and_opens_nothing(send, colleague_user, owner_user, on_request):
    request = _ask(send, colleague_user, on_request)
    send(services.access_request_decline, actor=owner_user, request=request, note="Liever niet")
    note = Notification.objects.get(recipient=colleague_user)
    assert (note.kind, note.body) == (
        "portfolio.request_declined",
        "Anouk Jansen heeft je verzoek om inzage in het onderdeel Vrij deel afgewezen.\nToelichting: Liever niet",
    )
    view = access.portfolio_view(user=colleague_user, portfolio=on_request).section("vrij")
    assert (view.visible, view.can_request) == (False, True)


def test_the_requester_may_withdraw_a_pending_request(send, colleague_user, owner_user, on_request):
    request = _ask(send, colleague_user, on_request)
    with pytest.raises(PermissionDenied):
        services.access_request_withdraw(actor=owner_user, request=request)
    services.access_request_withdraw(actor=colleague_user, request=request)
    assert request.status == RequestStatus.WITHDRAWN
    assert _ask(send, colleague_user, on_request).status == "pending"


def test_a_revoked_grant_denies_on_the_next_request_and_the_requester_is_told(
    send, colleague_user, owner_user, on_request
):
    request = _ask(send, colleague_user, on_request)
    services.access_request_approve(actor=owner_user, request=request)
    assert access.portfolio_view(user=colleague_user, portfolio=on_request).section("vrij").visible is True
    with pytest.raises(PermissionDenied):
        services.access_grant_revoke(actor=colleague_user, request=request)
    send(services.access_grant_revoke, actor=owner_user, request=request)
    assert (request.status, request.revoked_at is not None) == (RequestStatus.REVOKED, True)
    assert access.portfolio_view(user=colleague_user, portfolio=on_request).section("vrij").visible is False
    assert Notification.objects.get(recipient=colleague_user, kind="portfolio.grant_revoked").body == (
        "Anouk Jansen heeft je inzage in het onderdeel Vrij deel beëindigd."
    )
    with pytest.raises(ValidationError):
        services.access_grant_revoke(actor=owner_user, request=request)


def test_incoming_and_outgoing_requests(send, colleague_user, colleague, owner, on_request):
    request = _ask(send, colleague_user, on_request)
    other = AccessRequestFactory(portfolio=PortfolioFactory(), requester=colleague)
    assert list(selectors.requests_incoming(owner_person=owner)) == [request]
    assert list(selectors.requests_outgoing(requester_person=colleague)) == [other, request]


def test_a_person_without_a_login_is_not_notified(send, colleague_user):
    portfolio = PortfolioFactory(person=PersonFactory(), visibility_free="op_aanvraag")
    _ask(send, colleague_user, portfolio)
    assert (Notification.objects.count(), mail.outbox) == (0, [])
