# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from rijksportfolio.accounts.policy import OrganisationTarget, PersonTarget, can, principal_for


def navigation(request):  # type: ignore[no-untyped-def]
    """The principal and the main navigation: only what the policy lets this user open."""
    principal = principal_for(getattr(request, "user", None))
    items = []
    if principal.user_id is not None:
        items.append(("home", reverse("web:home"), _("Start")))
        if can(principal, "organisation.view"):
            items.append(("organisations", reverse("web:organisation_list"), _("Organisaties")))
        if can(principal, "person.view_card", PersonTarget(person_id=0, organisation_paths=())):
            items.append(("people", reverse("web:person_list"), _("Medewerkers")))
        if can(principal, "matching.for_me"):
            items.append(("kansen", reverse("kansen:list"), _("Kansen")))
        if can(principal, "aggregates.view", OrganisationTarget(organisation_id=None, path="")):
            items.append(("figures", reverse("web:figures"), _("Rijk in cijfers")))
        if can(principal, "audit.view_own"):
            items.append(("my_audit", reverse("web:my_audit"), _("Wie bekeek mijn gegevens")))
    path = getattr(request, "path", "")
    nav = [
        {
            "key": key,
            "url": url,
            "label": label,
            "current": url == path or (url != "/" and path.startswith(url + "/")),
        }
        for key, url, label in items
    ]
    return {"principal": principal, "oidc_enabled": settings.OIDC_ENABLED, "main_nav": nav}
