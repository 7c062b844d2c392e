# SPDX-License-Identifier: EUPL-1.2
"""Notifications: in the app and by e-mail, in the recipient's language (Dutch unless chosen otherwise)."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.test import override_settings
from django.utils.translation import gettext_lazy

from rijksportfolio.accounts.services import user_create
from rijksportfolio.notifications.selectors import notifications_for, notifications_unread_count
from rijksportfolio.notifications.services import (
    notification_mark_all_read,
    notification_mark_read,
    notification_preference_set,
    notification_send,
    recipient_language,
)

pytestmark = pytest.mark.django_db


class BrokenMailServer(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("smtp down")


@pytest.fixture
def user(db):
    return user_create(username="lotte", password=None, email="lotte@minbzk.nl")


def _send(capture, **kwargs):
    with capture(execute=True):
        return notification_send(**kwargs)


def test_a_notification_is_stored_and_emailed_with_a_link(user, django_capture_on_commit_callbacks, settings):
    settings.PUBLIC_URL = "https://portfolio.rijk.example"
    note = _send(
        django_capture_on_commit_callbacks,
        recipient=user,
        kind="test",
        subject="Iets gebeurd",
        body="Kijk maar.",
        url="/mijn-portfolio/verzoeken",
    )
    assert list(notifications_for(user=user)) == [note]
    (message,) = mail.outbox
    assert (message.to, message.subject, message.from_email) == (
        ["lotte@minbzk.nl"],
        "Iets gebeurd",
        "rijksportfolio@localhost",
    )
    assert message.body.split("\n\n")[:2] == [
        "Kijk maar.",
        "https://portfolio.rijk.example/mijn-portfolio/verzoeken",
    ]
    note.refresh_from_db()
    assert note.emailed_at is not None


def test_lazy_texts_are_rendered_in_the_recipients_language(user, django_capture_on_commit_callbacks):
    assert recipient_language(user) == "nl"
    subject = gettext_lazy("Je verzoek om inzage is afgewezen")
    assert _send(django_capture_on_commit_callbacks, recipient=user, kind="t", subject=subject).subject == (
        "Je verzoek om inzage is afgewezen"
    )
    notification_preference_set(actor=user, language="en")
    note = _send(django_capture_on_commit_callbacks, recipient=user, kind="t", subject=subject)
    assert note.subject == "Your access request has been declined"
    assert "This message comes from Rijksportfolio." in mail.outbox[-1].body


def test_no_email_when_switched_off_or_without_address(user, django_capture_on_commit_callbacks):
    notification_preference_set(actor=user, email=False)
    _send(django_capture_on_commit_callbacks, recipient=user, kind="t", subject="x")
    nobody = user_create(username="zonder-mail", password=None)
    _send(django_capture_on_commit_callbacks, recipient=nobody, kind="t", subject="x")
    _send(
        django_capture_on_commit_callbacks,
        recipient=user_create(username="u3", password=None, email="a@b.nl"),
        kind="t",
        subject="x",
        email=False,
    )
    assert mail.outbox == []
    assert notifications_unread_count(user=user) == 1


def test_a_rolled_back_action_sends_no_email(user, django_capture_on_commit_callbacks):
    @transaction.atomic
    def failing_action():
        notification_send(recipient=user, kind="t", subject="x")
        raise RuntimeError

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        failing_action()
    assert mail.outbox == []


@override_settings(
    MAILERS={"default": {"BACKEND": "rijksportfolio.notifications.tests.test_services.BrokenMailServer"}}
)
def test_a_broken_mail_server_keeps_the_in_app_notification(user, django_capture_on_commit_callbacks):
    note = _send(django_capture_on_commit_callbacks, recipient=user, kind="t", subject="x")
    note.refresh_from_db()
    assert (note.emailed_at, notifications_unread_count(user=user)) == (None, 1)


def test_only_the_recipient_marks_a_notification_read(user):
    note = notification_send(recipient=user, kind="t", subject="x", email=False)
    other = user_create(username="ander", password=None)
    with pytest.raises(PermissionDenied):
        notification_mark_read(actor=other, notification=note)
    notification_mark_read(actor=user, notification=note)
    assert note.read_at is not None
    assert list(notifications_for(user=user, unread_only=True)) == []
    notification_send(recipient=user, kind="t", subject="y", email=False)
    assert notification_mark_all_read(actor=user) == 1
    assert notifications_unread_count(user=user) == 0


def test_language_must_be_dutch_or_english(user):
    with pytest.raises(ValidationError) as exc:
        notification_preference_set(actor=user, language="de")
    assert exc.value.message_dict == {"language": ["Kies Nederlands of Engels."]}
