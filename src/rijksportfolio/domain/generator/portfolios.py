# SPDX-License-Identifier: EUPL-1.2
"""Synthetic portfolios for a generated Rijk (framework-free; numpy + ``random.Random``).

Given the people and employment records of a :class:`~rijksportfolio.domain.generator.GeneratedRijk` and the
ESCO occupation → skill relations (essential/optional), this draws for everyone in service at the reference
date whether they have a portfolio and how full it is, their skills profile (skills of their current and
earlier occupations, a few from their job family, levels rising with years in the occupation and salary scale),
CV lines from their employment records (``source="employment"``), education, certificates (issuer, date,
expiry), courses, analytical results, ambitions (wanting to move: horizontal/vertical, inside/outside the Rijk),
the free part, visibility choices, matching consent and availability.

The shares are assumptions (no published figures exist for portfolio use); they are listed in
``docs/synthetic-data.md`` and kept in :data:`SHARES`. Deterministic: one ``numpy.random.Generator`` and one
``random.Random`` derived from ``seed``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from rijksportfolio.domain.generator import params as P
from rijksportfolio.domain.generator.simulate import GeneratedRijk
from rijksportfolio.domain.visibility import SECTIONS, VISIBILITIES

I64 = NDArray[np.int64]

# codes in ``GeneratedPortfolios.visibility``: indices into VISIBILITIES (rijk, op_aanvraag, alleen_ik)
RIJK, ON_REQUEST, PRIVATE = (VISIBILITIES.index(v) for v in ("rijk", "op_aanvraag", "alleen_ik"))
EMPTY, SPARSE, FULL, NONE = 0, 1, 2, 3  # portfolio kinds; NONE = never opened (no portfolio row)

SHARES: dict[str, Any] = {
    # of the people in service at the reference date
    "kind": {"none": 0.25, "empty": 0.15, "sparse": 0.32, "full": 0.28},
    # of the sparse and full portfolios: the owner went through the first-use flow (otherwise all alleen_ik)
    "visibility_chosen": {"sparse": 0.7, "full": 0.95},
    # per section, for those who chose: (rijk, op_aanvraag, alleen_ik)
    "visibility": {
        "dossier": (0.40, 0.30, 0.30),
        "analytisch": (0.10, 0.35, 0.55),
        "ambitie": (0.20, 0.30, 0.50),
        "vrij": (0.50, 0.15, 0.35),
        "vaardigheden": (0.55, 0.20, 0.25),
    },
    "item_override": {"alleen_ik": 0.04, "op_aanvraag": 0.02},
    # matching consent, of those who chose, by visibility of the skills profile (visible to others / alleen_ik)
    "matching_consent": {"skills_shared": 0.60, "skills_private": 0.10},
    "show_endorsements": 0.30,
    "available": {"full": 0.15, "sparse": 0.04},  # hours per week and a start date for hubs and projects
    "wants_to_move": {"full": 0.45, "sparse": 0.08},  # a "volgende loopbaanstap" item
    "vertical_by_age": ((35, 0.55), (50, 0.40), (200, 0.20)),
    "move_where": {"eigen_organisatie": 0.35, "rijk": 0.45, "buiten_rijk": 0.20},
    "analytical": {"full": 0.25, "sparse": 0.02},
    "free": {"full": 0.60, "sparse": 0.05},
    "certificates_mean": {"full": 1.2, "sparse": 0.2},
    "courses_mean": {"full": 1.5, "sparse": 0.2},
    "skills_essential_share": {"full": (0.5, 0.9), "sparse": (0.15, 0.35)},
}

STUDIES = {
    "beleid": ("Bestuurskunde", "Politicologie", "Economie", "Internationale Betrekkingen"),
    "uitvoering": ("Sociaal Juridische Dienstverlening", "Bedrijfsadministratie", "Bedrijfskunde"),
    "toezicht": ("Milieukunde", "Bedrijfskunde", "Integrale Veiligheidskunde"),
    "ict": ("Informatica", "Technische Informatica", "Informatiekunde", "Data Science"),
    "financien": ("Bedrijfseconomie", "Accountancy", "Fiscale Economie"),
    "hrm": ("Personeel en Arbeid", "Arbeids- en organisatiepsychologie", "Human Resource Management"),
    "juridisch": ("Nederlands recht", "Staats- en bestuursrecht", "Fiscaal recht"),
    "communicatie": ("Communicatiewetenschap", "Communicatie", "Journalistiek"),
    "leidinggevend": ("Bestuurskunde", "Bedrijfskunde", "Economie"),
    "bedrijfsvoering": ("Facility Management", "Bedrijfskunde", "Logistiek"),
    "onderzoek": ("Econometrie", "Sociologie", "Natuurkunde", "Statistiek"),
}
INSTITUTIONS = {
    "wo": (
        "Universiteit Leiden",
        "Universiteit Utrecht",
        "Erasmus Universiteit Rotterdam",
        "Rijksuniversiteit Groningen",
        "Radboud Universiteit",
        "Vrije Universiteit Amsterdam",
        "Universiteit van Amsterdam",
        "Tilburg University",
        "Technische Universiteit Delft",
        "Wageningen University & Research",
        "Universiteit Maastricht",
    ),
    "hbo": (
        "Hogeschool Utrecht",
        "De Haagse Hogeschool",
        "Hogeschool van Amsterdam",
        "Fontys Hogescholen",
        "Hanzehogeschool Groningen",
        "Saxion",
        "Hogeschool Rotterdam",
    ),
    "mbo": ("ROC Mondriaan", "ROC van Amsterdam", "Albeda", "ROC Midden Nederland", "Summa College"),
}
# (title, issuer, years valid or 0 = no expiry)
CERTIFICATES = {
    "ict": (
        ("Professional Scrum Master I", "Scrum.org", 0),
        ("ITIL 4 Foundation", "PeopleCert", 0),
        ("Certified Information Systems Security Professional (CISSP)", "ISC2", 3),
        ("Microsoft Certified: Azure Fundamentals", "Microsoft", 0),
        ("TOGAF Enterprise Architecture Foundation", "The Open Group", 0),
        ("AWS Certified Solutions Architect – Associate", "Amazon Web Services", 3),
    ),
    "financien": (("Register Controller (RC)", "Vereniging van Register Controllers", 0),),
    "juridisch": (
        ("Mediator (MfN-register)", "Mediatorsfederatie Nederland", 3),
        ("Certified Information Privacy Professional/Europe (CIPP/E)", "IAPP", 2),
    ),
    "hrm": (("Register Loopbaanprofessional", "Noloc", 3),),
    "toezicht": (
        ("Buitengewoon opsporingsambtenaar (boa)", "Justis", 5),
        ("VCA Basisveiligheid", "SSVV", 10),
    ),
    "uitvoering": (("Klantgericht werken", "SVH", 0),),
    "communicatie": (("Google Analytics Certification", "Google", 1),),
    "onderzoek": (("Certified Data Scientist", "EIT Digital", 0),),
    "": (
        ("PRINCE2 Foundation", "PeopleCert", 0),
        ("IPMA-D Projectmanagement", "IPMA Certificering", 5),
        ("Lean Six Sigma Green Belt", "Lean Six Sigma Groep", 0),
        ("Bedrijfshulpverlening (BHV)", "NIBHV", 1),
        ("Agile Scrum Foundation", "EXIN", 0),
    ),
}
COURSES = (
    ("Schrijven voor het web", "Academie voor Overheidscommunicatie", 16),
    (
        "Werken in een politiek-bestuurlijke omgeving",
        "Rijksacademie voor Financiën, Economie en Bedrijfsvoering",
        24,
    ),
    ("Basiscursus Wet open overheid", "Academie voor Wetgeving", 8),
    ("Data-gedreven werken", "Rijksacademie voor Digitalisering en Informatisering Overheid", 32),
    ("Integriteit in de praktijk", "Rijksoverheid", 4),
    ("Projectmatig werken", "Rijksacademie voor Financiën, Economie en Bedrijfsvoering", 24),
    ("Coachend leidinggeven", "Algemene Bestuursdienst", 40),
    ("Inleiding Europese besluitvorming", "Clingendael", 16),
    ("Privacy en de AVG voor ambtenaren", "Rijksacademie voor Digitalisering en Informatisering Overheid", 8),
    ("Effectief onderhandelen", "Rijksoverheid", 16),
)
EMPLOYERS_OUTSIDE = (
    "Gemeente Utrecht",
    "Gemeente Amsterdam",
    "Gemeente Rotterdam",
    "Provincie Zuid-Holland",
    "Waterschap Rijnland",
    "Deloitte",
    "KPMG",
    "ING",
    "Rabobank",
    "Accenture",
    "Universiteit Leiden",
    "Randstad",
    "KLM",
    "Capgemini",
)
AMBITIONS = (
    "Doorgroeien naar een leidinggevende rol",
    "Meer werken aan beleid met directe impact op burgers",
    "Specialiseren in data en kunstmatige intelligentie",
    "Ervaring opdoen bij een uitvoeringsorganisatie",
    "Internationaal werken, bijvoorbeeld in Brussel",
    "Mijn vakkennis verdiepen en expert worden in mijn vakgebied",
    "Werken aan de energietransitie",
    "Meer projectmatig werken in wisselende teams",
)
WISHED_COURSES = (
    ("Leergang Publiek leiderschap", "Algemene Bestuursdienst"),
    ("Masterclass AI en overheid", "Rijksacademie voor Digitalisering en Informatisering Overheid"),
    ("Leergang Wetgeving", "Academie voor Wetgeving"),
    ("Training Strategisch adviseren", "Rijksoverheid"),
)
PROJECTS = (
    ("Programma Werk aan Uitvoering", "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"),
    ("Hersteloperatie Toeslagen", "Ministerie van Financiën"),
    ("Implementatie Omgevingswet", "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"),
    ("Nationaal Programma Rotterdam-Zuid", "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"),
    ("Migratie naar de Rijkscloud", "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"),
    ("Crisisteam Oekraïne", "Ministerie van Justitie en Veiligheid"),
    ("Hub Stikstof", "Ministerie van Landbouw, Natuur en Voedselkwaliteit"),
)
ROLES = ("projectleider", "lid kernteam", "adviseur", "projectmedewerker", "kwartiermaker")
INTERESTS = (
    "Open data",
    "Duurzaamheid",
    "Hardlopen",
    "Schaken",
    "Vrijwilligerswerk bij de voedselbank",
    "Geschiedenis van het openbaar bestuur",
    "Fotografie",
    "Digitale toegankelijkheid",
)
NETWORKS = (
    "Netwerk Jonge Ambtenaren",
    "Netwerk Vrouwen in de Rijksdienst",
    "Rijksbrede community Datagedreven werken",
    "Netwerk Overheidsjuristen",
    "Regenboognetwerk Rijksoverheid",
)
MEDIA = ("iBestuur", "Binnenlands Bestuur", "Platform O", "Sociale Vraagstukken")
REFLECTIONS = (
    "De feedback bevestigt dat ik sterk ben in samenwerken; ik wil meer ruimte nemen in overleggen.",
    "Ik herken het beeld. Ik ga bewuster prioriteren en vaker nee zeggen.",
    "Verrassend was dat collega's mijn analyses waarderen maar de vertaling naar advies missen.",
    "Een nuttige spiegel: ik werk verder aan feedback geven en ontvangen.",
)
INSTRUMENTS = ("Big Five (NEO-PI-3)", "Drijfverenanalyse", "Capaciteitentest (verbaal en numeriek)", "MBTI")
ASSESSMENT_BUREAUS = ("LTP", "NOA", "GITP", "Rijksoverheid Assessmentcentrum")


@dataclass
class GeneratedPortfolios:
    """Rows of synthetic portfolios; indices refer to persons/records of the ``GeneratedRijk``.

    Items are Python lists (heterogeneous text); ``item_skills`` links item index → skill id (tags),
    ``evidence_links`` links skill row index → item index (the item supports the skill).
    """

    person: I64  # person index per portfolio
    kind: I64  # EMPTY / SPARSE / FULL
    visibility: NDArray[np.int8]  # (portfolios, 5) codes into VISIBILITIES, columns as SECTIONS
    chosen: NDArray[np.bool_]
    consent: NDArray[np.bool_]
    show_endorsements: NDArray[np.bool_]
    hours: I64  # 0 = not given
    available_from: I64  # days since epoch, -1 = not given
    headline: list[str]
    skill_portfolio: I64
    skill_id: I64
    skill_level: I64  # 1..4 (basis, gevorderd, ervaren, expert)
    item_portfolio: list[int] = field(default_factory=list)
    item_category: list[str] = field(default_factory=list)
    item_title: list[str] = field(default_factory=list)
    item_body: list[str] = field(default_factory=list)
    item_data: list[dict[str, Any]] = field(default_factory=list)
    item_start: list[dt.date | None] = field(default_factory=list)
    item_end: list[dt.date | None] = field(default_factory=list)
    item_visibility: list[str] = field(default_factory=list)
    item_source: list[str] = field(default_factory=list)
    item_record: list[int] = field(default_factory=list)  # employment record index, -1 = none
    item_skills: list[tuple[int, int]] = field(default_factory=list)
    evidence_links: list[tuple[int, int]] = field(default_factory=list)

    @property
    def portfolios(self) -> int:
        return len(self.person)

    @property
    def items(self) -> int:
        return len(self.item_portfolio)


def _date(days: int) -> dt.date:
    return dt.date(1970, 1, 1) + dt.timedelta(days=int(days))


def _pick(rng: np.random.Generator, probs: Sequence[float], size: int) -> I64:
    p = np.asarray(probs, dtype=float)
    return np.searchsorted(np.cumsum(p / p.sum()), rng.random(size), side="right").astype(np.int64)


def _current_records(rijk: GeneratedRijk) -> tuple[I64, I64]:
    """(person index, record index of the current job) for everyone in service at the reference date.

    With two open records (a second job), the one that started last is the current one."""
    open_rec = np.flatnonzero(rijk.end == -1)
    order = np.lexsort((rijk.start[open_rec], rijk.person[open_rec]))
    recs = open_rec[order]
    persons = rijk.person[recs]
    last = np.r_[persons[1:] != persons[:-1], True]
    return persons[last], recs[last]


def _first_start(rijk: GeneratedRijk, keys: I64) -> dict[int, int]:
    order = np.lexsort((rijk.start, keys))
    k = keys[order]
    first = np.r_[True, k[1:] != k[:-1]]
    return dict(zip(k[first].tolist(), rijk.start[order][first].tolist(), strict=True))


def generate_portfolios(
    rijk: GeneratedRijk,
    *,
    occupation_skills: Sequence[tuple[Sequence[int], Sequence[int]]],
    skill_labels: Mapping[int, str],
    employer_of_leaf: Sequence[str],
    seed: int,
) -> GeneratedPortfolios:
    """Draw portfolios for the people in service at ``rijk.reference_date``.

    ``occupation_skills[i]`` = (essential skill ids, optional skill ids) of ``rijk.occupations[i]`` (empty when
    the taxonomy is not loaded: then nobody gets skills); ``skill_labels`` = label per skill id (for "skill to
    develop" items); ``employer_of_leaf[i]`` = employer name shown on CV lines of records in leaf ``i``.
    """
    rng = np.random.default_rng([seed, 4004])
    rnd = random.Random(seed * 1_000_003 + 4004)
    ref = int(np.datetime64(rijk.reference_date, "D").astype(np.int64))
    persons, current = _current_records(rijk)
    kinds = _pick(rng, [SHARES["kind"][k] for k in ("empty", "sparse", "full", "none")], len(persons))
    keep = kinds != NONE
    persons, current, kinds = persons[keep], current[keep], kinds[keep]
    n = len(persons)

    # visibility: untouched portfolios keep the protective default
    chosen = np.zeros(n, bool)
    for kind, share in (
        (SPARSE, SHARES["visibility_chosen"]["sparse"]),
        (FULL, SHARES["visibility_chosen"]["full"]),
    ):
        mask = kinds == kind
        chosen[mask] = rng.random(int(mask.sum())) < share
    vis = np.full((n, len(SECTIONS)), PRIVATE, dtype=np.int8)
    for col, section in enumerate(SECTIONS):
        drawn = _pick(rng, SHARES["visibility"][section], n).astype(np.int8)
        vis[chosen, col] = drawn[chosen]
    skills_shared = vis[:, SECTIONS.index("vaardigheden")] != PRIVATE
    p_consent = np.where(
        skills_shared,
        SHARES["matching_consent"]["skills_shared"],
        SHARES["matching_consent"]["skills_private"],
    )
    consent = chosen & (rng.random(n) < p_consent)
    show_endorsements = chosen & (rng.random(n) < SHARES["show_endorsements"])
    p_avail = np.select(
        [kinds == FULL, kinds == SPARSE], [SHARES["available"]["full"], SHARES["available"]["sparse"]], 0.0
    )
    available = rng.random(n) < p_avail
    hours = np.where(available, rng.choice(np.array([4, 8, 8, 16, 16, 24]), n), 0).astype(np.int64)
    available_from = np.where(available, ref + rng.integers(0, 180, n), -1).astype(np.int64)

    # facts per person used below
    occ_cur = rijk.occupation[current]
    family_cur = rijk.family[current]
    scale_cur = rijk.scale[current]
    age = (ref - rijk.birth[persons]) / 365.25
    in_occ_since = _first_start(rijk, rijk.person * 10_000 + rijk.occupation)
    in_rijk_since = _first_start(rijk, rijk.person)
    years_in_occ = np.array(
        [
            (ref - in_occ_since[int(p) * 10_000 + int(o)]) / 365.25
            for p, o in zip(persons, occ_cur, strict=True)
        ]
    )
    records_of: dict[int, list[int]] = {}
    person_set = set(persons.tolist())
    for r, p in enumerate(rijk.person.tolist()):
        if p in person_set:
            records_of.setdefault(p, []).append(r)
    family_pool: dict[int, list[int]] = {}
    for f, o in set(zip(rijk.family.tolist(), rijk.occupation.tolist(), strict=True)):
        if o < len(occupation_skills):
            family_pool.setdefault(f, []).extend(occupation_skills[o][0])
    family_pool = {f: sorted(set(v)) for f, v in family_pool.items()}

    out = GeneratedPortfolios(
        person=persons.astype(np.int64),
        kind=kinds.astype(np.int64),
        visibility=vis,
        chosen=chosen,
        consent=consent,
        show_endorsements=show_endorsements,
        hours=hours,
        available_from=available_from,
        headline=[""] * n,
        skill_portfolio=np.zeros(0, np.int64),
        skill_id=np.zeros(0, np.int64),
        skill_level=np.zeros(0, np.int64),
    )
    sk_p: list[int] = []
    sk_id: list[int] = []
    sk_score: list[float] = []
    p_override = SHARES["item_override"]

    def item(
        pi: int,
        category: str,
        title: str,
        data: dict[str, Any],
        *,
        start: dt.date | None = None,
        end: dt.date | None = None,
        body: str = "",
        source: str = "generated",
        record: int = -1,
    ) -> int:
        u = rnd.random()
        visibility = (
            "alleen_ik"
            if u < p_override["alleen_ik"]
            else "op_aanvraag"
            if u < p_override["alleen_ik"] + p_override["op_aanvraag"]
            else ""
        )
        out.item_portfolio.append(pi)
        out.item_category.append(category)
        out.item_title.append(title[:200])
        out.item_body.append(body)
        out.item_data.append(data)
        out.item_start.append(start)
        out.item_end.append(end)
        out.item_visibility.append(visibility)
        out.item_source.append(source)
        out.item_record.append(record)
        return len(out.item_portfolio) - 1

    ref_date = rijk.reference_date
    # Python lists: indexing numpy arrays one scalar at a time is several times slower
    kinds_l, persons_l, current_l = kinds.tolist(), persons.tolist(), current.tolist()
    family_l, scale_l, occ_l = family_cur.tolist(), scale_cur.tolist(), occ_cur.tolist()
    years_l, age_l, birth_l = years_in_occ.tolist(), age.tolist(), rijk.birth.tolist()
    title_of, occ_of, leaf_of = rijk.title.tolist(), rijk.occupation.tolist(), rijk.leaf.tolist()
    start_of, end_of = rijk.start.tolist(), rijk.end.tolist()
    occ_lists = [(list(e), list(o)) for e, o in occupation_skills]
    epoch = dt.date(1970, 1, 1)
    for pi in range(n):
        kind = kinds_l[pi]
        if kind == EMPTY:
            continue
        full = kind == FULL
        tier = "full" if full else "sparse"
        p = persons_l[pi]
        fam = family_l[pi]
        fam_name = P.FAMILIES[fam]
        scale = scale_l[pi]
        title_now = rijk.titles[title_of[current_l[pi]]]
        if full and rnd.random() < 0.7:
            out.headline[pi] = title_now
        # skills profile: current occupation (essential, some optional), earlier occupations, job family
        own: dict[int, float] = {}
        occ = occ_l[pi]
        if occ < len(occ_lists):
            essential, optional = occ_lists[occ]
            lo, hi = SHARES["skills_essential_share"][tier]
            # a share of the occupation's essential skills, at most a profile's usual length
            take = min(
                round(len(essential) * rnd.uniform(lo, hi)), rnd.randint(8, 16) if full else rnd.randint(2, 6)
            )
            for s in rnd.sample(essential, min(take, len(essential))):
                own[s] = 0.4
            for s in rnd.sample(optional, min(len(optional), rnd.randint(0, 4 if full else 1))):
                own.setdefault(s, 0.0)
        earlier = {occ_of[r] for r in records_of[p]} - {occ}
        for o in sorted(earlier):
            if o < len(occ_lists) and occ_lists[o][0]:
                for s in rnd.sample(occ_lists[o][0], min(2, len(occ_lists[o][0]))):
                    own.setdefault(s, 0.2)
        pool = family_pool.get(fam, [])
        if full and pool:
            for s in rnd.sample(pool, min(len(pool), rnd.randint(0, 2))):
                own.setdefault(s, 0.0)
        experience = min(years_l[pi], 20.0) / 6.0 + (scale - 6) / 5.0
        first_skill_row = len(sk_p)
        for s, bonus in own.items():
            sk_p.append(pi)
            sk_id.append(s)
            sk_score.append(1.0 + experience + bonus + rnd.gauss(0.0, 0.6))
        own_list = list(own)

        # CV lines from the employment records (as portfolio_sync_employment does)
        for r in records_of[p]:
            end_day = end_of[r]
            job = rijk.titles[title_of[r]]
            item(
                pi,
                "werkervaring",
                job,
                {"werkgever": employer_of_leaf[leaf_of[r]], "binnen_rijk": True, "functie": job},
                start=epoch + dt.timedelta(days=start_of[r]),
                end=None if end_day < 0 else epoch + dt.timedelta(days=end_day),
                source="employment",
                record=r,
            )
        rijk_start = _date(in_rijk_since[p])
        birth_year = (epoch + dt.timedelta(days=birth_l[p])).year
        if not full and rnd.random() > 0.3:
            continue
        # education: level follows the salary scale
        if scale >= 11:
            level = "wo_master" if rnd.random() < 0.7 else "hbo"
        elif scale >= 8:
            u = rnd.random()
            level = "hbo" if u < 0.6 else "wo_master" if u < 0.85 else "mbo"
        else:
            u = rnd.random()
            level = "mbo" if u < 0.65 else "hbo" if u < 0.85 else "havo"
        kind_inst = "wo" if level.startswith("wo") else "hbo" if level == "hbo" else "mbo"
        grad_year = min(
            birth_year + (24 if kind_inst == "wo" else 22 if kind_inst == "hbo" else 20), rijk_start.year
        )
        study = rnd.choice(STUDIES[fam_name])
        institution = rnd.choice(INSTITUTIONS.get(kind_inst, INSTITUTIONS["mbo"]))
        years = 5 if kind_inst == "wo" else 4 if kind_inst == "hbo" else 3
        item(
            pi,
            "opleiding",
            study,
            {"instelling": institution, "niveau": level, "afgerond": True},
            start=dt.date(grad_year - years, 9, 1),
            end=dt.date(grad_year, 7, 31),
        )
        if full and rnd.random() < 0.5:
            item(
                pi,
                "diploma",
                f"Diploma {study}",
                {"instelling": institution, "datum": f"{grad_year}-07-15"},
            )
        if full and rnd.random() < 0.35:  # work outside the Rijk before joining
            first_year = max(grad_year, rijk_start.year - rnd.randint(2, 8))
            if first_year < rijk_start.year:
                employer = rnd.choice(EMPLOYERS_OUTSIDE)
                item(
                    pi,
                    "werkervaring",
                    title_now,
                    {"werkgever": employer, "binnen_rijk": False, "functie": title_now},
                    start=dt.date(first_year, 1, 1),
                    end=rijk_start - dt.timedelta(days=1),
                )
        # certificates (issuer, date, expiry) and courses
        certs = CERTIFICATES.get(fam_name, ()) + CERTIFICATES[""]
        for _ in range(min(len(certs), int(rnd.expovariate(1 / SHARES["certificates_mean"][tier]) + 0.5))):
            name, issuer, valid = rnd.choice(certs)
            issued = ref_date - dt.timedelta(days=rnd.randint(30, 365 * 8))
            data: dict[str, Any] = {"uitgever": issuer, "datum": issued.isoformat()}
            if valid:
                data["geldig_tot"] = dt.date(
                    issued.year + valid, issued.month, min(issued.day, 28)
                ).isoformat()
            if rnd.random() < 0.5:
                data["nummer"] = f"{rnd.randint(100000, 999999)}"
            item(pi, "certificaat", name, data, start=issued)
        for _ in range(min(len(COURSES), int(rnd.expovariate(1 / SHARES["courses_mean"][tier]) + 0.5))):
            name, provider, uren = rnd.choice(COURSES)
            done = ref_date - dt.timedelta(days=rnd.randint(30, 365 * 6))
            c = item(pi, "cursus", name, {"aanbieder": provider, "uren": uren}, start=done, end=done)
            if own_list and rnd.random() < 0.4:
                s = rnd.choice(own_list)
                out.item_skills.append((c, s))
                out.evidence_links.append((first_skill_row + own_list.index(s), c))
        # analytical part
        if rnd.random() < SHARES["analytical"][tier]:
            year = ref_date.year - rnd.randint(0, 3)
            u = rnd.random()
            reflection = rnd.choice(REFLECTIONS)
            if u < 0.5:
                item(
                    pi,
                    "feedback_360",
                    f"360°-feedback {year}",
                    {"ronde": f"Ronde {year}", "datum": f"{year}-05-01", "reflectie": reflection},
                )
            elif u < 0.8:
                item(
                    pi,
                    "assessment",
                    "Ontwikkelassessment",
                    {
                        "bureau": rnd.choice(ASSESSMENT_BUREAUS),
                        "datum": f"{year}-03-15",
                        "reflectie": reflection,
                    },
                )
            else:
                instrument = rnd.choice(INSTRUMENTS)
                item(
                    pi,
                    "test",
                    instrument,
                    {"instrument": instrument, "datum": f"{year}-10-01", "reflectie": reflection},
                )
        # ambitions
        if full and rnd.random() < 0.6:
            item(pi, "ambitie", rnd.choice(AMBITIONS), {})
            if occ < len(occ_lists):
                candidates = [s for s in occ_lists[occ][1] if s not in own]
                if candidates:
                    s = rnd.choice(candidates)
                    target = ref_date + dt.timedelta(days=rnd.randint(60, 540))
                    d = item(
                        pi,
                        "ontwikkeldoel",
                        skill_labels.get(s, "Vaardigheid"),
                        {"streefdatum": target.isoformat()},
                    )
                    out.item_skills.append((d, s))
            if rnd.random() < 0.4:
                name, provider = rnd.choice(WISHED_COURSES)
                item(pi, "cursuswens", name, {"aanbieder": provider})
        if rnd.random() < SHARES["wants_to_move"][tier]:
            a = age_l[pi]
            p_vertical = next(v for limit, v in SHARES["vertical_by_age"] if a < limit)
            direction = "verticaal" if rnd.random() < p_vertical else "horizontaal"
            where = rnd.choices(list(SHARES["move_where"]), weights=list(SHARES["move_where"].values()))[0]
            label = {
                "eigen_organisatie": "binnen mijn organisatie",
                "rijk": "elders bij het Rijk",
                "buiten_rijk": "buiten het Rijk",
            }[where]
            when = ref_date + dt.timedelta(days=rnd.randint(90, 730))
            item(
                pi,
                "loopbaanstap",
                f"{'Een stap omhoog' if direction == 'verticaal' else 'Ander werk op mijn niveau'} {label}",
                {"richting": direction, "waar": where, "termijn": when.isoformat()},
            )
        # free part
        if rnd.random() < SHARES["free"][tier]:
            if rnd.random() < 0.6:
                name, client = rnd.choice(PROJECTS)
                start = ref_date - dt.timedelta(days=rnd.randint(120, 365 * 5))
                o = item(
                    pi,
                    "opdracht",
                    name,
                    {"opdrachtgever": client, "rol": rnd.choice(ROLES)},
                    start=start,
                    end=start + dt.timedelta(days=rnd.randint(60, 400)),
                )
                for s in rnd.sample(own_list, min(len(own_list), 2)):
                    out.item_skills.append((o, s))
                    out.evidence_links.append((first_skill_row + own_list.index(s), o))
            if rnd.random() < 0.5:
                item(pi, "interesse", rnd.choice(INTERESTS), {})
            if rnd.random() < 0.3:
                item(pi, "netwerk", rnd.choice(NETWORKS), {})
            if rnd.random() < 0.15:
                medium = rnd.choice(MEDIA)
                item(pi, "publicatie", f"Blog: lessen uit {rnd.choice(PROJECTS)[0]}", {"medium": medium})
            if rnd.random() < 0.5:
                item(pi, "profiel", "LinkedIn", {"link": f"https://www.linkedin.com/in/rijk-{seed}-{p + 1}"})

    score = np.array(sk_score, dtype=float)
    out.skill_portfolio = np.array(sk_p, dtype=np.int64)
    out.skill_id = np.array(sk_id, dtype=np.int64)
    out.skill_level = (np.digitize(score, [2.2, 3.2, 4.5]) + 1).astype(np.int64)
    return out


def shares(gen: GeneratedPortfolios, *, in_service: int) -> dict[str, float]:
    """The realised shares (for docs/synthetic-data.md and the bench)."""
    n = max(gen.portfolios, 1)
    vis = gen.visibility
    result = {
        "portfolio": gen.portfolios / max(in_service, 1),
        "empty": float((gen.kind == EMPTY).sum() / n),
        "sparse": float((gen.kind == SPARSE).sum() / n),
        "full": float((gen.kind == FULL).sum() / n),
        "visibility_chosen": float(gen.chosen.mean()) if gen.portfolios else 0.0,
        "matching_consent": float(gen.consent.mean()) if gen.portfolios else 0.0,
        "available": float((gen.hours > 0).mean()) if gen.portfolios else 0.0,
        "skills_per_nonempty": len(gen.skill_id) / max(int((gen.kind != EMPTY).sum()), 1),
        "items_per_nonempty": gen.items / max(int((gen.kind != EMPTY).sum()), 1),
    }
    for col, section in enumerate(SECTIONS):
        for code, name in enumerate(VISIBILITIES):
            result[f"{section}_{name}"] = float((vis[:, col] == code).mean()) if gen.portfolios else 0.0
    for level in range(1, 5):
        result[f"level_{level}"] = float((gen.skill_level == level).mean()) if len(gen.skill_level) else 0.0
    return result
