# SPDX-License-Identifier: EUPL-1.2
"""The notifications inbox: the signed-in user's own messages; mark one or all as read."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from rijksportfolio.notifications.models import Notification
from rijksportfolio.notifications.selectors import notifications_for
from rijksportfolio.notifications.services import notification_mark_all_read, notification_mark_read


@login_required
@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    unread_only = request.GET.get("ongelezen") == "1"
    page = Paginator(notifications_for(user=request.user, unread_only=unread_only), 25).get_page(
        request.GET.get("pagina")
    )
    context = {"page": page, "unread_only": unread_only, "page_title": _("Meldingen")}
    return render(request, "notifications/inbox.html", context)


@login_required
@require_POST
def mark_read(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark one message read; then follow its link when asked ("openen"), else back to the inbox."""
    notification = get_object_or_404(Notification, pk=pk)
    if notification.recipient_id != request.user.pk:
        raise PermissionDenied
    notification_mark_read(actor=request.user, notification=notification)
    if request.POST.get("openen") and url_has_allowed_host_and_scheme(
        notification.url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(notification.url)
    return redirect("notifications:inbox")


@login_required
@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    notification_mark_all_read(actor=request.user)
    return redirect("notifications:inbox")
