# SPDX-License-Identifier: EUPL-1.2
"""Sending notifications: in the app and, unless the recipient switched it off, by e-mail (Django's mail).

Messages are written in the recipient's language — the one in their :class:`NotificationPreference`,
Dutch when they never chose. Build subject and body inside ``with recipient_language_active(user):`` (or
pass lazy texts without placeholders) so that gettext picks that language. A notification tells what
happened and links to the page; it never carries the content of a protected portfolio section.

The e-mail is sent after the surrounding transaction commits (a rolled-back action sends nothing); a
failing mail server does not undo the in-app notification, it is logged and ``emailed_at`` stays empty.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from rijksportfolio.notifications.models import Notification, NotificationPreference

logger = logging.getLogger(__name__)
DEFAULT_LANGUAGE = "nl"


def recipient_language(user: Any) -> str:
    """The language the user reads messages in: their choice, else Dutch."""
    preference = NotificationPreference.objects.filter(user=user).first()
    return preference.language if preference is not None else DEFAULT_LANGUAGE


@contextmanager
def recipient_language_active(user: Any) -> Iterator[str]:
    language = recipient_language(user)
    with translation.override(language):
        yield language


def _wants_email(user: Any) -> bool:
    preference = NotificationPreference.objects.filter(user=user).first()
    return bool(user.email) and (preference is None or preference.email)


def _email_send(notification_id: int, language: str) -> None:
    notification = Notification.objects.select_related("recipient").get(pk=notification_id)
    with translation.override(language):
        lines = [notification.body] if notification.body else []
        if notification.url:
            lines.append(settings.PUBLIC_URL.rstrip("/") + notification.url)
        lines.append(
            "—\n" + _("Dit bericht komt van Rijksportfolio. Je meldingen staan ook in de applicatie.")
        )
        try:
            send_mail(
                subject=notification.subject,
                message="\n\n".join(lines),
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=[notification.recipient.email],
            )
        except Exception:  # a mail server problem must not break the action that notified
            logger.exception("notification %s: e-mail could not be sent", notification_id)
            return
    Notification.objects.filter(pk=notification_id).update(emailed_at=timezone.now())


def notification_send(
    *, recipient: Any, kind: str, subject: Any, body: Any = "", url: str = "", email: bool = True
) -> Notification:
    """Store a notification for ``recipient`` (a user) and e-mail it unless they switched e-mail off.

    ``subject``/``body`` are rendered in the recipient's language (lazy texts are evaluated in it);
    ``url`` is a path within the application (``/mijn-portfolio/verzoeken``)."""
    language = recipient_language(recipient)
    with translation.override(language):
        subject_text = " ".join(str(subject).split())[:200]
        body_text = str(body)
    notification = Notification.objects.create(
        recipient=recipient, kind=kind[:60], subject=subject_text, body=body_text, url=url[:300]
    )
    if email and _wants_email(recipient):
        transaction.on_commit(lambda: _email_send(notification.pk, language))
    return notification


def notification_mark_read(*, actor: Any, notification: Notification) -> Notification:
    """Mark one of the actor's own notifications as read."""
    if notification.recipient_id != getattr(actor, "pk", None):
        raise PermissionDenied
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notification_mark_all_read(*, actor: Any) -> int:
    return Notification.objects.filter(recipient=actor, read_at__isnull=True).update(read_at=timezone.now())


def notification_preference_set(
    *, actor: Any, language: str | None = None, email: bool | None = None
) -> NotificationPreference:
    """Choose the language of messages and whether they also come by e-mail."""
    preference, _created = NotificationPreference.objects.get_or_create(user=actor)
    if language is not None:
        if language not in dict(settings.LANGUAGES):
            raise ValidationError({"language": [_("Kies Nederlands of Engels.")]})
        preference.language = language
    if email is not None:
        preference.email = bool(email)
    preference.save()
    return preference
