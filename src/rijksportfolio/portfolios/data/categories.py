# SPDX-License-Identifier: EUPL-1.2
"""The built-in item categories: what seed 004 (H4, "Concrete aanbevelingen") names for each part.

Loaded by data migration ``0002_builtin_categories`` and by ``portfolios.services.categories_sync_builtin``.
Administrators can add their own categories and retire these at run time; a built-in category is never
deleted, so that items made with it stay readable. Field definitions follow
``rijksportfolio.domain.portfolio_schema`` (type one of ``FieldType``).
"""

from __future__ import annotations

from typing import Any


def _f(key: str, nl: str, en: str, kind: str = "text", *, required: bool = False, **extra: Any) -> dict:
    return {"key": key, "label_nl": nl, "label_en": en, "type": kind, "required": required, **extra}


CAREER_STEP_CHOICES = [
    {"value": "horizontaal", "label_nl": "Horizontaal (ander werk, zelfde niveau)", "label_en": "Horizontal"},
    {"value": "verticaal", "label_nl": "Verticaal (hoger niveau)", "label_en": "Vertical"},
]
CAREER_WHERE_CHOICES = [
    {
        "value": "eigen_organisatie",
        "label_nl": "Binnen mijn organisatie",
        "label_en": "Within my organisation",
    },
    {"value": "rijk", "label_nl": "Elders binnen het Rijk", "label_en": "Elsewhere within the Rijk"},
    {"value": "buiten_rijk", "label_nl": "Buiten het Rijk", "label_en": "Outside the Rijk"},
]
EDUCATION_LEVEL_CHOICES = [
    {"value": v, "label_nl": nl, "label_en": en}
    for v, nl, en in [
        ("vmbo", "vmbo", "pre-vocational secondary"),
        ("havo", "havo", "senior general secondary"),
        ("vwo", "vwo", "pre-university"),
        ("mbo", "mbo", "secondary vocational"),
        ("hbo", "hbo (bachelor)", "university of applied sciences (bachelor)"),
        ("wo_bachelor", "wo-bachelor", "university bachelor"),
        ("wo_master", "wo-master", "university master"),
        ("phd", "gepromoveerd", "doctorate"),
        ("overig", "overig", "other"),
    ]
]

BUILTIN_CATEGORIES: list[dict[str, Any]] = [
    # --- Dossierdeel: CV and tangible evidence -------------------------------------------------------
    {
        "key": "opleiding",
        "part": "dossier",
        "label_nl": "Opleiding",
        "label_en": "Education",
        "allows_evidence": True,
        "fields": [
            _f("instelling", "Onderwijsinstelling", "Institution", required=True),
            _f("niveau", "Niveau", "Level", "choice", choices=EDUCATION_LEVEL_CHOICES),
            _f("afgerond", "Afgerond", "Completed", "boolean"),
        ],
    },
    {
        "key": "werkervaring",
        "part": "dossier",
        "label_nl": "Werkervaring",
        "label_en": "Work experience",
        "description_nl": "Banen binnen en buiten het Rijk. Dienstverbanden bij het Rijk worden automatisch aangevuld.",
        "description_en": "Jobs inside and outside the Rijk. Employment records at the Rijk are filled in automatically.",
        "fields": [
            _f("werkgever", "Werkgever", "Employer", required=True),
            _f("binnen_rijk", "Bij het Rijk", "At the Rijk", "boolean"),
            _f("functie", "Functie", "Job title"),
        ],
    },
    {
        "key": "diploma",
        "part": "dossier",
        "label_nl": "Diploma",
        "label_en": "Diploma",
        "allows_evidence": True,
        "fields": [
            _f("instelling", "Uitgegeven door", "Issued by", required=True),
            _f("datum", "Datum", "Date", "date"),
        ],
    },
    {
        "key": "certificaat",
        "part": "dossier",
        "label_nl": "Certificaat",
        "label_en": "Certificate",
        "allows_evidence": True,
        "fields": [
            _f("uitgever", "Uitgegeven door", "Issuer", required=True),
            _f("datum", "Datum van afgifte", "Date issued", "date", required=True),
            _f("geldig_tot", "Geldig tot", "Expires", "date"),
            _f("nummer", "Certificaatnummer", "Certificate number"),
        ],
    },
    {
        "key": "getuigschrift",
        "part": "dossier",
        "label_nl": "Getuigschrift of referentie",
        "label_en": "Reference",
        "allows_evidence": True,
        "fields": [
            _f("van", "Van (naam en rol)", "From (name and role)", required=True),
            _f("datum", "Datum", "Date", "date"),
        ],
    },
    {
        "key": "cursus",
        "part": "dossier",
        "label_nl": "Gevolgde cursus of training",
        "label_en": "Course or training followed",
        "allows_evidence": True,
        "fields": [
            _f("aanbieder", "Aanbieder", "Provider"),
            _f("uren", "Studielast (uren)", "Study load (hours)", "integer"),
        ],
    },
    {
        "key": "onderscheiding",
        "part": "dossier",
        "label_nl": "Prijs of onderscheiding",
        "label_en": "Award",
        "allows_evidence": True,
        "fields": [
            _f("toegekend_door", "Toegekend door", "Awarded by"),
            _f("datum", "Datum", "Date", "date"),
        ],
    },
    # --- Analytisch deel: standardised results, each with a personal reflection ------------------------
    {
        "key": "feedback_360",
        "part": "analytisch",
        "label_nl": "Resultaat 360°-feedback",
        "label_en": "360° feedback result",
        "allows_evidence": True,
        "fields": [
            _f("ronde", "Feedbackronde", "Feedback round", required=True),
            _f("datum", "Datum", "Date", "date"),
            _f("reflectie", "Mijn reflectie", "My reflection", "markdown"),
        ],
    },
    {
        "key": "assessment",
        "part": "analytisch",
        "label_nl": "Assessment",
        "label_en": "Assessment",
        "allows_evidence": True,
        "fields": [
            _f("bureau", "Uitgevoerd door", "Conducted by"),
            _f("datum", "Datum", "Date", "date"),
            _f("uitkomst", "Uitkomst (samenvatting)", "Outcome (summary)", "markdown"),
            _f("reflectie", "Mijn reflectie", "My reflection", "markdown"),
        ],
    },
    {
        "key": "test",
        "part": "analytisch",
        "label_nl": "Test (persoonlijkheid, capaciteiten, drijfveren)",
        "label_en": "Test (personality, ability, motivation)",
        "allows_evidence": True,
        "fields": [
            _f("instrument", "Instrument", "Instrument", required=True),
            _f("datum", "Datum", "Date", "date"),
            _f("uitkomst", "Uitkomst (samenvatting)", "Outcome (summary)", "markdown"),
            _f("reflectie", "Mijn reflectie", "My reflection", "markdown"),
        ],
    },
    # --- Ambitiedocument ----------------------------------------------------------------------------
    {
        "key": "ambitie",
        "part": "ambitie",
        "label_nl": "Ambitie",
        "label_en": "Ambition",
        "fields": [],
    },
    {
        "key": "ontwikkeldoel",
        "part": "ambitie",
        "label_nl": "Kennis of vaardigheid om te ontwikkelen",
        "label_en": "Knowledge or skill to develop",
        "description_nl": "Koppel de vaardigheid uit de taxonomie en kies een streefdatum.",
        "description_en": "Link the skill from the taxonomy and choose a target date.",
        "fields": [_f("streefdatum", "Streefdatum", "Target date", "date", required=True)],
    },
    {
        "key": "cursuswens",
        "part": "ambitie",
        "label_nl": "Cursus die ik wil volgen",
        "label_en": "Course I want to take",
        "fields": [
            _f("aanbieder", "Aanbieder", "Provider"),
            _f("streefdatum", "Streefdatum", "Target date", "date"),
        ],
    },
    {
        "key": "loopbaanstap",
        "part": "ambitie",
        "label_nl": "Volgende loopbaanstap",
        "label_en": "Next career step",
        "fields": [
            _f("richting", "Richting", "Direction", "choice", required=True, choices=CAREER_STEP_CHOICES),
            _f("waar", "Waar", "Where", "choice", required=True, choices=CAREER_WHERE_CHOICES),
            _f("termijn", "Wanneer", "When", "date"),
        ],
    },
    # --- Vrij deel ----------------------------------------------------------------------------------
    {
        "key": "opdracht",
        "part": "vrij",
        "label_nl": "Opdracht of project",
        "label_en": "Assignment or project",
        "allows_evidence": True,
        "fields": [_f("opdrachtgever", "Opdrachtgever", "Client"), _f("rol", "Mijn rol", "My role")],
    },
    {
        "key": "interesse",
        "part": "vrij",
        "label_nl": "Interesse of passie",
        "label_en": "Interest or passion",
        "fields": [],
    },
    {
        "key": "publicatie",
        "part": "vrij",
        "label_nl": "Publicatie of blog",
        "label_en": "Publication or blog",
        "fields": [_f("link", "Link", "Link", "url"), _f("medium", "Verschenen in", "Published in")],
    },
    {
        "key": "media",
        "part": "vrij",
        "label_nl": "Optreden in de media",
        "label_en": "Media appearance",
        "fields": [_f("link", "Link", "Link", "url"), _f("medium", "Medium", "Medium")],
    },
    {
        "key": "netwerk",
        "part": "vrij",
        "label_nl": "Netwerk",
        "label_en": "Network",
        "fields": [_f("link", "Link", "Link", "url")],
    },
    {
        "key": "profiel",
        "part": "vrij",
        "label_nl": "Profiel elders (LinkedIn en dergelijke)",
        "label_en": "Profile elsewhere (LinkedIn and the like)",
        "fields": [_f("link", "Link", "Link", "url", required=True)],
    },
]

for _order, _category in enumerate(BUILTIN_CATEGORIES):
    _category.setdefault("sort_order", (_order + 1) * 10)
    _category.setdefault("allows_evidence", False)
    _category.setdefault("description_nl", "")
    _category.setdefault("description_en", "")
