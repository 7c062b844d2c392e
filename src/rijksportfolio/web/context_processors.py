# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from rijksportfolio.accounts.constants import Role
from rijksportfolio.accounts.policy import OrganisationTarget, PersonTarget, can, principal_for
from rijksportfolio.matching.access import may_monitor_fairness
from rijksportfolio.notifications.selectors import notifications_unread_count
from rijksportfolio.organisations import read_cache
from rijksportfolio.organisations.selectors import organisation_pk_for_path
from rijksportfolio.skills.selectors import may_administer_taxonomy
from rijksportfolio.workforce.views import may_see_dashboards


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
        if principal.is_civil_servant:
            items.append(("my_portfolio", reverse("portfolios:mine"), _("Mijn portfolio")))
            items.append(("colleagues", reverse("portfolios:colleague_search"), _("Collega's zoeken")))
        overview = _portfolio_overview_url(principal)  # pfind
        if overview:
            items.append(("portfolio_overview", overview, _("Portfolio-overzicht")))
        if can(principal, "matching.for_me"):
            items.append(("kansen", reverse("kansen:list"), _("Kansen")))
        if can(principal, "aggregates.view", OrganisationTarget(organisation_id=None, path="")):
            items.append(("figures", reverse("web:figures"), _("Rijk in cijfers")))
        if may_see_dashboards(principal):
            items.append(("stuurinformatie", reverse("workforce:index"), _("Stuurinformatie")))
        if may_monitor_fairness(principal):
            items.append(("fairness", reverse("matching:fairness"), _("Eerlijkheidsmonitor")))
        if can(principal, "audit.view_own"):
            items.append(("my_audit", reverse("web:my_audit"), _("Wie bekeek mijn gegevens")))
        if can(principal, "portfolio.manage_categories"):
            items.append(("categories", reverse("portfolios:category_list"), _("Soorten onderdelen")))
        if may_administer_taxonomy(principal):
            items.append(("taxonomy", reverse("taxonomie:index"), _("Taxonomiebeheer")))
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
    unread = notifications_unread_count(user=request.user) if principal.user_id is not None else 0
    return {
        "principal": principal,
        "oidc_enabled": settings.OIDC_ENABLED,
        "main_nav": nav,
        "unread_notifications": unread,
        # For {% cache %} around fragments that are the same for everyone who may see them (organisation
        # tree, Rijk-wide headcounts): the key holds the directory version, so a change through the
        # services renders them anew (organisations.read_cache). Called only where a template uses it.
        "directory_version": read_cache.directory_version,
        "fragment_ttl": getattr(settings, "READ_CACHE_TTL", 30),
        "aggregate_ttl": getattr(settings, "AGGREGATE_CACHE_TTL", 60),
    }


def _portfolio_overview_url(principal):  # type: ignore[no-untyped-def]
    """The Rijk's portfolio overview for analysts; an HR adviser's own (first) organisation otherwise."""
    if can(principal, "portfolio.overview", OrganisationTarget(organisation_id=None, path="")):
        return reverse("portfolios:overview")
    paths = principal.scopes.get(Role.HR_ADVISER, ())
    if not paths:
        return ""
    pk = organisation_pk_for_path(path=sorted(paths)[0])
    return reverse("portfolios:overview_organisation", args=[pk]) if pk else ""
