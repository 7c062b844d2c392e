# SPDX-License-Identifier: EUPL-1.2
"""The annual report (*jaarrapportage*) of the stuurinformatie (issue 5, item 5).

The key tables and charts of one organisation (its subtree) or the Rijk at a peildatum, in the style of the
chapter "Personeel" of the *Jaarrapportage Bedrijfsvoering Rijk*: per theme a short text with the key figures,
then the charts, each with its table. Two formats of the same content:

* **PDF** — HTML rendered by WeasyPrint (``web.pdf``); the charts are the server-side SVG of
  ``domain.charts``, the same drawing the pages show. No browser is involved and nothing is fetched but the
  vendored fonts.
* **XLSX** — every table of the report in one workbook, a sheet per table and a sheet "Toelichting"
  (``web.downloads.tables_xlsx``).

The chapters are built by the dashboard pages' own builders (``views.PAGES``), so every figure is the figure
of the page, suppressed the same way (``domain.analytics.publish``). The report holds aggregates only: the
manager's 3-5-7 list and the secondment register, which name people, are never in it. Who may see the
figures of an organisation may make its report (``stuurinformatie.view``); making one is recorded in the
audit log (an export, without content).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from rijksportfolio.audit.models import AuditAction
from rijksportfolio.audit.services import audit_record
from rijksportfolio.domain.analytics import panels
from rijksportfolio.domain.analytics.publish import Published
from rijksportfolio.domain.charts import DataTable
from rijksportfolio.organisations.models import Organisation
from rijksportfolio.web.downloads import XLSX_TYPE, tables_xlsx
from rijksportfolio.web.pdf import FONT_DIR, html_to_pdf
from rijksportfolio.workforce import access, views

PDF_TYPE = "application/pdf"
FORMATS = ("pdf", "xlsx")
OBJECT_TYPE = "workforce_report"


@dataclass(frozen=True)
class ReportQuery(views.Query):
    """A page query that computes each panel once for the whole report (the texts and the chapters share
    them) and never reaches the person-level parts."""

    aggregates_only: bool = True
    cache: dict[str, Published] = field(default_factory=dict, compare=False, repr=False)

    def panel(self, name: str) -> Published:
        if name not in self.cache:
            self.cache[name] = super().panel(name)
        return self.cache[name]


@dataclass(frozen=True)
class Chapter:
    slug: str
    title: str
    paragraphs: list[str]
    sections: list[views.Section]


@dataclass(frozen=True)
class Report:
    title: str
    organisation: Organisation | None
    peildatum: dt.date
    made_on: dt.date
    chapters: list[Chapter]

    @property
    def subject(self) -> str:
        return self.organisation.name if self.organisation is not None else _("het Rijk")

    def tables(self) -> list[DataTable]:
        return [chart.table for chapter in self.chapters for _heading, chart in chapter.sections]


# --- the texts ---------------------------------------------------------------------------------------------


def _n(value: int | float, decimals: int = 0) -> str:
    return formats.number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def _pct(part: int | float | None, whole: int | float | None) -> str | None:
    if part is None or whole is None or not whole:
        return None
    return _n(round(100 * part / whole, 1), 1)


def _date(day: dt.date) -> str:
    return formats.date_format(day, "j F Y")


def _text_personeelsbestand(q: ReportQuery, subject: str) -> list[str]:
    head = q.panel("headcount")
    count, fte = head["headcount"], head["fte"]
    if count is None:
        return [
            _("Op %(date)s werkten minder dan 10 medewerkers bij %(org)s.")
            % {"date": _date(q.peildatum), "org": subject}
        ]
    out = [
        _("Op %(date)s werkten %(count)s medewerkers bij %(org)s, samen %(fte)s fte.")
        % {
            "date": _date(q.peildatum),
            "count": _n(count),
            "org": subject,
            "fte": _n(fte, 1) if fte is not None else "x",
        }
    ]
    trend = q.panel("trend")["trend"]
    if trend and trend[0]["headcount"]:
        before = trend[0]["headcount"]
        change = _pct(count - before, before)
        if change is not None:
            out.append(
                _("Tien jaar eerder waren het er %(before)s: een verandering van %(change)s %%.")
                % {"before": _n(before), "change": ("+" if count >= before else "") + change}
            )
    parts = q.panel("breakdowns")["breakdowns"]
    women = next((r["headcount"] for r in parts.get("gender", []) if r["key"] == "female"), None)
    older = [r["headcount"] for r in parts.get("age_band", []) if r["key"] in ("55-59", "60+")]
    sentences = []
    if (share := _pct(women, count)) is not None:
        sentences.append(_("%(share)s %% van de medewerkers is vrouw") % {"share": share})
    if len(older) == 2 and None not in older and (share := _pct(sum(older), count)) is not None:  # type: ignore[arg-type]
        sentences.append(_("%(share)s %% is 55 jaar of ouder") % {"share": share})
    if sentences:
        out.append(_("%(facts)s.") % {"facts": _("; ").join(sentences)})
    return out


def _text_stromen(q: ReportQuery, subject: str) -> list[str]:
    data = q.panel("flows")
    start = data.get("history_start")
    years = [y for y in data["years"] if start is not None and y["year"] >= start]
    if not years:
        return [_("Over de jaren voor de peildatum zijn geen stromen bekend.")]
    last = years[-1]
    facts = {
        "year": last["year"],
        "inflow": _n(last["inflow"]) if last["inflow"] is not None else _("minder dan 10"),
        "outflow": _n(last["outflow_total"]) if last["outflow_total"] is not None else _("minder dan 10"),
        "between": _n(last["mobility_between"])
        if last["mobility_between"] is not None
        else _("minder dan 10"),
    }
    out = [
        _(
            "In %(year)s kwamen %(inflow)s medewerkers van buiten het Rijk binnen en vertrokken er %(outflow)s "
            "uit het Rijk; %(between)s medewerkers stapten over naar een andere organisatie."
        )
        % facts
    ]
    rates = last.get("rates_per_100") or {}
    if rates.get("inflow") is not None and rates.get("outflow") is not None:
        out.append(
            _(
                "Per 100 medewerkers op 1 januari was dat een instroom van %(inflow)s en een uitstroom van %(outflow)s."
            )
            % {"inflow": _n(rates["inflow"], 1), "outflow": _n(rates["outflow"], 1)}
        )
    return out


def _text_uitstroomprognose(q: ReportQuery, subject: str) -> list[str]:
    rows = q.panel("outflow_forecast")["forecast"]
    # the furthest year whose shares are published (a share is hidden when the people behind it, or the rest,
    # number fewer than 10: in a small organisation often the last years)
    published = [r for r in rows if None not in (r["cumulative_state_pension_share"], r["cumulative_share"])]
    if not published:
        return []
    last = published[-1]
    pension, total = last["cumulative_state_pension_share"], last["cumulative_share"]
    return [
        _(
            "Van de medewerkers op de peildatum bereikt naar verwachting %(pension)s %% tot en met %(year)s de "
            "AOW-leeftijd. Met vertrek om andere redenen erbij (de vertrekkansen van de afgelopen jaren) is dan "
            "%(total)s %% vertrokken."
        )
        % {
            "pension": _n(round(100 * pension, 1), 1),
            "year": last["year"],
            "total": _n(round(100 * total, 1), 1),
        }
    ]


def _text_drie_vijf_zeven(q: ReportQuery, subject: str) -> list[str]:
    data = q.panel("three_five_seven")
    if any(r["headcount"] is None for r in data["distribution"]):
        return []
    over_5, over_7, count = data["over_5"], data["over_7"], data["headcount"]
    if (five := _pct(over_5, count)) is None or (seven := _pct(over_7, count)) is None:
        return []
    return [
        _(
            "Volgens het 3-5-7-model denkt een medewerker na drie jaar in een functie na over een volgende stap, "
            "zet die na vijf jaar en is na zeven jaar van functie gewisseld. %(five)s %% van de medewerkers zit "
            "langer dan vijf jaar in dezelfde functie, %(seven)s %% langer dan zeven jaar."
        )
        % {"five": five, "seven": seven}
    ]


def _share_text(share: float | None) -> str | None:
    return None if share is None else _n(round(100 * share, 1), 1)


def _text_diversiteit(q: ReportQuery, subject: str) -> list[str]:
    groups = {g["group"]: g for g in q.panel("diversity")["women"]}
    labels = {"all": _("alle medewerkers"), "10-13": _("schaal 10–13"), "14+": _("schaal 14 en hoger")}
    facts = [
        _("%(share)s %% bij %(group)s") % {"share": share, "group": labels[key]}
        for key in ("all", "10-13", "14+")
        if key in groups and (share := _share_text(groups[key]["women_share"])) is not None
    ]
    if not facts:
        return []
    return [_("Het aandeel vrouwen is %(facts)s.") % {"facts": _(", ").join(facts)}]


def _text_spreiding(q: ReportQuery, subject: str) -> list[str]:
    provinces = [p for p in q.panel("spreiding")["provinces"] if p["province"] and p["headcount"] is not None]
    head = q.panel("headcount")["headcount"]
    if not provinces or not head:
        return []
    top = max(provinces, key=lambda p: p["headcount"])
    share = _pct(top["headcount"], head)
    if share is None:
        return []
    return [
        _(
            "De meeste medewerkers hebben hun standplaats in %(province)s: %(count)s, %(share)s %% van het totaal."
        )
        % {"province": top["province"], "count": _n(top["headcount"]), "share": share}
    ]


def _text_ict(q: ReportQuery, subject: str) -> list[str]:
    data = q.panel("ict")
    count, head = data["headcount"], q.panel("headcount")["headcount"]
    if count is None or not head:
        return []
    out = [
        _("%(count)s medewerkers (%(share)s %%) werken in de functiefamilie ICT.")
        % {"count": _n(count), "share": _pct(count, head) or "x"}
    ]
    external = data["external"]["headcount"]
    if external:
        out.append(_("Daarnaast werken er %(count)s ICT'ers via externe inhuur.") % {"count": _n(external)})
    return out


def _text_detacheringen(q: ReportQuery, subject: str) -> list[str]:
    data = q.panel("secondments")
    running, over = data["secondments"], data["over_one_year"]
    if running is None or over is None:
        return []
    return [
        _(
            "Op de peildatum liepen %(running)s detacheringen, waarvan %(over)s langer dan een jaar. Detacheringen "
            "duren in principe hoogstens een jaar; voor een langere geeft de organisatie een toelichting "
            "(pas toe of leg uit)."
        )
        % {"running": _n(running), "over": _n(over)}
    ]


# The chapters, in order: the page (views.PAGES) and the text above its charts. The MPP (scenarios) and
# Vaardigheden pages are not chapters: a scenario is a choice, not a figure of the year.
CHAPTERS: dict[str, Callable[[ReportQuery, str], list[str]]] = {
    "personeelsbestand": _text_personeelsbestand,
    "stromen": _text_stromen,
    "uitstroomprognose": _text_uitstroomprognose,
    "drie-vijf-zeven": _text_drie_vijf_zeven,
    "diversiteit": _text_diversiteit,
    "spreiding": _text_spreiding,
    "ict-personeel": _text_ict,
    "detacheringen": _text_detacheringen,
}


# --- building and rendering --------------------------------------------------------------------------------


def report_build(*, user: Any, organisation: Organisation | None, peildatum: dt.date) -> Report:
    """The report's content for the organisation's subtree (None: the Rijk). Raises ``PermissionDenied`` when
    the user may not see those figures."""
    access.figures_require(user=user, organisation=organisation)
    request = HttpRequest()
    request.user = user
    scope = panels.Scope(organisations=(organisation.pk,) if organisation is not None else ())
    query = ReportQuery(request, organisation, peildatum, scope)
    subject = organisation.name if organisation is not None else _("het Rijk")
    chapters = []
    with panels.computation():  # the chapters' panels share the staff of the peildatum (computed once)
        for slug, text in CHAPTERS.items():
            page = views.PAGES[slug]
            sections, _extra = page.build(query)
            chapters.append(
                Chapter(
                    slug=slug,
                    title=page.title(),
                    paragraphs=text(query, subject),
                    sections=[(heading, chart) for heading, chart in sections if chart.table.rows],
                )
            )
    return Report(
        title=_("Jaarrapportage personeel %(org)s %(year)s")
        % {"org": organisation.name if organisation is not None else _("Rijk"), "year": peildatum.year},
        organisation=organisation,
        peildatum=peildatum,
        made_on=timezone.localdate(),
        chapters=chapters,
    )


def report_html(report: Report) -> str:
    return render_to_string("workforce/report/annual.html", {"report": report, "font_dir": FONT_DIR.as_uri()})


def report_pdf(report: Report) -> bytes:
    return html_to_pdf(report_html(report))


def report_xlsx(report: Report) -> bytes:
    return tables_xlsx(report.tables(), title=report.title, on=report.peildatum)


def report_filename(report: Report, fmt: str) -> str:
    code = report.organisation.code.lower() if report.organisation is not None else "rijk"
    return f"jaarrapportage-{code}-{report.peildatum.isoformat()}.{fmt}"


def annual_report(
    *, user: Any, organisation: Organisation | None, peildatum: dt.date, fmt: str
) -> tuple[bytes, str, str]:
    """The report as (content, file name, content type) in ``fmt`` (``pdf`` or ``xlsx``); audited as an
    export (what, for which organisation and date; never the figures)."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    report = report_build(user=user, organisation=organisation, peildatum=peildatum)
    content = report_pdf(report) if fmt == "pdf" else report_xlsx(report)
    audit_record(
        actor=user,
        action=AuditAction.EXPORT,
        object_type=OBJECT_TYPE,
        object_id=organisation.pk if organisation is not None else "rijk",
        purpose=f"jaarrapportage {fmt} {peildatum.isoformat()}",
    )
    return content, report_filename(report, fmt), PDF_TYPE if fmt == "pdf" else XLSX_TYPE
