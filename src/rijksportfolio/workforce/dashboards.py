# SPDX-License-Identifier: EUPL-1.2
"""The dashboard pages Diversiteit & inclusie, Spreiding, ICT-personeel and Detacheringen > 1 jaar (issue 5,
item 3): each a builder ``(query) -> (sections, extra context)`` for ``workforce.views.PAGES``, over the
panels of ``domain.analytics.panels`` as ``workforce.access`` publishes them (policy, suppression), plus what
an organisation records itself (diversity goals, ICT formation) and the comply-or-explain register."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from rijksportfolio.accounts.policy import can, principal_for
from rijksportfolio.domain.analytics import panels
from rijksportfolio.domain.analytics.goals import GoalProgress, GoalStatus, goal_progress
from rijksportfolio.domain.analytics.publish import Published
from rijksportfolio.domain.charts import Chart, ChartKind, DataTable, Value, published
from rijksportfolio.organisations.models import Organisation
from rijksportfolio.workforce import access, selectors
from rijksportfolio.workforce.display import figure, pct, text, value
from rijksportfolio.workforce.forms import DiversityGoalForm, IctFormationForm, SecondmentExplanationForm
from rijksportfolio.workforce.models import DiversityGoal, DiversityGroup, IctFormation

if TYPE_CHECKING:
    from rijksportfolio.workforce.views import Query

Section = tuple[str, Chart]
GROUPS = ("all", "10-13", "14+", "top")  # the diversity panel's groups, in the order shown
TREND_YEARS = 5  # the women's share on 1 January of this many years before the peildatum


def group_labels() -> dict[str, str]:
    return {str(k): str(v) for k, v in DiversityGroup.choices}


def _known(data: Published, container: Any, key: str) -> bool:
    """Is ``container[key]`` a figure (shown, or hidden with a reason), rather than unknown (a year before the
    history starts, reported as null by the panel itself)?"""
    return container[key] is not None or data.recorded(container, key) is not None


# --- Diversiteit & inclusie ----------------------------------------------------------------------------------


def _women_share_on(
    q: Query, day: dt.date, organisation: Organisation | None, scope: panels.Scope
) -> Published:
    return access.panel_get(
        user=q.request.user, panel="diversity", peildatum=day, organisation=organisation, scope=scope
    )


def _share(data: Published, group: str) -> float | None:
    found = next((g for g in data["women"] if g["group"] == group), None)
    return None if found is None else found["women_share"]


def diversiteit(q: Query) -> tuple[list[Section], dict[str, Any]]:
    data = q.panel("diversity")
    labels = group_labels()
    groups = {g["group"]: g for g in data["women"]}
    women = DataTable(
        title=_("Aandeel vrouwen per groep"),
        row_heading=_("Groep (hoogste schaal)"),
        columns=(_("Aandeel vrouwen (%)"), _("Vrouwen"), _("Medewerkers")),
        rows=tuple(
            (
                labels[name],
                (
                    pct(groups[name]["women_share"]),
                    value(data, groups[name], "women"),
                    value(data, groups[name], "headcount"),
                ),
            )
            for name in GROUPS
            if name in groups
        ),
        decimals=1,
        slug="diversiteit-vrouwen",
        description=_(
            "Iedereen telt mee bij de hoogste schaal van zijn of haar dienstverbanden. Medewerkers met een ander "
            "of onbekend geslacht tellen mee in het totaal, niet als vrouw."
        ),
    )
    all_group = groups.get("all")
    headcount: Value = value(data, all_group, "headcount") if all_group else None
    ages = DataTable(
        title=_("Leeftijdsopbouw"),
        row_heading=_("Leeftijd"),
        columns=(_("Medewerkers"), _("Aandeel (%)")),
        rows=tuple(
            (
                _("%(groep)s jaar") % {"groep": row["group"]},
                (value(data, row, "headcount"), pct(row["share"])),
            )
            for row in data["age_balance"]
        ),
        column_totals=(headcount, 100.0 if published(headcount) else None),
        total_label=_("Totaal"),
        decimals=1,
        slug="diversiteit-leeftijd",
    )
    trend = _women_trend(q, data)
    sections: list[Section] = [
        (
            _("Vrouwen per schaalgroep"),
            Chart(
                ChartKind.BAR,
                women,
                series=(0,),
                description=_("Staafdiagram: het aandeel vrouwen in procenten per groep van schalen."),
            ),
        ),
        (
            _("Leeftijdsbalans"),
            Chart(
                ChartKind.BAR,
                ages,
                series=(0,),
                description=_(
                    "Staafdiagram: medewerkers jonger dan 35, van 35 tot en met 54, en 55 en ouder."
                ),
            ),
        ),
        (
            _("Ontwikkeling van het aandeel vrouwen"),
            Chart(
                ChartKind.LINE,
                trend,
                description=_("Lijndiagram: het aandeel vrouwen in procenten per groep, per jaar."),
            ),
        ),
    ]
    share = pct(all_group["women_share"]) if all_group else None
    extra: dict[str, Any] = {
        "summary": [
            (_("Medewerkers"), text(headcount)),
            (_("Aandeel vrouwen"), text(share) if share is None else f"{text(share, 1)} %"),
        ],
        "goals": None,
    }
    if q.organisation is not None:
        goals, goals_table = _goals(q, q.organisation)
        extra["goals"] = goals
        if goals_table is not None:
            sections.append(
                (
                    _("Doelen van de organisatie"),
                    Chart(
                        ChartKind.BAR,
                        goals_table,
                        description=_(
                            "Staafdiagram: per doel het aandeel vrouwen aan het begin, nu, volgens schema en het "
                            "doel, in procenten."
                        ),
                    ),
                )
            )
        extra["may_set_goals"] = can(
            principal_for(q.request.user),
            "stuurinformatie.set_goals",
            access.organisation_target(q.organisation),
        )
        extra["goal_form"] = DiversityGoalForm(
            initial={"vanaf": q.peildatum.year, "doeljaar": q.peildatum.year + 3}
        )
    return sections, extra


def _women_trend(q: Query, today: Published) -> DataTable:
    """The women's share per group on 1 January of the TREND_YEARS years before the peildatum, and on it
    (``today``: the page's panel)."""
    labels = group_labels()
    days = [dt.date(q.peildatum.year - k, 1, 1) for k in range(TREND_YEARS, 0, -1)]
    rows = []
    for day in [*days, q.peildatum]:
        data = today if day == q.peildatum else _women_share_on(q, day, q.organisation, q.scope)
        rows.append((day.isoformat(), tuple(pct(_share(data, g)) for g in GROUPS)))
    return DataTable(
        title=_("Aandeel vrouwen per groep (%), op 1 januari en op de peildatum"),
        row_heading=_("Datum"),
        columns=tuple(labels[g] for g in GROUPS),
        rows=tuple(rows),
        decimals=1,
        slug="diversiteit-ontwikkeling",
    )


STATUS_TEXT = {
    GoalStatus.NOT_STARTED: lambda: _("Nog niet begonnen"),
    GoalStatus.REACHED: lambda: _("Doel bereikt"),
    GoalStatus.ON_SCHEDULE: lambda: _("Op schema"),
    GoalStatus.BEHIND: lambda: _("Achter op schema"),
    GoalStatus.UNKNOWN: lambda: _(
        "Niet te bepalen: de cijfers zijn afgeschermd of er is niemand in de groep"
    ),
}


def _goals(q: Query, organisation: Organisation) -> tuple[list[dict[str, Any]], DataTable | None]:
    """The organisation's goals with their progress at the peildatum: measured on the organisation's whole
    staff (the page's other filters do not apply to a goal)."""
    goals: list[DiversityGoal] = selectors.diversity_goals(organisation=organisation)
    if not goals:
        return [], None
    scope = panels.Scope(organisations=(organisation.pk,))
    labels = group_labels()
    cache: dict[dt.date, Published] = {}

    def share_on(day: dt.date, group: str) -> float | None:
        if day not in cache:
            cache[day] = _women_share_on(q, day, organisation, scope)
        return _share(cache[day], group)

    rows = []
    shown = []
    for goal in goals:
        baseline = share_on(dt.date(goal.start_year, 1, 1), goal.group)
        current = share_on(q.peildatum, goal.group)
        progress: GoalProgress = goal_progress(
            baseline=baseline,
            current=current,
            target=float(goal.target_pct) / 100,
            start_year=goal.start_year,
            target_year=goal.target_year,
            on=q.peildatum,
        )
        label = _("%(groep)s: %(doel)s %% in %(jaar)s") % {
            "groep": labels[goal.group],
            "doel": text(float(goal.target_pct), 1),
            "jaar": goal.target_year,
        }
        rows.append(
            (
                label,
                (
                    pct(progress.baseline),
                    pct(progress.current),
                    pct(progress.expected),
                    float(goal.target_pct),
                ),
            )
        )
        shown.append(
            {
                "goal": goal,
                "label": label,
                "group": labels[goal.group],
                "status": progress.status.value,
                "status_text": STATUS_TEXT[progress.status](),
                "baseline": text(pct(progress.baseline), 1),
                "current": text(pct(progress.current), 1),
                "expected": text(pct(progress.expected), 1),
                "target": text(float(goal.target_pct), 1),
            }
        )
    table = DataTable(
        title=_("Doelen: aandeel vrouwen (%) aan het begin, nu, volgens schema en het doel"),
        row_heading=_("Doel"),
        columns=(_("Begin"), _("Nu"), _("Volgens schema"), _("Doel")),
        rows=tuple(rows),
        decimals=1,
        slug="diversiteit-doelen",
        description=_(
            "Gemeten over de hele organisatie op de peildatum; de beginwaarde op 1 januari van het beginjaar. "
            "Volgens schema: de rechte lijn van de beginwaarde naar het doel aan het eind van het doeljaar."
        ),
    )
    return shown, table


# --- Spreiding -------------------------------------------------------------------------------------------------


def _province_label(name: str) -> str:
    return name or _("Onbekend")


def spreiding(q: Query) -> tuple[list[Section], dict[str, Any]]:
    head = q.panel("headcount")
    data = q.panel("spreiding")
    provinces = sorted(data["provinces"], key=lambda p: (p["province"] == "", p["province"]))
    per_province = DataTable(
        title=_("Medewerkers en fte per provincie van de standplaats"),
        row_heading=_("Provincie"),
        columns=(_("Medewerkers"), _("Fte (afgerond)")),
        rows=tuple(
            (_province_label(p["province"]), (value(data, p, "headcount"), value(data, p, "fte")))
            for p in provinces
        ),
        column_totals=(value(head, head, "headcount"), value(head, head, "fte")),
        total_label=_("Totaal"),
        decimals=1,
        slug="spreiding-provincie",
        description=_("Onbekend: medewerkers zonder standplaats in de gegevens."),
    )
    municipalities = DataTable(
        title=_("Medewerkers en fte per gemeente van de standplaats"),
        row_heading=_("Gemeente (provincie)"),
        columns=(_("Medewerkers"), _("Fte (afgerond)")),
        rows=tuple(
            (
                _("%(gemeente)s (%(provincie)s)")
                % {
                    "gemeente": m["municipality"] or _("Onbekend"),
                    "provincie": _province_label(p["province"]),
                },
                (value(data, m, "headcount"), value(data, m, "fte")),
            )
            for p in provinces
            for m in sorted(p["municipalities"], key=lambda m: m["municipality"])
        ),
        decimals=1,
        slug="spreiding-gemeente",
        description=_(
            "Gemeenten van een provincie waarvan het aantal is afgeschermd, staan er niet bij. De aantallen per "
            "gemeente tellen op tot het aantal van de provincie."
        ),
    )
    sections: list[Section] = [
        (
            _("Per provincie"),
            Chart(
                ChartKind.BAR,
                per_province,
                series=(0,),
                description=_("Staafdiagram: medewerkers per provincie van de standplaats."),
            ),
        )
    ]
    extra = {
        "summary": [
            (_("Medewerkers"), figure(head, head, "headcount")),
            (
                _("Provincies met medewerkers"),
                str(sum(1 for p in provinces if p["province"] and p["headcount"] != 0)),
            ),
        ],
        "municipalities": municipalities if municipalities.rows else None,
        "tables": [municipalities] if municipalities.rows else [],
    }
    return sections, extra


# --- ICT-personeel -------------------------------------------------------------------------------------------


def _ict_occupancy(q: Query, organisation: Organisation) -> Published:
    return access.panel_get(
        user=q.request.user,
        panel="headcount",
        peildatum=q.peildatum,
        organisation=organisation,
        scope=panels.Scope(organisations=(organisation.pk,), job_family=panels.ICT_FAMILY),
    )


def ict(q: Query) -> tuple[list[Section], dict[str, Any]]:
    data = q.panel("ict")
    external = data["external"]
    years = [y for y in data["years"] if any(_known(data, y, k) for k in ("inflow", "mobility", "outflow"))]
    flows = DataTable(
        title=_("ICT-personeel: instroom, mobiliteit en uitstroom per jaar (personen)"),
        row_heading=_("Jaar"),
        columns=(_("Instroom van buiten het Rijk"), _("Mobiliteit binnen het Rijk"), _("Uitstroom")),
        rows=tuple(
            (str(y["year"]), tuple(value(data, y, k) for k in ("inflow", "mobility", "outflow")))
            for y in years
        ),
        slug="ict-stromen",
    )
    staff = DataTable(
        title=_("ICT-personeel en externe inhuur voor ICT op de peildatum"),
        row_heading=_("Soort"),
        columns=(_("Personen"), _("Fte (afgerond)")),
        rows=(
            (_("ICT-personeel (in dienst)"), (value(data, data, "headcount"), value(data, data, "fte"))),
            (_("Externe inhuur ICT"), (value(data, external, "headcount"), value(data, external, "fte"))),
        ),
        decimals=1,
        slug="ict-personeel",
        description=_("Externe inhuur is geen personeel; zij staat ernaast, zoals in het KWIV."),
    )
    sections: list[Section] = [
        (
            _("Personeel en externe inhuur"),
            Chart(
                ChartKind.BAR,
                staff,
                series=(1,),
                description=_("Staafdiagram: fte van het ICT-personeel en van de externe inhuur voor ICT."),
            ),
        ),
        (
            _("Stromen per jaar"),
            Chart(
                ChartKind.LINE,
                flows,
                description=_("Lijndiagram: instroom, mobiliteit en uitstroom van ICT-personeel per jaar."),
            ),
        ),
    ]
    year = q.peildatum.year
    formations: list[IctFormation] = selectors.ict_formations(organisation=q.organisation, year=year)
    rows = []
    for formation in formations:
        occupied = _ict_occupancy(q, formation.organisation)
        fte = value(occupied, occupied, "fte")
        places = float(formation.fte)
        rate: Value = None
        gap: Value = None
        number = published(fte)
        if number is not None:
            rate = round(100 * number / places, 1) if places else None
            gap = round(places - float(number), 1)
        rows.append(
            (formation.organisation.name, (places, fte, gap, rate, value(occupied, occupied, "headcount")))
        )
    formation_table = DataTable(
        title=_("ICT-formatie en bezetting in %(jaar)s") % {"jaar": year},
        row_heading=_("Organisatie"),
        columns=(
            _("Formatie (fte)"),
            _("Bezetting (fte)"),
            _("Formatie min bezetting (fte)"),
            _("Bezettingsgraad (%)"),
            _("ICT-medewerkers"),
        ),
        rows=tuple(rows),
        decimals=1,
        slug="ict-formatie",
        description=_(
            "Formatie: de formatieplaatsen die de organisatie voor ICT heeft vastgelegd, voor de organisatie en "
            "alles eronder. Bezetting: de fte van het ICT-personeel daar op de peildatum (alle filters behalve "
            "de organisatie gelden niet)."
        ),
    )
    if rows:
        sections.insert(
            0,
            (
                _("Formatie en bezetting"),
                Chart(
                    ChartKind.BAR,
                    formation_table,
                    series=(0, 1),
                    description=_("Staafdiagram: per organisatie de ICT-formatie en de bezetting in fte."),
                ),
            ),
        )
    extra: dict[str, Any] = {
        "summary": [
            (_("ICT-medewerkers"), figure(data, data, "headcount")),
            (_("Fte ICT-personeel"), figure(data, data, "fte", 1)),
            (_("Externe inhuur ICT (personen)"), figure(data, external, "headcount")),
        ],
        "formations": formations,
        "formation_year": year,
    }
    principal = principal_for(q.request.user)
    settable = [
        o
        for o in _subtree(q.organisation)
        if can(principal, "stuurinformatie.set_formation", access.organisation_target(o))
    ]
    extra["formation_organisations"] = {o.pk for o in settable}
    if settable:
        extra["formation_form"] = IctFormationForm(
            organisations=settable, initial={"jaar": year, "organisatie": settable[0].code}
        )
    return sections, extra


def _subtree(organisation: Organisation | None) -> list[Organisation]:
    if organisation is None:
        return []
    return list(Organisation.objects.filter(path__startswith=organisation.path).order_by("path"))


# --- Detacheringen > 1 jaar --------------------------------------------------------------------------------


def detacheringen(q: Query) -> tuple[list[Section], dict[str, Any]]:
    data = q.panel("secondments")
    durations = DataTable(
        title=_("Lopende detacheringen naar duur"),
        row_heading=_("Duur"),
        columns=(_("Detacheringen"),),
        rows=(
            (_("Langer dan een jaar"), (value(data, data, "over_one_year"),)),
            (_("Tot en met een jaar"), (value(data, data, "up_to_one_year"),)),
        ),
        column_totals=(value(data, data, "secondments"),),
        total_label=_("Totaal"),
        slug="detacheringen-duur",
        description=_(
            "Een detachering telt vanaf het begin van een onafgebroken reeks detacheringen van dezelfde persoon."
        ),
    )
    sections: list[Section] = [
        (
            _("Detacheringen naar duur"),
            Chart(
                ChartKind.BAR,
                durations,
                description=_(
                    "Staafdiagram: lopende detacheringen langer dan een jaar en tot en met een jaar."
                ),
            ),
        )
    ]
    extra: dict[str, Any] = {
        "summary": [
            (_("Lopende detacheringen"), figure(data, data, "secondments")),
            (_("Langer dan een jaar"), figure(data, data, "over_one_year")),
        ],
        "register": None,
    }
    principal = principal_for(q.request.user)
    if (
        not q.aggregates_only
        and q.organisation is not None
        and can(principal, "stuurinformatie.view_register", access.organisation_target(q.organisation))
    ):
        register = access.secondment_register_get(
            user=q.request.user, peildatum=q.peildatum, organisation=q.organisation
        )
        names = Organisation.objects.in_bulk([r["organisation"] for r in register])
        for row in register:
            org = names.get(row["organisation"])
            row["organisation_name"] = org.name if org else ""
            row["years"] = round(row["days"] / 365.25, 1)
            for key in ("since", "planned_end", "explanation_planned_end"):  # ISO strings: dates for display
                row[f"{key}_date"] = dt.date.fromisoformat(row[key]) if row[key] else None
            row["form"] = SecondmentExplanationForm(
                initial={
                    "toelichting": row["explanation"],
                    "verwachte_einddatum": row["explanation_planned_end"],
                },
                prefix=f"d{row['employment']}",
            )
        extra["register"] = register
        extra["explained"] = sum(1 for r in register if r["explanation"])
    return sections, extra
