# SPDX-License-Identifier: EUPL-1.2
"""Portfolio pages. Included from ``rijksportfolio/urls.py`` at the site root, namespace ``portfolios``.

Blocks are owned by one engineer each; append your own block at the end (pfind: search and overviews;
papi: the skill autocomplete partial ``skill_autocomplete``; pfiles: ``export_json``, ``export_pdf``,
``import`` and ``evidence_download`` — the export page and item views link to those names when they exist).

``skill_autocomplete`` (papi) is fetched by the skill field of the item and skills forms with htmx:
``GET ?q=<text>&veld=<input name>&soort=checkbox|radio``; it answers with the fragment
``portfolios/partials/skill_results.html`` rendered with ``results`` (skills), ``name`` (= ``veld``),
``multiple`` (``soort == "checkbox"``) and ``searched`` (True), so that the chosen skill posts with the form.
"""

from django.urls import path

from rijksportfolio.portfolios import views, views_files, views_find
from rijksportfolio.skills import views as skills_views

app_name = "portfolios"

urlpatterns = [
    # --- my portfolio (pweb) -------------------------------------------------------------------------
    path("mijn-portfolio", views.mine, name="mine"),
    path("mijn-portfolio/zichtbaarheid-kiezen", views.first_use, name="first_use"),
    path("mijn-portfolio/zichtbaarheid", views.visibility, name="visibility"),
    path("mijn-portfolio/instellingen", views.settings_edit, name="settings"),
    path("mijn-portfolio/toestemming-matching", views.consent, name="consent"),
    path("mijn-portfolio/deel/<slug:part>", views.part_edit, name="part"),
    path(
        "mijn-portfolio/deel/<slug:part>/zichtbaarheid", views.section_visibility, name="section_visibility"
    ),
    path("mijn-portfolio/deel/<slug:part>/nieuw/<slug:category>", views.item_create, name="item_create"),
    path("mijn-portfolio/onderdeel/<int:pk>", views.item_update, name="item_update"),
    path("mijn-portfolio/onderdeel/<int:pk>/zichtbaarheid", views.item_visibility, name="item_visibility"),
    path("mijn-portfolio/onderdeel/<int:pk>/verwijderen", views.item_delete, name="item_delete"),
    path("mijn-portfolio/vaardigheden", views.skills_edit, name="skills"),
    path("mijn-portfolio/vaardigheden/<int:pk>", views.skill_update, name="skill_update"),
    path("mijn-portfolio/vaardigheden/<int:pk>/verwijderen", views.skill_remove, name="skill_remove"),
    path("mijn-portfolio/bekijk-als", views.preview, name="preview"),
    path("mijn-portfolio/verzoeken", views.requests_inbox, name="requests"),
    path("mijn-portfolio/verzoeken/<int:pk>/goedkeuren", views.request_approve, name="request_approve"),
    path("mijn-portfolio/verzoeken/<int:pk>/afwijzen", views.request_decline, name="request_decline"),
    path("mijn-portfolio/verzoeken/<int:pk>/terugtrekken", views.request_withdraw, name="request_withdraw"),
    path("mijn-portfolio/verzoeken/<int:pk>/inzage-beeindigen", views.grant_revoke, name="grant_revoke"),
    path("mijn-portfolio/bekeken", views.views_log, name="views_log"),
    path("mijn-portfolio/exporteren", views.export_page, name="export"),
    # --- someone's portfolio (pweb) -------------------------------------------------------------------
    path("medewerkers/<int:person_pk>/portfolio", views.person_portfolio, name="person_portfolio"),
    path(
        "medewerkers/<int:person_pk>/portfolio/deel/<slug:section>",
        views.person_section,
        name="person_section",
    ),
    path(
        "medewerkers/<int:person_pk>/portfolio/inzage/<slug:section>",
        views.request_access,
        name="request_access",
    ),
    path(
        "medewerkers/<int:person_pk>/portfolio/vaardigheden/<int:pk>/onderschrijven",
        views.endorse,
        name="endorse",
    ),
    # --- item categories (administration, pweb) ------------------------------------------------------
    path("beheer/soorten-onderdelen", views.category_list, name="category_list"),
    path("beheer/soorten-onderdelen/nieuw", views.category_create, name="category_create"),
    path("beheer/soorten-onderdelen/<int:pk>", views.category_update, name="category_update"),
    path("beheer/soorten-onderdelen/<int:pk>/buiten-gebruik", views.category_retire, name="category_retire"),
    path(
        "beheer/soorten-onderdelen/<int:pk>/weer-in-gebruik", views.category_restore, name="category_restore"
    ),
    # --- skill autocomplete (papi) ------------------------------------------------------------------
    path("vaardigheden/zoeken", skills_views.skill_autocomplete, name="skill_autocomplete"),
    # --- finding colleagues and overviews (pfind) ---------------------------------------------------
    path("collegas-zoeken", views_find.colleague_search, name="colleague_search"),
    path("portfolio-overzicht", views_find.overview, name="overview"),
    path(
        "portfolio-overzicht/organisatie/<int:pk>",
        views_find.overview_organisation,
        name="overview_organisation",
    ),
]
# --- evidence, export and import (pfiles) ------------------------------------------------------------
urlpatterns += [
    path("mijn-portfolio/onderdeel/<int:pk>/bewijsstukken", views_files.evidence_page, name="evidence"),
    path(
        "mijn-portfolio/bewijsstukken/<int:pk>/verwijderen",
        views_files.evidence_delete,
        name="evidence_delete",
    ),
    path("bewijsstukken/<int:pk>", views_files.evidence_download, name="evidence_download"),
    path("mijn-portfolio/exporteren/json", views_files.export_json, name="export_json"),
    path("mijn-portfolio/exporteren/pdf", views_files.export_pdf, name="export_pdf"),
    path("mijn-portfolio/exporteren/pdf-kiezen", views_files.export_pdf_options, name="export_pdf_options"),
    path("mijn-portfolio/importeren", views_files.import_page, name="import"),
]
