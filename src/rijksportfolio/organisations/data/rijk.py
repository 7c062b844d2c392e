# SPDX-License-Identifier: EUPL-1.2
"""The organisations of the sector Rijk (2024 set of ministries), expanded into a tree.

Sector Rijk = the ministries with their agencies, inspectorates and shared-service organisations;
Defensie, Politie, the judiciary and ZBO's (UWV, SVB, COA, RDW, …) are not part of it. KGG (Klimaat en
Groene Groei) exists since 2024 and was part of EZK before; the generator uses the 2024 set for all ten years.

``fte`` is the size of each unit (kerndepartement or dienst) in 2022 (core departments: kennisvandeoverheid.nl
"Ontwikkeling formatie per departement"; EZK's 1,844 fte split between EZ and KGG; agencies: annual reports,
rounded). The generator only uses the relative sizes within a sector category; the category totals come
from calibration figure C4. Directorates are named; departments and teams below them are numbered, one team
per ~22 fte, so the tree has the same shape whatever ``--people`` is. Codes are stable slugs:
``belastingdienst``, ``belastingdienst-cio``, ``belastingdienst-cio-afdeling-2``, ``belastingdienst-cio-team-3``.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from rijksportfolio.domain.generator import Unit

CORE, SSO, INSPECTORATE, AGENCY = "core_department", "shared_service", "inspectorate", "executive_agency"
KIND_BY_CATEGORY = {SSO: "shared_service", INSPECTORATE: "inspectorate", AGENCY: "agency"}
TEAM_FTE = 22


class CatalogueNode(NamedTuple):
    code: str
    name: str
    abbreviation: str
    kind: str  # OrganisationKind value
    sector_category: str  # set on ministries and services only
    parent_code: str | None
    location_codes: tuple[str, ...]
    unit_code: str  # the kerndepartement (ministry code) or dienst this node belongs to
    ministry_code: str
    family_hint: str  # dominant job family of a directorate's teams ("" = none)
    profile: str  # work profile of the unit (tax, prison, …) for specialised job titles
    unit_fte: float  # only on unit roots (ministries and services); 0 elsewhere


# Directorates: (slug, name, family hint)
STAFF = (
    ("fez", "Financieel-Economische Zaken", "financien"),
    ("communicatie", "Communicatie", "communicatie"),
    ("wjz", "Wetgeving en Juridische Zaken", "juridisch"),
    ("bedrijfsvoering", "Bedrijfsvoering", "bedrijfsvoering"),
)
P = "beleid"

# code, abbreviation, name, core fte 2022, profile, locations, policy directorates
MINISTRIES: tuple[tuple[str, str, str, int, str, tuple[str, ...], tuple[tuple[str, str], ...]], ...] = (
    (
        "az",
        "AZ",
        "Ministerie van Algemene Zaken",
        217,
        "general",
        ("dh-binnenhof-19",),
        (("dvo", "Directie Voorlichting en Communicatie"), ("kabinet", "Kabinet van de Minister-President")),
    ),
    (
        "bz",
        "BZ",
        "Ministerie van Buitenlandse Zaken",
        2455,
        "general",
        ("dh-rijnstraat-8",),
        (
            ("dgpz", "Directoraat-generaal Politieke Zaken"),
            ("dgbeb", "Directoraat-generaal Buitenlandse Economische Betrekkingen"),
            ("dgis", "Directoraat-generaal Internationale Samenwerking"),
            ("dcm", "Directie Consulaire Zaken en Migratiebeleid"),
        ),
    ),
    (
        "bzk",
        "BZK",
        "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
        1987,
        "housing",
        ("dh-turfmarkt-147",),
        (
            ("dgvb", "Directoraat-generaal Volkshuisvesting en Bouwen"),
            ("dgdoo", "Directoraat-generaal Digitalisering en Overheidsorganisatie"),
            ("dgbel", "Directoraat-generaal Openbaar Bestuur en Democratische Rechtsstaat"),
            ("dgkr", "Directoraat-generaal Koninkrijksrelaties"),
        ),
    ),
    (
        "ez",
        "EZ",
        "Ministerie van Economische Zaken",
        1150,
        "economy",
        ("dh-bezuidenhoutseweg-73",),
        (
            ("dgbi", "Directoraat-generaal Bedrijfsleven en Innovatie"),
            ("dgoi", "Directoraat-generaal Ondernemerschap en Investeringsklimaat"),
        ),
    ),
    (
        "fin",
        "Fin",
        "Ministerie van Financiën",
        1767,
        "tax",
        ("dh-korte-voorhout-7",),
        (
            ("dgfz", "Directoraat-generaal Fiscale Zaken"),
            ("dgrb", "Directoraat-generaal Rijksbegroting"),
            ("dgtf", "Directoraat-generaal Thesaurie"),
            ("dar", "Auditdienst Rijk"),
        ),
    ),
    (
        "ienw",
        "IenW",
        "Ministerie van Infrastructuur en Waterstaat",
        2078,
        "environment",
        ("dh-rijnstraat-8",),
        (
            ("dgmo", "Directoraat-generaal Mobiliteit"),
            ("dglw", "Directoraat-generaal Water en Bodem"),
            ("dglm", "Directoraat-generaal Milieu en Internationaal"),
            ("dgle", "Directoraat-generaal Luchtvaart en Maritieme Zaken"),
        ),
    ),
    (
        "jenv",
        "JenV",
        "Ministerie van Justitie en Veiligheid",
        2073,
        "justice",
        ("dh-turfmarkt-147",),
        (
            ("dgpenv", "Directoraat-generaal Politie en Veiligheidsregio's"),
            ("dgsenb", "Directoraat-generaal Straffen en Beschermen"),
            ("dgm", "Directoraat-generaal Migratie"),
            ("dgrr", "Directoraat-generaal Rechtspleging en Rechtshandhaving"),
        ),
    ),
    (
        "kgg",
        "KGG",
        "Ministerie van Klimaat en Groene Groei",
        694,
        "environment",
        ("dh-bezuidenhoutseweg-73",),
        (("dgkge", "Directoraat-generaal Klimaat en Energie"), ("dggg", "Directoraat-generaal Groene Groei")),
    ),
    (
        "lnv",
        "LNV",
        "Ministerie van Landbouw, Visserij, Voedselzekerheid en Natuur",
        555,
        "agriculture",
        ("dh-bezuidenhoutseweg-73",),
        (
            ("dgal", "Directoraat-generaal Agro en Landbouw"),
            ("dgnv", "Directoraat-generaal Natuur en Visserij"),
        ),
    ),
    (
        "ocw",
        "OCW",
        "Ministerie van Onderwijs, Cultuur en Wetenschap",
        1216,
        "culture",
        ("dh-rijnstraat-50",),
        (
            ("dgfo", "Directoraat-generaal Funderend Onderwijs"),
            ("dgho", "Directoraat-generaal Hoger Onderwijs, Beroepsonderwijs, Wetenschap en Emancipatie"),
            ("dgcm", "Directoraat-generaal Cultuur en Media"),
        ),
    ),
    (
        "szw",
        "SZW",
        "Ministerie van Sociale Zaken en Werkgelegenheid",
        1254,
        "labour",
        ("dh-parnassusplein-5",),
        (
            ("dgwr", "Directoraat-generaal Werk"),
            ("dgsz", "Directoraat-generaal Sociale Zekerheid en Integratie"),
        ),
    ),
    (
        "vws",
        "VWS",
        "Ministerie van Volksgezondheid, Welzijn en Sport",
        1903,
        "health",
        ("dh-parnassusplein-5",),
        (
            ("dgcz", "Directoraat-generaal Curatieve Zorg"),
            ("dglz", "Directoraat-generaal Langdurige Zorg"),
            ("dgvs", "Directoraat-generaal Volksgezondheid"),
            ("dgmo", "Directoraat-generaal Maatschappelijke Ondersteuning"),
        ),
    ),
)

# code, ministry, abbreviation, name, category, fte 2022, profile, locations, named directorates (slug, name, hint) or ()
SERVICES: tuple[
    tuple[str, str, str, str, str, int, str, tuple[str, ...], tuple[tuple[str, str, str], ...]], ...
] = (
    (
        "belastingdienst",
        "fin",
        "Belastingdienst",
        "Belastingdienst",
        AGENCY,
        27000,
        "tax",
        (
            "apeldoorn-laan-van-westenenk-1",
            "utrecht-daalsesingel-1",
            "groningen-europaweg-29",
            "heerlen-kloosterweg-22",
            "rotterdam-laan-op-zuid-45",
            "amsterdam-ijdok-29",
            "eindhoven-fellenoord-41",
            "enschede-hengelosestraat-585",
            "zwolle-burgemeester-roelenweg-3",
            "den-bosch-leeghwaterlaan-14",
            "leeuwarden-zuidersingel-2",
        ),
        (
            ("cio", "Centrale Informatievoorziening Organisatie", "ict"),
            ("particulieren", "Particulieren", "uitvoering"),
            ("mkb", "Midden- en Kleinbedrijf", "toezicht"),
            ("go", "Grote Ondernemingen", "toezicht"),
            ("cap", "Centrale Administratieve Processen", "uitvoering"),
            ("kis", "Klantinteractie en -services", "uitvoering"),
            ("invordering", "Invordering", "uitvoering"),
            ("fiod", "FIOD", "toezicht"),
            ("bedrijfsvoering", "Bedrijfsvoering", "bedrijfsvoering"),
        ),
    ),
    (
        "douane",
        "fin",
        "Douane",
        "Douane",
        AGENCY,
        5200,
        "tax",
        (
            "rotterdam-boompjes-200",
            "hoofddorp-taurusavenue-16",
            "amsterdam-kingsfordweg-1",
            "eindhoven-fellenoord-41",
        ),
        (
            ("rotterdam", "Douane Rotterdam Haven", "toezicht"),
            ("schiphol", "Douane Schiphol", "toezicht"),
            ("landelijk", "Landelijke Vakexpertise en Voorzieningen", "uitvoering"),
            ("bedrijfsvoering", "Bedrijfsvoering", "bedrijfsvoering"),
        ),
    ),
    (
        "toeslagen",
        "fin",
        "Toeslagen",
        "Dienst Toeslagen",
        AGENCY,
        1700,
        "tax",
        ("utrecht-daalsesingel-1", "apeldoorn-het-rietveld-60"),
        (),
    ),
    (
        "dji",
        "jenv",
        "DJI",
        "Dienst Justitiële Inrichtingen",
        AGENCY,
        15000,
        "prison",
        (
            "dh-schedeldoekshaven-200",
            "vught-lunettenlaan-501",
            "veenhuizen-hoofdweg-40",
            "zwolle-burgemeester-roelenweg-3",
            "rotterdam-laan-op-zuid-45",
            "almere-stationsplein-10",
            "heerlen-oliemolenstraat-5",
            "leeuwarden-zuidersingel-2",
        ),
        (
            ("gevangeniswezen", "Gevangeniswezen en Vreemdelingenbewaring", "uitvoering"),
            ("forensische-zorg", "Forensische Zorg", "uitvoering"),
            ("jeugd", "Justitiële Jeugdinrichtingen", "uitvoering"),
            ("bedrijfsvoering", "Bedrijfsvoering", "bedrijfsvoering"),
        ),
    ),
    (
        "ind",
        "jenv",
        "IND",
        "Immigratie- en Naturalisatiedienst",
        AGENCY,
        5500,
        "migration",
        (
            "rijswijk-visseringlaan-25",
            "zwolle-hanzelaan-310",
            "den-bosch-leeghwaterlaan-14",
            "ter-apel-sluisweg-1",
            "amsterdam-ijdok-29",
        ),
        (
            ("asiel", "Asiel en Bescherming", "uitvoering"),
            ("regulier", "Regulier Verblijf en Nederlanderschap", "uitvoering"),
            ("klant", "Klantpartners", "uitvoering"),
            ("bedrijfsvoering", "Bedrijfsvoering", "bedrijfsvoering"),
        ),
    ),
    (
        "cjib",
        "jenv",
        "CJIB",
        "Centraal Justitieel Incassobureau",
        AGENCY,
        1800,
        "justice",
        ("leeuwarden-zuidersingel-2",),
        (),
    ),
    ("justis", "jenv", "Justis", "Dienst Justis", AGENCY, 350, "justice", ("dh-turfmarkt-147",), ()),
    (
        "justid",
        "jenv",
        "Justid",
        "Justitiële Informatiedienst",
        AGENCY,
        330,
        "justice",
        ("dh-turfmarkt-147", "almere-stationsplein-10"),
        (),
    ),
    (
        "nfi",
        "jenv",
        "NFI",
        "Nederlands Forensisch Instituut",
        AGENCY,
        700,
        "justice",
        ("dh-laan-van-nieuw-oost-indie-300",),
        (),
    ),
    (
        "dtenv",
        "jenv",
        "DTenV",
        "Dienst Terugkeer en Vertrek",
        AGENCY,
        650,
        "migration",
        ("dh-turfmarkt-147", "ter-apel-sluisweg-1"),
        (),
    ),
    (
        "duo",
        "ocw",
        "DUO",
        "Dienst Uitvoering Onderwijs",
        AGENCY,
        3200,
        "culture",
        ("groningen-kempkensberg-12", "zoetermeer-europaweg-4"),
        (),
    ),
    (
        "nationaal-archief",
        "ocw",
        "NA",
        "Nationaal Archief",
        AGENCY,
        250,
        "culture",
        ("dh-prins-clauslaan-8",),
        (),
    ),
    (
        "rce",
        "ocw",
        "RCE",
        "Rijksdienst voor het Cultureel Erfgoed",
        AGENCY,
        320,
        "culture",
        ("amersfoort-smallepad-5",),
        (),
    ),
    (
        "rvo",
        "ez",
        "RVO",
        "Rijksdienst voor Ondernemend Nederland",
        AGENCY,
        5000,
        "economy",
        ("dh-prinses-beatrixlaan-2", "zwolle-hanzelaan-310", "assen-europaweg-3", "utrecht-griffioenlaan-2"),
        (),
    ),
    (
        "rijkswaterstaat",
        "ienw",
        "RWS",
        "Rijkswaterstaat",
        AGENCY,
        10000,
        "water",
        (
            "utrecht-griffioenlaan-2",
            "rijswijk-visseringlaan-25",
            "lelystad-zuiderwagenplein-2",
            "arnhem-eusebiusbuitensingel-60",
            "middelburg-kanaalweg-3",
            "den-bosch-leeghwaterlaan-14",
            "groningen-europaweg-29",
            "haarlem-dreef-3",
            "maastricht-avenue-ceramique-1",
        ),
        (
            ("gpo", "Grote Projecten en Onderhoud", "uitvoering"),
            ("wvl", "Water, Verkeer en Leefomgeving", "onderzoek"),
            ("pplusd", "Programma's, Projecten en Onderhoud", "uitvoering"),
            ("cib", "Centrale Informatievoorziening", "ict"),
            ("regio", "Regionale Diensten", "uitvoering"),
            ("bedrijfsvoering", "Bedrijfsvoering", "bedrijfsvoering"),
        ),
    ),
    (
        "knmi",
        "ienw",
        "KNMI",
        "Koninklijk Nederlands Meteorologisch Instituut",
        AGENCY,
        500,
        "weather",
        ("de-bilt-utrechtseweg-297",),
        (
            ("weer", "Weer en Klimaatdiensten", "onderzoek"),
            ("rdsa", "R&D Seismologie en Akoestiek", "onderzoek"),
            ("informatie", "Informatie en Data", "ict"),
        ),
    ),
    (
        "rivm",
        "vws",
        "RIVM",
        "Rijksinstituut voor Volksgezondheid en Milieu",
        AGENCY,
        2200,
        "health",
        ("bilthoven-antonie-van-leeuwenhoeklaan-9",),
        (
            ("infectieziekten", "Centrum Infectieziektebestrijding", "onderzoek"),
            ("milieu", "Milieu en Veiligheid", "onderzoek"),
            ("volksgezondheid", "Volksgezondheid en Zorg", "onderzoek"),
            ("bedrijfsvoering", "Bedrijfsvoering", "bedrijfsvoering"),
        ),
    ),
    (
        "cibg",
        "vws",
        "CIBG",
        "CIBG",
        AGENCY,
        600,
        "health",
        ("dh-wijnhaven-3", "heerlen-oliemolenstraat-5"),
        (),
    ),
    (
        "cbg",
        "vws",
        "CBG",
        "College ter Beoordeling van Geneesmiddelen",
        AGENCY,
        450,
        "health",
        ("utrecht-graadt-van-roggenweg-500",),
        (),
    ),
    (
        "dus-i",
        "vws",
        "DUS-I",
        "Dienst Uitvoering Subsidies aan Instellingen",
        AGENCY,
        300,
        "health",
        ("dh-wijnhaven-3",),
        (),
    ),
    (
        "rijksvastgoedbedrijf",
        "bzk",
        "RVB",
        "Rijksvastgoedbedrijf",
        AGENCY,
        1300,
        "housing",
        ("dh-wijnhaven-3", "utrecht-griffioenlaan-2", "zwolle-hanzelaan-310", "den-bosch-leeghwaterlaan-14"),
        (),
    ),
    (
        "rcn",
        "bzk",
        "RCN",
        "Rijksdienst Caribisch Nederland",
        AGENCY,
        600,
        "general",
        ("dh-turfmarkt-147",),
        (),
    ),
    (
        "dio",
        "bz",
        "DIO",
        "Dienst ICT en Ondersteuning Postennet",
        AGENCY,
        400,
        "general",
        ("dh-rijnstraat-8",),
        (),
    ),
    # shared-service organisations
    (
        "p-direkt",
        "bzk",
        "P-Direkt",
        "P-Direkt",
        SSO,
        900,
        "general",
        ("dh-wijnhaven-3", "heerlen-oliemolenstraat-5"),
        (),
    ),
    (
        "logius",
        "bzk",
        "Logius",
        "Logius",
        SSO,
        900,
        "general",
        ("dh-wijnhaven-3", "apeldoorn-europaweg-110"),
        (),
    ),
    (
        "ssc-ict",
        "bzk",
        "SSC-ICT",
        "SSC-ICT",
        SSO,
        1400,
        "general",
        ("dh-wijnhaven-3", "zoetermeer-europaweg-4"),
        (),
    ),
    (
        "fmh",
        "bzk",
        "FMH",
        "Facilitair Management Haaglanden",
        SSO,
        1300,
        "general",
        ("dh-schedeldoekshaven-200", "rijswijk-visseringlaan-25"),
        (),
    ),
    (
        "ubr",
        "bzk",
        "UBR",
        "Uitvoeringsorganisatie Bedrijfsvoering Rijk",
        SSO,
        1000,
        "general",
        ("dh-turfmarkt-147", "utrecht-griffioenlaan-2"),
        (),
    ),
    (
        "dictu",
        "ez",
        "DICTU",
        "Dienst ICT Uitvoering",
        SSO,
        1500,
        "general",
        ("dh-bezuidenhoutseweg-73", "assen-europaweg-3", "zwolle-hanzelaan-310"),
        (),
    ),
    ("doc-direkt", "bzk", "Doc-Direkt", "Doc-Direkt", SSO, 400, "general", ("zoetermeer-europaweg-4",), ()),
    # inspectorates
    (
        "nvwa",
        "lnv",
        "NVWA",
        "Nederlandse Voedsel- en Warenautoriteit",
        INSPECTORATE,
        2800,
        "food",
        (
            "utrecht-catharijnesingel-59",
            "zwolle-burgemeester-roelenweg-3",
            "eindhoven-fellenoord-41",
            "rotterdam-laan-op-zuid-45",
        ),
        (
            ("veterinair", "Veterinair en Import", "toezicht"),
            ("consument", "Consument en Veiligheid", "toezicht"),
            ("landbouw", "Landbouw en Natuur", "toezicht"),
            ("bedrijfsvoering", "Bedrijfsvoering", "bedrijfsvoering"),
        ),
    ),
    (
        "ilt",
        "ienw",
        "ILT",
        "Inspectie Leefomgeving en Transport",
        INSPECTORATE,
        1150,
        "environment",
        ("utrecht-graadt-van-roggenweg-500", "dh-rijnstraat-8"),
        (),
    ),
    (
        "nla",
        "szw",
        "NLA",
        "Nederlandse Arbeidsinspectie",
        INSPECTORATE,
        1600,
        "labour",
        (
            "utrecht-graadt-van-roggenweg-500",
            "groningen-europaweg-29",
            "zwolle-hanzelaan-310",
            "tilburg-ringbaan-west-300",
        ),
        (),
    ),
    (
        "igj",
        "vws",
        "IGJ",
        "Inspectie Gezondheidszorg en Jeugd",
        INSPECTORATE,
        800,
        "health",
        ("utrecht-catharijnesingel-59",),
        (),
    ),
    (
        "inspectie-onderwijs",
        "ocw",
        "IvhO",
        "Inspectie van het Onderwijs",
        INSPECTORATE,
        500,
        "culture",
        ("utrecht-graadt-van-roggenweg-500",),
        (),
    ),
    (
        "inspectie-jenv",
        "jenv",
        "Inspectie JenV",
        "Inspectie Justitie en Veiligheid",
        INSPECTORATE,
        80,
        "justice",
        ("dh-turfmarkt-147",),
        (),
    ),
    (
        "sodm",
        "kgg",
        "SodM",
        "Staatstoezicht op de Mijnen",
        INSPECTORATE,
        200,
        "environment",
        ("dh-bezuidenhoutseweg-73", "groningen-europaweg-29"),
        (),
    ),
    (
        "rdi",
        "ez",
        "RDI",
        "Rijksinspectie Digitale Infrastructuur",
        INSPECTORATE,
        330,
        "economy",
        ("groningen-europaweg-29", "amersfoort-smallepad-5"),
        (),
    ),
)

GENERIC_DIRECTORATES = {
    AGENCY: (
        ("uitvoering", "Uitvoering", "uitvoering"),
        ("dienstverlening", "Dienstverlening", "uitvoering"),
        ("informatievoorziening", "Informatievoorziening", "ict"),
        ("bedrijfsvoering", "Bedrijfsvoering", "bedrijfsvoering"),
    ),
    SSO: (
        ("dienstverlening", "Dienstverlening", ""),
        ("ict", "ICT-voorzieningen", "ict"),
        ("bedrijfsvoering", "Bedrijfsvoering", "bedrijfsvoering"),
    ),
    INSPECTORATE: (
        ("toezicht", "Toezicht", "toezicht"),
        ("handhaving", "Handhaving en Opsporing", "toezicht"),
        ("kennis", "Kennis en Analyse", "onderzoek"),
        ("bedrijfsvoering", "Bedrijfsvoering", "bedrijfsvoering"),
    ),
}

DEPARTMENT_THEMES = {
    "beleid": (
        "Strategie",
        "Beleid",
        "Wetgeving en Beleid",
        "Internationaal",
        "Programma's",
        "Kennis en Strategie",
    ),
    "uitvoering": (
        "Behandeling",
        "Regio Noord",
        "Regio Midden",
        "Regio Zuid",
        "Regio West",
        "Regio Oost",
        "Klantcontact",
        "Processen",
    ),
    "toezicht": ("Toezicht", "Handhaving", "Inspecties", "Risicoanalyse", "Opsporing", "Vergunningen"),
    "ict": (
        "Ontwikkeling",
        "Beheer",
        "Architectuur",
        "Infrastructuur",
        "Data en Analyse",
        "Informatiebeveiliging",
        "Werkplekdiensten",
    ),
    "financien": ("Begroting", "Control", "Financiële Administratie", "Inkoop"),
    "communicatie": ("Woordvoering", "Publiekscommunicatie", "Online"),
    "juridisch": ("Wetgeving", "Bezwaar en Beroep", "Juridisch Advies"),
    "bedrijfsvoering": (
        "HRM",
        "Facilitair",
        "Informatiehuishouding",
        "Control en Planning",
        "Inkoop",
        "Huisvesting",
    ),
    "onderzoek": ("Onderzoek", "Modellering", "Laboratorium", "Monitoring", "Data en Statistiek"),
    "": ("Dienstverlening", "Klantmanagement", "Processen", "Services"),
}


def _expand_directorate(
    nodes: list[CatalogueNode],
    *,
    code: str,
    name: str,
    hint: str,
    fte: float,
    parent: str,
    unit: str,
    ministry: str,
    profile: str,
    locations: tuple[str, ...],
) -> None:
    nodes.append(
        CatalogueNode(
            code, name, "", "directorate", "", parent, locations, unit, ministry, hint, profile, 0.0
        )
    )
    teams = max(2, round(fte / TEAM_FTE))
    departments = max(1, math.ceil(teams / 5))
    themes = DEPARTMENT_THEMES.get(hint, DEPARTMENT_THEMES[""])
    team = 0
    for d in range(departments):
        theme = themes[d % len(themes)] + (f" {d // len(themes) + 1}" if departments > len(themes) else "")
        dep_code = f"{code}-afdeling-{d + 1}"
        nodes.append(
            CatalogueNode(
                dep_code,
                f"Afdeling {theme}",
                "",
                "department",
                "",
                code,
                (),
                unit,
                ministry,
                hint,
                profile,
                0.0,
            )
        )
        n_here = teams // departments + (1 if d < teams % departments else 0)
        for _ in range(n_here):
            team += 1
            nodes.append(
                CatalogueNode(
                    f"{code}-team-{team}",
                    f"Team {theme} {team}",
                    "",
                    "team",
                    "",
                    dep_code,
                    (),
                    unit,
                    ministry,
                    hint,
                    profile,
                    0.0,
                )
            )


def build_catalogue() -> list[CatalogueNode]:
    """Every organisation node, parents before children."""
    nodes: list[CatalogueNode] = []
    for code, abbr, name, core_fte, profile, locs, policy in MINISTRIES:
        nodes.append(
            CatalogueNode(
                code, name, abbr, "ministry", CORE, None, locs, code, code, "", profile, float(core_fte)
            )
        )
        directorates = [(slug, title, P) for slug, title in policy] + list(STAFF)
        share = {slug: (3.0 if hint == P else 1.0) for slug, _, hint in directorates}
        total = sum(share.values())
        for slug, title, hint in directorates:
            _expand_directorate(
                nodes,
                code=f"{code}-{slug}",
                name=title,
                hint=hint,
                fte=core_fte * share[slug] / total,
                parent=code,
                unit=code,
                ministry=code,
                profile=profile,
                locations=locs[:1],
            )
    for code, ministry, abbr, name, category, fte, profile, locs, named in SERVICES:
        nodes.append(
            CatalogueNode(
                code,
                name,
                abbr,
                KIND_BY_CATEGORY[category],
                category,
                ministry,
                locs,
                code,
                ministry,
                "",
                profile,
                float(fte),
            )
        )
        service_directorates = (
            named or GENERIC_DIRECTORATES[category][: (2 if fte < 400 else 3 if fte < 1200 else 4)]
        )
        for i, (slug, title, hint) in enumerate(service_directorates):
            _expand_directorate(
                nodes,
                code=f"{code}-{slug}",
                name=f"{title}",
                hint=hint,
                fte=fte / len(service_directorates),
                parent=code,
                unit=code,
                ministry=ministry,
                profile=profile,
                locations=(locs[i % len(locs)],),
            )
    return nodes


def generator_units(nodes: list[CatalogueNode] | None = None) -> list[Unit]:
    """The catalogue as the generator sees it: units (kerndepartementen and diensten) with their teams."""
    nodes = nodes if nodes is not None else build_catalogue()
    leaves: dict[str, list[tuple[str, str]]] = {}
    for node in nodes:
        if node.kind == "team":
            leaves.setdefault(node.unit_code, []).append((node.code, node.family_hint))
    return [
        Unit(
            code=n.code,
            ministry=n.ministry_code,
            category=n.sector_category,
            weight=n.unit_fte,
            profile=n.profile,
            location_codes=n.location_codes,
            leaves=tuple(leaves[n.code]),
        )
        for n in nodes
        if n.unit_fte > 0
    ]
