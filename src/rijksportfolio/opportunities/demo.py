# SPDX-License-Identifier: EUPL-1.2
"""Demo opportunities (vacatures, projecten, klussen) for the embedded demo, owned by the demo accounts of
``accounts/demo.py``. Only for the embedded demo.

Everything goes through the services — ``opportunity_create``, ``opportunity_skills_set``,
``opportunity_publish``, ``opportunity_close`` for the opportunities, the portfolio services for the demo
employee — with the demo accounts as actors, so audit rows, alerts and matching freshness are as for real use.

Required skills are drawn from the generated Rijk: each opportunity names job titles of the generator
(``domain/generator/titles.py``); its essential skills are the ESCO essential skills of the first title's
occupation that most colleagues share for matching (consent and a skills profile visible to every civil
servant), its nice-to-have skills those of the other titles (else the occupation's optional skills). So every
published opportunity has colleagues who fit it. Ties go by skill URI: the same Rijk gives the same skills.

Idempotent: the titles are the natural key. When any demo opportunity exists nothing is created again (what
the demo's users changed since stays as it is). The demo employee is prepared once, on the first run, as a
demo user would do it in *Mijn portfolio*: the suggested skills of their own occupation, some project skills,
and consent to matching; a later run only reports whether that consent is (still) there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from rijksportfolio.accounts.models import RoleAssignment, User
from rijksportfolio.domain.generator.titles import TITLES
from rijksportfolio.opportunities.constants import OpportunityKind, OpportunityStatus, WorkMode
from rijksportfolio.opportunities.models import Opportunity
from rijksportfolio.opportunities.services import (
    RequiredSkill,
    opportunity_close,
    opportunity_create,
    opportunity_publish,
    opportunity_skills_set,
)
from rijksportfolio.organisations.models import Location, Organisation
from rijksportfolio.portfolios.constants import SkillLevel
from rijksportfolio.portfolios.selectors import skill_holders_findable, skill_suggestions_for
from rijksportfolio.portfolios.services import (
    portfolio_ensure,
    portfolio_matching_consent_set,
    portfolio_skill_set,
)
from rijksportfolio.skills.models import OccupationSkill, Skill

VACANCY, PROJECT, GIG = OpportunityKind.VACANCY, OpportunityKind.PROJECT, OpportunityKind.GIG
HYBRID, ON_SITE, REMOTE = WorkMode.HYBRID, WorkMode.ON_SITE, WorkMode.REMOTE
DRAFT, PUBLISHED, CLOSED = OpportunityStatus.DRAFT, OpportunityStatus.PUBLISHED, OpportunityStatus.CLOSED
BASIC, ADVANCED, EXPERIENCED = SkillLevel.BASIC, SkillLevel.ADVANCED, SkillLevel.EXPERIENCED
TEAM = ""  # organisation of the leidinggevende's own team
MANAGER = "leidinggevende"
FALLBACK = {MANAGER: "hr-adviseur"}

EMPLOYEE = "medewerker"
# The demo employee's side line: the project skills they add to their profile (besides their own occupation's).
EMPLOYEE_EXTRA_TITLE = "projectleider"
EMPLOYEE_OWN_SKILLS = 6
EMPLOYEE_EXTRA_SKILLS = 3


@dataclass(frozen=True)
class DemoOpportunity:
    """One demo opportunity. ``titles``: job titles of the generator; the first gives the essential skills."""

    kind: str
    title: str
    owner: str  # demo username
    organisation: str  # organisation code; TEAM = the leidinggevende's team
    description: str
    titles: tuple[str, ...]
    essential: int = 3
    nice: int = 1
    level: str = ADVANCED  # minimum level of the first two essential skills (the others: basis)
    work_mode: str = HYBRID
    scale: tuple[int, int] | None = None
    hours: int | None = None
    starts_in_weeks: int | None = None
    weeks: int | None = None
    languages: tuple[str, ...] = ("nl",)
    status: str = PUBLISHED


D = DemoOpportunity
DEMO_OPPORTUNITIES: tuple[DemoOpportunity, ...] = (
    # --- vacatures -------------------------------------------------------------------------------------------
    D(VACANCY, "Beleidsmedewerker digitale overheid", "hr-adviseur", "bzk-dgdoo",
      "Je werkt mee aan beleid voor een digitale overheid die voor iedereen werkt: begrijpelijke online "
      "diensten, veilige digitale identiteit en goede informatiehuishouding. Je schrijft notities voor de "
      "bewindspersoon, overlegt met uitvoeringsorganisaties en gemeenten en bereidt Kamerdebatten voor.",
      ("beleidsmedewerker", "informatieanalist"), essential=4, scale=(10, 11)),
    D(VACANCY, "Senior beleidsadviseur woningbouw", "hr-adviseur", "bzk-dgvb",
      "Er moeten de komende jaren veel betaalbare woningen bij. Jij adviseert over de afspraken met provincies "
      "en gemeenten, volgt de voortgang van de woondeals en zoekt oplossingen als projecten vastlopen.",
      ("beleidsadviseur", "projectleider"), essential=4, nice=2, level=EXPERIENCED, scale=(11, 12)),
    D(VACANCY, "Wetgevingsjurist bouwregelgeving", "hr-adviseur", "bzk-wjz",
      "Je schrijft wetten en regels over bouwen en wonen, van eerste schets tot behandeling in de Tweede Kamer. "
      "Je let op uitvoerbaarheid en samenhang met de Omgevingswet en werkt nauw samen met beleidsdirecties.",
      ("wetgevingsjurist", "jurist"), essential=4, level=EXPERIENCED, scale=(11, 13)),
    D(VACANCY, "Communicatieadviseur Koninkrijksrelaties", "hr-adviseur", "bzk-communicatie",
      "Je adviseert de directie Koninkrijksrelaties over communicatie met inwoners van Bonaire, Sint Eustatius "
      "en Saba, schrijft berichten voor de website en sociale media en bereidt werkbezoeken mee voor.",
      ("communicatieadviseur", "webredacteur"), scale=(10, 11), languages=("nl", "en", "pap")),
    D(VACANCY, "Financieel adviseur begroting en verantwoording", "hr-adviseur", "bzk-fez",
      "Je stelt mee de begroting en het jaarverslag van BZK op, adviseert directies over hun budgetten en "
      "signaleert op tijd over- en onderbesteding. Je werkt in een klein team met korte lijnen.",
      ("financieel adviseur", "controller"), essential=4, scale=(10, 11)),
    D(VACANCY, "HR-adviseur organisatieontwikkeling", "hr-adviseur", "bzk-bedrijfsvoering",
      "Je adviseert leidinggevenden over formatie, functiebeschrijvingen en reorganisaties en begeleidt "
      "teams bij veranderingen. Je kent de CAO Rijk en werkt samen met P-Direkt en de OR.",
      ("HR-adviseur", "opleidingsadviseur"), scale=(10, 11)),
    D(VACANCY, "Informatiemanager", "hr-adviseur", "logius",
      "Logius beheert voorzieningen als DigiD en MijnOverheid. Jij zorgt dat de informatievoorziening aansluit "
      "op wat afnemers nodig hebben, stelt prioriteiten met de productmanagers en bewaakt architectuurkeuzes.",
      ("informatiemanager", "ICT-architect"), essential=4, level=EXPERIENCED, scale=(12, 13)),
    D(VACANCY, "Softwareontwikkelaar (Java en Python)", "hr-adviseur", "ssc-ict",
      "Je bouwt en onderhoudt toepassingen voor ministeries in een scrumteam: van gebruikerswens tot "
      "werkende software in productie. Testen, code reviews en veilig programmeren zijn vanzelfsprekend.",
      ("softwareontwikkelaar", "systeembeheerder"), essential=4, scale=(9, 11)),
    D(VACANCY, "Data-analist uitvoeringsinformatie", "projectleider", "duo",
      "DUO wil beter zien waar studenten en scholen vastlopen. Je maakt analyses en dashboards over "
      "studiefinanciering en onderwijsdata, en legt de uitkomsten helder uit aan beleid en uitvoering.",
      ("data-analist", "statisticus"), essential=4, scale=(10, 11)),
    D(VACANCY, "Inspecteur leefomgeving en transport", "projectleider", "ilt",
      "Je houdt toezicht op bedrijven in transport en milieu: je bereidt inspecties voor, gaat op bezoek, "
      "schrijft rapporten en legt zo nodig maatregelen op. Je werkt deels op locatie bij bedrijven.",
      ("inspecteur", "toezichthouder"), level=BASIC, work_mode=ON_SITE, scale=(9, 11)),
    D(VACANCY, "Security officer", "projectleider", "dictu",
      "Je bewaakt de informatiebeveiliging van de diensten die DICTU levert aan ministeries. Je voert risico-"
      "analyses uit, adviseert over maatregelen volgens de BIO en helpt teams bij incidenten.",
      ("security officer", "ICT-architect"), level=EXPERIENCED, scale=(11, 12)),
    D(VACANCY, "Jurist bezwaar en beroep", "projectleider", "ind",
      "Je behandelt bezwaren tegen besluiten van de IND en vertegenwoordigt de dienst bij de rechtbank. Je "
      "weegt zorgvuldig af en schrijft heldere beslissingen.",
      ("jurist", "behandelaar"), scale=(10, 11)),
    D(VACANCY, "Controller", "projectleider", "rijkswaterstaat",
      "Je adviseert het management van een regionale dienst over geld, risico's en prestaties van grote "
      "onderhoudsprojecten aan wegen en dijken, en houdt de planning-en-controlcyclus op orde.",
      ("controller", "auditor"), essential=4, level=EXPERIENCED, scale=(11, 13)),
    D(VACANCY, "Medewerker klantcontact toeslagen", "projectleider", "toeslagen",
      "Je helpt mensen aan de telefoon en via de chat met vragen over huurtoeslag, zorgtoeslag en "
      "kinderopvangtoeslag. Je legt het geduldig uit en zorgt dat een vraag goed wordt opgevolgd.",
      ("medewerker klantcontact",), nice=0, level=BASIC, work_mode=ON_SITE, scale=(6, 7)),
    D(VACANCY, "Inkoopadviseur", "hr-adviseur", "ubr",
      "Je begeleidt Europese aanbestedingen voor rijksorganisaties, van marktverkenning tot contract, en let "
      "op duurzaam en sociaal inkopen.",
      ("inkoopadviseur", "jurist"), scale=(9, 11)),
    D(VACANCY, "Beleidsmedewerker arbeidsmarkt", "projectleider", "szw-dgwr",
      "Je werkt aan beleid voor een arbeidsmarkt waarin meer mensen duurzaam aan het werk zijn. Deze vacature "
      "is vervuld.",
      ("beleidsmedewerker",), scale=(10, 11), status=CLOSED),
    D(VACANCY, "Teamleider servicedesk", "hr-adviseur", "ssc-ict",
      "Je geeft leiding aan de servicedesk van SSC-ICT. Tekst nog afstemmen met de afdeling.",
      ("teamleider", "servicedeskmedewerker"), scale=(10, 12), status=DRAFT),
    # --- projecten -------------------------------------------------------------------------------------------
    D(PROJECT, "Invoering Wet open overheid bij uitvoeringsorganisaties", "projectleider", "bzk-dgbel",
      "Een project van een jaar om uitvoeringsorganisaties te helpen met actief openbaar maken en het sneller "
      "afhandelen van Woo-verzoeken. Je zet werkafspraken op, deelt goede voorbeelden en volgt de voortgang.",
      ("projectleider", "jurist"), essential=4, nice=2, hours=16, starts_in_weeks=4, weeks=52),
    D(PROJECT, "Projectondersteuning programma rijkshuisvesting", "projectleider", "rijksvastgoedbedrijf",
      "Het Rijksvastgoedbedrijf brengt rijkskantoren samen in minder, duurzamere gebouwen. Je ondersteunt de "
      "programmamanager met planning, risicolijsten en de voortgangsrapportage.",
      ("projectleider", "adviseur bedrijfsvoering"), level=BASIC, hours=12, starts_in_weeks=3, weeks=26),
    D(PROJECT, "Datagedreven toezicht", "projectleider", "ilt",
      "De inspectie wil risico's eerder zien met data. Je werkt in een klein team van inspecteurs en data "
      "scientists aan een risicomodel en toetst het samen met de inspecteurs in de praktijk.",
      ("data scientist", "inspecteur"), hours=16, starts_in_weeks=6, weeks=40),
    D(PROJECT, "Klantreis toeslagen verbeteren", "projectleider", "toeslagen",
      "Samen met burgers en medewerkers brengen we in kaart waar het aanvragen van een toeslag moeilijk is, "
      "en we testen verbeteringen in brieven en op de website.",
      ("adviseur uitvoering", "medewerker klantcontact"), essential=4, hours=12, starts_in_weeks=2, weeks=24),
    D(PROJECT, "Rijksbrede aanpak archivering van e-mail", "projectleider", "nationaal-archief",
      "Ministeries moeten e-mail van bestuurders en sleutelfunctionarissen duurzaam bewaren. Je helpt "
      "organisaties met de invoering: afspraken, techniek en uitleg aan medewerkers.",
      ("documentair informatievoorziener", "informatiemanager"), level=BASIC, hours=8, starts_in_weeks=4,
      weeks=36),
    D(PROJECT, "Onderzoek hybride werken bij het Rijk", "projectleider", "bzk-dgdoo",
      "Hoe werkt hybride werken uit voor samenwerking, inwerken en welzijn? Je zet een vragenlijst en "
      "interviews op, analyseert de uitkomsten en schrijft mee aan het advies.",
      ("onderzoeker", "HR-adviseur"), hours=12, starts_in_weeks=5, weeks=20, work_mode=REMOTE),
    D(PROJECT, "Migratie van vakapplicaties naar de rijkscloud", "projectleider", "ssc-ict",
      "We verhuizen tientallen applicaties van ministeries naar de rijkscloud. Je ontwerpt mee aan de "
      "doelarchitectuur, plant de migraties en zorgt dat beheer en beveiliging goed geregeld zijn.",
      ("ICT-architect", "systeembeheerder"), essential=4, nice=2, level=EXPERIENCED, hours=24,
      starts_in_weeks=4, weeks=52),
    D(PROJECT, "Verduurzaming rijksgebouwen", "projectleider", "kgg-dgkge",
      "Een project om de energietransitie van rijksgebouwen te versnellen: je brengt de opgave in kaart, "
      "maakt afspraken met eigenaren en gebruikers en bewaakt planning en budget.",
      ("projectleider", "beleidsadviseur"), essential=4, hours=16, starts_in_weeks=8, weeks=40),
    D(PROJECT, "Vernieuwing subsidieproces", "projectleider", "rvo",
      "RVO vernieuwt het proces voor het aanvragen en beoordelen van subsidies. Je beschrijft de huidige en de "
      "nieuwe werkwijze en de eisen aan het nieuwe systeem, samen met behandelaars en ontwikkelaars.",
      ("informatieanalist", "adviseur uitvoering"), essential=4, hours=20, starts_in_weeks=3, weeks=30),
    D(PROJECT, "Projectsecretaris programma Werk aan Uitvoering", "projectleider", "bzk-dgdoo",
      "Je houdt het programmabureau draaiende: agenda's, verslagen, actielijsten en de planning van de "
      "stuurgroep. Een goede start om projectervaring op te doen.",
      ("managementassistent", "projectleider"), level=BASIC, nice=2, hours=12, starts_in_weeks=2, weeks=26),
    D(PROJECT, "Verkenning inzet van AI in de uitvoering", "projectleider", "bzk-dgdoo",
      "Een verkenning naar verantwoorde inzet van AI bij uitvoeringsorganisaties. Nog in voorbereiding.",
      ("data scientist", "beleidsadviseur"), hours=16, starts_in_weeks=10, weeks=26, status=DRAFT),
    # --- klussen ---------------------------------------------------------------------------------------------
    D(GIG, "Planning en rapportage van het team in één overzicht", "leidinggevende", TEAM,
      "Ons team houdt planning en uren bij in losse spreadsheets. Wie helpt ons een eenvoudig overzicht te "
      "maken dat iedereen kan bijhouden? Een paar uur per week, een maand of twee.",
      ("data-analist", "managementassistent"), essential=3, level=BASIC, hours=4, starts_in_weeks=2, weeks=8),
    D(GIG, "Meelezen met een beleidsnotitie", "leidinggevende", TEAM,
      "We zoeken een collega met een frisse blik die een beleidsnotitie kritisch leest op logica, "
      "onderbouwing en begrijpelijkheid, en ons in een gesprek feedback geeft.",
      ("beleidsmedewerker",), nice=0, level=BASIC, hours=4, starts_in_weeks=1, weeks=3),
    D(GIG, "Nieuwsbrief van de directie schrijven", "leidinggevende", TEAM,
      "Vier keer per jaar een nieuwsbrief voor de directie: onderwerpen verzamelen, collega's interviewen en "
      "korte, heldere stukjes schrijven.",
      ("communicatiemedewerker", "webredacteur"), level=BASIC, hours=4, starts_in_weeks=3, weeks=12,
      work_mode=REMOTE),
    D(GIG, "Teksten op de website in begrijpelijke taal (B1)", "projectleider", "az-dvo",
      "Een aantal veelgelezen pagina's is te moeilijk. Je herschrijft ze op taalniveau B1 en test ze met "
      "lezers.",
      ("webredacteur", "communicatiemedewerker"), level=ADVANCED, hours=8, starts_in_weeks=2, weeks=6,
      work_mode=REMOTE),
    D(GIG, "Privacytoets (DPIA) voor een nieuw registratiesysteem", "projectleider", "cjib",
      "Het CJIB voert een nieuw registratiesysteem in. Je helpt de gegevensbeschermingseffectbeoordeling op te "
      "stellen en adviseert over maatregelen.",
      ("functionaris gegevensbescherming", "jurist"), level=EXPERIENCED, hours=8, starts_in_weeks=2, weeks=8,
      work_mode=REMOTE),
    D(GIG, "Workshop projectmatig werken geven", "projectleider", "logius",
      "Voor nieuwe collega's zoeken we iemand die twee keer een workshop van een dagdeel geeft over plannen, "
      "risico's en samenwerken in projecten.",
      ("projectleider", "opleidingsadviseur"), essential=3, level=EXPERIENCED, hours=4, starts_in_weeks=4,
      weeks=4),
    D(GIG, "Dashboard verzuimcijfers", "projectleider", "p-direkt",
      "Maak een overzichtelijk dashboard van de verzuimcijfers per organisatie, zodat HR-adviseurs sneller "
      "zien waar aandacht nodig is. Zonder gegevens over personen: alleen totalen.",
      ("data-analist", "medewerker personeelszaken"), hours=8, starts_in_weeks=3, weeks=10, work_mode=REMOTE),
    D(GIG, "Juridische check op modelcontracten", "projectleider", "ubr",
      "We actualiseren de modelcontracten voor inkoop. Je leest ze na op de nieuwe regels en doet voorstellen "
      "voor aanpassingen.",
      ("jurist", "inkoopadviseur"), hours=6, starts_in_weeks=2, weeks=6, work_mode=REMOTE),
    D(GIG, "Enquête onder burgers analyseren", "projectleider", "szw-dgsz",
      "De resultaten van een enquête over de bijstand liggen klaar. Je analyseert de antwoorden, maakt "
      "overzichtelijke tabellen en schrijft een korte samenvatting.",
      ("statisticus", "onderzoeker"), hours=8, starts_in_weeks=1, weeks=6),
    D(GIG, "Mentor voor een rijkstrainee", "leidinggevende", TEAM,
      "Een nieuwe rijkstrainee start bij ons. Wil jij een jaar lang zijn of haar mentor zijn? Eens per twee "
      "weken een gesprek en een aanspreekpunt bij vragen.",
      ("HR-adviseur",), nice=0, level=BASIC, hours=2, starts_in_weeks=4, weeks=52),
    D(GIG, "Opruimen van de gedeelde schijf", "leidinggevende", TEAM,
      "Helpen de gedeelde schijf van het team op te ruimen volgens de archiefregels. Nog uitwerken.",
      ("documentair informatievoorziener",), nice=0, level=BASIC, hours=4, starts_in_weeks=6, weeks=4,
      status=DRAFT),
)  # fmt: skip
del D

DEMO_TITLES = frozenset(o.title for o in DEMO_OPPORTUNITIES)
_OCCUPATION_BY_TITLE = {t.title: t.esco_uri for t in TITLES}


@dataclass(frozen=True)
class DemoOpportunitiesResult:
    created: int
    existing: int
    published: int
    notes: tuple[str, ...]  # lines for the demo command's output (Dutch, like the rest of it)


def _user(username: str) -> User:
    user = User.objects.filter(username=username, is_active=True).select_related("person").first()
    if user is None or user.person is None:
        raise RuntimeError(f"Demo-account {username!r} ontbreekt: maak eerst de demo-accounts aan.")
    return user


def _owners(names: set[str]) -> dict[str, User]:
    """The demo account of each owner; an account without a person (in a small Rijk the leidinggevende's team may
    have nobody else) hands its opportunities to the hr-adviseur, whose scope holds the team."""
    users = {
        u.username: u
        for u in User.objects.filter(username__in=names | set(FALLBACK.values()), is_active=True)
    }
    owners: dict[str, User] = {}
    for name in sorted(names):
        chosen = name
        user = users.get(chosen)
        while (user is None or user.person_id is None) and chosen in FALLBACK:
            chosen = FALLBACK[chosen]
            user = users.get(chosen)
        if user is None or user.person_id is None:
            raise RuntimeError(f"Demo-account {chosen!r} ontbreekt: maak eerst de demo-accounts aan.")
        owners[name] = user
    return owners


def _team_of(username: str) -> Organisation:
    assignment = (
        RoleAssignment.objects.filter(user__username=username, organisation__isnull=False)
        .select_related("organisation")
        .first()
    )
    if assignment is None or assignment.organisation is None:
        raise RuntimeError(f"Demo-account {username!r} ontbreekt of heeft geen team.")
    return assignment.organisation


class _SkillPicker:
    """Skills of an occupation, the ones most colleagues share for matching first (ties by URI)."""

    def __init__(self, titles: set[str]) -> None:
        unknown = titles - _OCCUPATION_BY_TITLE.keys()
        if unknown:
            raise ValueError(f"unknown job titles: {sorted(unknown)}")
        rows = OccupationSkill.objects.filter(
            occupation__uri__in={_OCCUPATION_BY_TITLE[t] for t in titles}, skill__is_group=False
        ).values_list("occupation__uri", "relation_type", "skill_id", "skill__uri")
        self._skills: dict[tuple[str, str], list[tuple[int, str]]] = {}
        for uri, relation, skill_id, skill_uri in rows:
            self._skills.setdefault((uri, relation), []).append((skill_id, skill_uri))
        held = skill_holders_findable(skill_ids={s for pairs in self._skills.values() for s, _ in pairs})
        for pairs in self._skills.values():
            pairs.sort(key=lambda pair: (-held.get(pair[0], 0), pair[1]))

    def ranked(self, title: str, relation: str = "essential") -> list[int]:
        return [skill_id for skill_id, _uri in self._skills.get((_OCCUPATION_BY_TITLE[title], relation), [])]


def _required(spec: DemoOpportunity, picker: _SkillPicker, skills: dict[int, Skill]) -> list[RequiredSkill]:
    essential = picker.ranked(spec.titles[0])[: spec.essential]
    nice_pool = [s for t in spec.titles[1:] for s in picker.ranked(t)] or picker.ranked(
        spec.titles[0], "optional"
    )
    nice: list[int] = []
    for skill_id in nice_pool:
        if len(nice) == spec.nice:
            break
        if skill_id not in essential and skill_id not in nice:
            nice.append(skill_id)
    return [
        RequiredSkill(skill=skills[s], essential=True, min_level=spec.level if i < 2 else BASIC)
        for i, s in enumerate(essential)
    ] + [RequiredSkill(skill=skills[s], essential=False, min_level=BASIC) for s in nice]


def _create(
    spec: DemoOpportunity,
    *,
    actor: User,
    organisation: Organisation,
    skills: list[RequiredSkill],
    today: date,
) -> Opportunity:
    location = Location.objects.filter(organisations=organisation).order_by("code").first()
    start = today + timedelta(weeks=spec.starts_in_weeks) if spec.starts_in_weeks is not None else None
    end = start + timedelta(weeks=spec.weeks) - timedelta(days=1) if start and spec.weeks else None
    opportunity = opportunity_create(
        actor=actor, kind=spec.kind, title=spec.title, organisation=organisation, description=spec.description,
        location=location if spec.work_mode != REMOTE else None, work_mode=spec.work_mode,
        hours_per_week=spec.hours, start_date=start, end_date=end,
        scale_min=spec.scale[0] if spec.scale else None, scale_max=spec.scale[1] if spec.scale else None,
        languages=spec.languages,
    )  # fmt: skip
    opportunity_skills_set(actor=actor, opportunity=opportunity, skills=skills)
    if spec.status in (PUBLISHED, CLOSED):
        opportunity_publish(actor=actor, opportunity=opportunity)
    if spec.status == CLOSED:
        opportunity_close(actor=actor, opportunity=opportunity)
    return opportunity


def _employee_prepare(picker: _SkillPicker, skills: dict[int, Skill]) -> str:
    """What a demo user does in *Mijn portfolio*: add suggested skills of their own occupation and a few
    project skills they picked up on the side, then give consent to matching. Once; never over a choice
    already made (a portfolio with consent is left as it is)."""
    user = _user(EMPLOYEE)
    portfolio = portfolio_ensure(actor=user)
    if portfolio.matching_consent:
        return "medewerker: had al toestemming voor matching; portfolio ongewijzigd."
    have = set(portfolio.skills.values_list("skill_id", flat=True))
    added = 0
    for skill in skill_suggestions_for(portfolio=portfolio, limit=EMPLOYEE_OWN_SKILLS):
        portfolio_skill_set(actor=user, portfolio=portfolio, skill=skill, level=ADVANCED)
        have.add(skill.pk)
        added += 1
    extra = [s for s in picker.ranked(EMPLOYEE_EXTRA_TITLE) if s not in have][:EMPLOYEE_EXTRA_SKILLS]
    for i, skill_id in enumerate(extra):
        level = ADVANCED if i < 2 else BASIC
        portfolio_skill_set(actor=user, portfolio=portfolio, skill=skills[skill_id], level=level)
        added += 1
    portfolio_matching_consent_set(actor=user, portfolio=portfolio, consent=True)
    return (
        f"medewerker: {added} vaardigheden aan het portfolio toegevoegd en toestemming voor matching gegeven "
        "(zoals een demogebruiker dat in Mijn portfolio doet; intrekken kan in Mijn portfolio)."
    )


def _employee_status() -> str:
    portfolio = getattr(_user(EMPLOYEE).person, "portfolio", None)
    if portfolio is not None and portfolio.matching_consent:
        return "medewerker: heeft toestemming voor matching; Kansen voor mij toont passende kansen."
    return (
        "medewerker: geen toestemming voor matching (ingetrokken?): Kansen voor mij blijft leeg tot die in "
        "Mijn portfolio weer wordt gegeven."
    )


def demo_opportunities_ensure(*, today: date | None = None) -> DemoOpportunitiesResult:
    """Create the demo opportunities (and prepare the demo employee) unless they exist. See the module text."""
    existing = Opportunity.objects.filter(title__in=DEMO_TITLES).count()
    if existing:
        published = Opportunity.objects.filter(title__in=DEMO_TITLES, status=PUBLISHED).count()
        return DemoOpportunitiesResult(0, existing, published, (_employee_status(),))
    today = today or timezone.localdate()
    with transaction.atomic():
        picker = _SkillPicker(
            {t for spec in DEMO_OPPORTUNITIES for t in spec.titles} | {EMPLOYEE_EXTRA_TITLE}
        )
        ids = {s for spec in DEMO_OPPORTUNITIES for t in spec.titles for s in picker.ranked(t)}
        ids |= {s for spec in DEMO_OPPORTUNITIES for s in picker.ranked(spec.titles[0], "optional")}
        skills = Skill.objects.in_bulk(ids)
        note = _employee_prepare(picker, skills)
        owners = {spec.owner for spec in DEMO_OPPORTUNITIES}
        actors = _owners(owners)
        team = _team_of(MANAGER)
        organisations = Organisation.objects.in_bulk(
            {spec.organisation for spec in DEMO_OPPORTUNITIES if spec.organisation}, field_name="code"
        )
        published = 0
        for spec in DEMO_OPPORTUNITIES:
            required = _required(spec, picker, skills)
            if not required:
                raise RuntimeError(f"Geen vaardigheden voor {spec.title!r}: is de ESCO-taxonomie geladen?")
            organisation = organisations[spec.organisation] if spec.organisation else team
            _create(spec, actor=actors[spec.owner], organisation=organisation, skills=required, today=today)
            published += spec.status == PUBLISHED
    return DemoOpportunitiesResult(len(DEMO_OPPORTUNITIES), 0, published, (note,))
