# SPDX-License-Identifier: EUPL-1.2
"""The portfolio as a CV-style PDF (WeasyPrint), to send with an application — also outside the Rijk.

Only the owner makes it, and only of what they choose: the sections they tick (by default every section
that is not *alleen ik*). Items the owner has set to *alleen ik* themselves are left out unless they ask for
them too. Texts are rendered from Markdown with the same sanitiser as the web pages.

Rendering fetches nothing from the network: the only resources are the vendored Fira Sans files, and the
URL fetcher refuses everything else (``RestrictedFetcher``). Links in texts stay links in the PDF; they are
not fetched.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from rijksportfolio.audit.models import AuditAction
from rijksportfolio.audit.services import audit_record
from rijksportfolio.portfolios import exchange
from rijksportfolio.portfolios.constants import Part, Section, SkillLevel, Visibility
from rijksportfolio.portfolios.models import Item, Portfolio
from rijksportfolio.portfolios.rendering import render_markdown
from rijksportfolio.web.pdf import FONT_DIR, html_to_pdf, restricted_fetcher

__all__ = ["FONT_DIR", "portfolio_pdf", "render_html", "render_pdf", "restricted_fetcher"]


def default_sections(portfolio: Portfolio) -> list[str]:
    """What the form ticks by default: every section the owner shares with someone (not *alleen ik*)."""
    return [s for s in Section.values if portfolio.section_visibility(s) != Visibility.PRIVATE]


@dataclass(frozen=True)
class Entry:
    title: str
    period: str
    facts: list[tuple[str, str]]
    body: SafeString
    links: list[tuple[str, str]]
    evidence: list[str]


@dataclass(frozen=True)
class Group:
    label: str
    entries: list[Entry]


@dataclass(frozen=True)
class PdfSection:
    key: str
    label: str
    groups: list[Group] = field(default_factory=list)
    skills: list[tuple[str, list[str]]] = field(default_factory=list)


def _label(definition: Mapping[str, Any]) -> str:
    english = (translation.get_language() or "nl").startswith("en")
    return str(definition.get("label_en" if english else "label_nl") or definition.get("key", ""))


def _month(value: date) -> str:
    return formats.date_format(value, "F Y")


def _period(item: Item) -> str:
    if item.start_date and item.end_date:
        return f"{_month(item.start_date)} – {_month(item.end_date)}"
    if item.start_date:
        return _("sinds %(date)s") % {"date": _month(item.start_date)}
    if item.end_date:
        return _month(item.end_date)
    return ""


def _fact(definition: Mapping[str, Any], value: Any) -> str:
    kind = definition.get("type")
    if kind == "boolean":
        return _("ja") if value else _("nee")
    if kind == "date":
        try:
            return formats.date_format(date.fromisoformat(str(value)), "j F Y")
        except ValueError:
            return str(value)
    if kind == "choice":
        for choice in definition.get("choices") or []:
            if choice.get("value") == value:
                return _label(choice)
    return str(value)


def _entry(item: Item) -> Entry:
    facts: list[tuple[str, str]] = []
    links: list[tuple[str, str]] = []
    bodies = [item.body] if item.body else []
    for definition in item.category.fields or []:
        value = (item.data or {}).get(definition["key"])
        if value in (None, ""):
            continue
        if definition.get("type") == "markdown":
            bodies.append(f"**{_label(definition)}**\n\n{value}")
        elif definition.get("type") == "url":
            links.append((_label(definition), str(value)))
        else:
            facts.append((_label(definition), _fact(definition, value)))
    return Entry(
        title=item.title,
        period=_period(item),
        facts=facts,
        body=render_markdown("\n\n".join(bodies)),
        links=links,
        evidence=[e.display_name for e in item.evidence.all()],
    )


def _sections(portfolio: Portfolio, chosen: Sequence[str], include_private_items: bool) -> list[PdfSection]:
    items = (
        Item.objects.filter(portfolio=portfolio, part__in=[s for s in chosen if s in Part.values])
        .select_related("category")
        .prefetch_related("evidence")
        .order_by("part", "category__sort_order", "category__key", "-start_date", "sort_order", "id")
    )
    by_part: dict[str, dict[str, list[Entry]]] = {}
    for item in items:
        if item.visibility == Visibility.PRIVATE and not include_private_items:
            continue
        by_part.setdefault(item.part, {}).setdefault(
            _label({"label_nl": item.category.label_nl, "label_en": item.category.label_en}), []
        ).append(_entry(item))
    sections = []
    for key in Section.values:
        if key not in chosen:
            continue
        label = str(Section(key).label)
        if key == Section.SKILLS:
            skills = _skills(portfolio)
            if skills:
                sections.append(PdfSection(key=key, label=label, skills=skills))
            continue
        groups = [Group(label=g, entries=e) for g, e in by_part.get(key, {}).items()]
        if groups:
            sections.append(PdfSection(key=key, label=label, groups=groups))
    return sections


def _skills(portfolio: Portfolio) -> list[tuple[str, list[str]]]:
    by_level: dict[str, list[str]] = {}
    for ps in portfolio.skills.select_related("skill"):
        by_level.setdefault(ps.level, []).append(ps.skill.label)  # in the requester's language
    return [
        (str(SkillLevel(level).label), sorted(by_level[level], key=str.lower))
        for level in reversed(SkillLevel.values)
        if level in by_level
    ]


def render_html(*, portfolio: Portfolio, sections: Iterable[str], include_private_items: bool = False) -> str:
    chosen = [s for s in Section.values if s in set(sections)]
    context = {
        "person": portfolio.person,
        "portfolio": portfolio,
        "sections": _sections(portfolio, chosen, include_private_items),
        "availability": portfolio.available_hours_per_week if Section.AMBITION in chosen else None,
        "available_from": portfolio.available_from if Section.AMBITION in chosen else None,
        "made_on": timezone.localdate(),
        "font_dir": FONT_DIR.as_uri(),
    }
    return render_to_string("portfolios/pdf/cv.html", context)


def render_pdf(
    *, portfolio: Portfolio, sections: Iterable[str], include_private_items: bool = False, fetcher: Any = None
) -> bytes:
    """The PDF bytes (no permission check; see :func:`portfolio_pdf`)."""
    html = render_html(portfolio=portfolio, sections=sections, include_private_items=include_private_items)
    return html_to_pdf(html, fetcher=fetcher)


def portfolio_pdf(
    *,
    user: Any,
    portfolio: Portfolio,
    sections: Iterable[str] | None = None,
    include_private_items: bool = False,
) -> bytes:
    """Owner only: the PDF of the chosen sections (default :func:`default_sections`). Audited (export)."""
    exchange.owner_only(user=user, portfolio=portfolio, object_type=exchange.OBJECT_TYPE_EXPORT)
    chosen = list(default_sections(portfolio) if sections is None else sections)
    content = render_pdf(portfolio=portfolio, sections=chosen, include_private_items=include_private_items)
    audit_record(
        actor=user,
        action=AuditAction.EXPORT,
        object_type=exchange.OBJECT_TYPE_EXPORT,
        object_id=portfolio.pk,
        subject_person=portfolio.person,
        purpose="pdf: " + ", ".join(chosen),
    )
    return content
