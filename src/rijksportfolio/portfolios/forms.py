# SPDX-License-Identifier: EUPL-1.2
"""Forms of the portfolio screens. They validate input only; every write goes through ``portfolios.services``.

Item forms are generated at run time from the category's field definitions (``ItemCategory.fields``), so a
category an administrator adds or changes gets its form without a code change.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language, gettext_lazy as _

from rijksportfolio.portfolios.constants import (
    DEFAULT_GRANT_DAYS,
    FieldType,
    Part,
    Section,
    SkillLevel,
    Visibility,
)
from rijksportfolio.portfolios.models import SECTION_FIELDS, Item, ItemCategory, Portfolio
from rijksportfolio.skills.models import Skill

TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"
TEXTAREA = "utrecht-textarea utrecht-textarea--html-textarea"
SELECT = "utrecht-select utrecht-select--html-select"
MAX_GRANT_DAYS = 365
DATA_PREFIX = "data_"
StrOrPromise = Any  # str or a lazy translation


def _text(**attrs: Any) -> forms.TextInput:
    return forms.TextInput(attrs={"class": TEXTBOX, **attrs})


def _date() -> forms.DateInput:
    return forms.DateInput(attrs={"class": TEXTBOX, "type": "date"}, format="%Y-%m-%d")


def _textarea(rows: int = 5) -> forms.Textarea:
    return forms.Textarea(attrs={"class": TEXTAREA, "rows": rows})


def localised(definition: dict[str, Any], key: str) -> str:
    """``label_nl``/``label_en`` (or ``help_…``) of a field or choice definition in the current language."""
    language = "en" if (get_language() or "nl").startswith("en") else "nl"
    return str(definition.get(f"{key}_{language}") or definition.get(f"{key}_nl") or "")


def category_label(category: ItemCategory) -> str:
    return category.label_en if (get_language() or "nl").startswith("en") else category.label_nl


def apply_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ``ValidationError`` on the form: per field where it names one, else above the form.

    Errors about an item's data are keyed ``data.<key>`` (or ``<key>``) and land on the generated field."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for key, errors in error.error_dict.items():
        name = key
        if key.startswith("data."):
            name = DATA_PREFIX + key.removeprefix("data.")
        elif DATA_PREFIX + key in form.fields and key not in form.fields:
            name = DATA_PREFIX + key
        form.add_error(name if name in form.fields else None, errors)


# --- visibility and settings ------------------------------------------------------------------------


def visibility_field(label: StrOrPromise, *, blank_label: StrOrPromise | None = None) -> forms.ChoiceField:
    choices: list[tuple[str, StrOrPromise]] = list(Visibility.choices)
    if blank_label is not None:
        choices = [("", blank_label), *choices]
    return forms.ChoiceField(
        label=label, choices=choices, widget=forms.RadioSelect, required=blank_label is None
    )


class VisibilityForm(forms.Form):
    """The visibility of the four parts and the skills profile. Used by the first-use flow and the settings."""

    def __init__(self, *args: Any, portfolio: Portfolio, **kwargs: Any) -> None:
        kwargs["initial"] = {section: portfolio.section_visibility(section) for section in SECTION_FIELDS}
        super().__init__(*args, **kwargs)
        for section in SECTION_FIELDS:
            self.fields[section] = visibility_field(str(Section(section).label))


class SectionVisibilityForm(forms.Form):
    """One section's visibility: the toggle on a part's page (htmx or a plain form post)."""

    visibility = visibility_field(_("Zichtbaarheid"))


class ItemVisibilityForm(forms.Form):
    visibility = visibility_field(_("Zichtbaarheid"), blank_label=_("Zoals het onderdeel"))


class SettingsForm(forms.Form):
    headline = forms.CharField(
        label=_("Kopregel"),
        max_length=200,
        required=False,
        help_text=_("Eén zin over jezelf, bovenaan je portfolio."),
        widget=_text(),
    )
    available_hours_per_week = forms.IntegerField(
        label=_("Beschikbaar voor hubs en projecten (uur per week)"),
        min_value=0,
        max_value=40,
        required=False,
        widget=forms.NumberInput(attrs={"class": TEXTBOX, "inputmode": "numeric"}),
    )
    available_from = forms.DateField(label=_("Beschikbaar vanaf"), required=False, widget=_date())
    show_endorsements = forms.BooleanField(
        label=_("Onderschrijvingen van collega's tonen bij mijn vaardigheden"), required=False
    )


class ConsentForm(forms.Form):
    matching_consent = forms.BooleanField(
        label=_("Mijn vaardigheden mogen worden gebruikt om mij te koppelen aan opdrachten en vacatures"),
        required=False,
    )


# --- items --------------------------------------------------------------------------------------------


def _posted_list(data: Any, name: str) -> list[str]:
    """All values posted for ``name`` (a QueryDict in requests; a plain dict in tests)."""
    if hasattr(data, "getlist"):
        return list(data.getlist(name))
    value = data.get(name)
    return [str(v) for v in value] if isinstance(value, list | tuple) else ([str(value)] if value else [])


def _data_field(definition: dict[str, Any]) -> forms.Field:
    kind = definition.get("type", FieldType.TEXT)
    common: dict[str, Any] = {
        "label": localised(definition, "label"),
        "required": bool(definition.get("required")) and kind != FieldType.BOOLEAN,
        "help_text": localised(definition, "help"),
    }
    if kind == FieldType.MARKDOWN:
        return forms.CharField(widget=_textarea(), **common)
    if kind == FieldType.DATE:
        return forms.DateField(widget=_date(), **common)
    if kind == FieldType.INTEGER:
        return forms.IntegerField(widget=forms.NumberInput(attrs={"class": TEXTBOX}), **common)
    if kind == FieldType.URL:
        return forms.URLField(
            widget=forms.URLInput(attrs={"class": TEXTBOX}), assume_scheme="https", **common
        )
    if kind == FieldType.CHOICE:
        choices = [(c["value"], localised(c, "label")) for c in definition.get("choices", [])]
        return forms.ChoiceField(
            choices=[("", _("— kies —")), *choices], widget=forms.Select(attrs={"class": SELECT}), **common
        )
    if kind == FieldType.BOOLEAN:
        return forms.BooleanField(**common)
    return forms.CharField(widget=_text(), max_length=500, **common)


class ItemForm(forms.Form):
    """An item of ``category``: the common fields plus one generated field per category field."""

    title = forms.CharField(label=_("Titel"), max_length=200, widget=_text())
    body = forms.CharField(
        label=_("Toelichting"),
        required=False,
        widget=_textarea(6),
        help_text=_("Je kunt Markdown gebruiken: **vet**, *cursief*, lijstjes en links."),
    )
    start_date = forms.DateField(label=_("Van"), required=False, widget=_date())
    end_date = forms.DateField(label=_("Tot"), required=False, widget=_date())
    visibility = visibility_field(_("Zichtbaarheid van dit onderdeel"), blank_label=_("Zoals het deel"))
    skills = forms.ModelMultipleChoiceField(
        label=_("Vaardigheden"),
        queryset=Skill.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, category: ItemCategory, item: Item | None = None, **kwargs: Any) -> None:
        initial = kwargs.pop("initial", {}) or {}
        if item is not None:
            initial = {
                "title": item.title,
                "body": item.body,
                "start_date": item.start_date,
                "end_date": item.end_date,
                "visibility": item.visibility,
                "skills": list(item.skills.all()),
                **{DATA_PREFIX + k: v for k, v in (item.data or {}).items()},
                **initial,
            }
        kwargs["initial"] = initial
        super().__init__(*args, **kwargs)
        self.category = category
        self.definitions = [d for d in (category.fields or []) if d.get("key")]
        for definition in self.definitions:
            self.fields[DATA_PREFIX + definition["key"]] = _data_field(definition)
        # Only the skills already chosen (or posted) are rendered as checkboxes; others come from the search.
        chosen = (
            _posted_list(self.data, "skills") if self.is_bound else [s.pk for s in initial.get("skills", [])]
        )
        self.chosen_skills = list(Skill.objects.filter(pk__in=[v for v in chosen if str(v).isdigit()]))
        self.fields["skills"].widget.choices = [(s.pk, s.label) for s in self.chosen_skills]

    @property
    def data_fields(self) -> list[forms.BoundField]:
        return [self[DATA_PREFIX + d["key"]] for d in self.definitions]

    @property
    def common_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in ("title", "body", "start_date", "end_date")]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("De einddatum ligt vóór de begindatum."))
        return cleaned

    def item_data(self) -> dict[str, Any]:
        """The category fields as the item's ``data`` (JSON: dates as ISO strings; empty values left out)."""
        data: dict[str, Any] = {}
        for definition in self.definitions:
            value = self.cleaned_data.get(DATA_PREFIX + definition["key"])
            if value in (None, "") or (definition.get("type") == FieldType.BOOLEAN and value is False):
                if definition.get("type") == FieldType.BOOLEAN:
                    data[definition["key"]] = False
                continue
            data[definition["key"]] = value.isoformat() if hasattr(value, "isoformat") else value
        return data

    def service_fields(self) -> dict[str, Any]:
        c = self.cleaned_data
        return {
            "title": c["title"],
            "body": c.get("body", ""),
            "data": self.item_data(),
            "start_date": c.get("start_date"),
            "end_date": c.get("end_date"),
            "visibility": c.get("visibility", ""),
            "skills": list(c.get("skills") or ()),
        }


class SkillSearchForm(forms.Form):
    """The skill field's search box. With JavaScript it autocompletes (htmx); without, a button searches."""

    q = forms.CharField(
        label=_("Vaardigheid zoeken"), max_length=100, required=False, widget=_text(autocomplete="off")
    )


# --- skills profile ----------------------------------------------------------------------------------


class EvidenceItemsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.title} ({Part(obj.part).label})"


class PortfolioSkillForm(forms.Form):
    skill = forms.ModelChoiceField(
        label=_("Vaardigheid"), queryset=Skill.objects.filter(is_group=False), widget=forms.RadioSelect
    )
    level = forms.ChoiceField(label=_("Niveau"), choices=SkillLevel.choices, widget=forms.RadioSelect)
    evidence_items = EvidenceItemsField(
        label=_("Onderbouwd met"),
        queryset=Item.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kies de onderdelen van je portfolio die deze vaardigheid laten zien."),
    )

    def __init__(self, *args: Any, portfolio: Portfolio, skill: Skill | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        evidence = self.fields["evidence_items"]
        assert isinstance(evidence, forms.ModelMultipleChoiceField)
        evidence.queryset = portfolio.items.select_related("category").order_by("part", "title")
        chosen = _posted_list(self.data, "skill") if self.is_bound else ([skill.pk] if skill else [])
        self.chosen_skills = list(Skill.objects.filter(pk__in=[v for v in chosen if str(v).isdigit()]))
        self.fields["skill"].widget.choices = [(s.pk, s.label) for s in self.chosen_skills]
        if skill is not None:
            self.fields["skill"].disabled = True
            self.initial.setdefault("skill", skill.pk)


# --- access requests ---------------------------------------------------------------------------------


class AccessRequestForm(forms.Form):
    purpose = forms.CharField(
        label=_("Waarom wil je dit inzien?"),
        max_length=300,
        widget=_textarea(3),
        help_text=_("De eigenaar ziet je doel en beslist daarop. Het doel wordt bij elke inzage vastgelegd."),
    )


class ApproveForm(forms.Form):
    days = forms.IntegerField(
        label=_("Geldig voor (dagen)"),
        min_value=1,
        max_value=MAX_GRANT_DAYS,
        initial=DEFAULT_GRANT_DAYS,
        widget=forms.NumberInput(attrs={"class": TEXTBOX, "inputmode": "numeric"}),
    )
    note = forms.CharField(label=_("Toelichting"), max_length=300, required=False, widget=_text())


class DeclineForm(forms.Form):
    note = forms.CharField(label=_("Toelichting"), max_length=300, required=False, widget=_text())


# --- categories (administration) ---------------------------------------------------------------------


class CategoryForm(forms.Form):
    key = forms.SlugField(
        label=_("Sleutel"),
        max_length=60,
        help_text=_(
            "Vaste, unieke naam in kleine letters, bijvoorbeeld 'spreekbeurt'. Kan later niet worden gewijzigd."
        ),
        widget=_text(),
    )
    part = forms.ChoiceField(
        label=_("Deel"), choices=Part.choices, widget=forms.Select(attrs={"class": SELECT})
    )
    label_nl = forms.CharField(label=_("Naam (Nederlands)"), max_length=120, widget=_text())
    label_en = forms.CharField(label=_("Naam (Engels)"), max_length=120, widget=_text())
    description_nl = forms.CharField(label=_("Toelichting (Nederlands)"), required=False, widget=_textarea(3))
    description_en = forms.CharField(label=_("Toelichting (Engels)"), required=False, widget=_textarea(3))
    allows_evidence = forms.BooleanField(label=_("Bewijsstukken (bestanden) toegestaan"), required=False)

    def __init__(self, *args: Any, category: ItemCategory | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if category is not None:
            # The key and the part identify existing items' category: fixed once made.
            self.fields["key"].disabled = True
            self.fields["part"].disabled = True


class CategoryFieldForm(forms.Form):
    """One field definition of a category. Choices one per line: ``waarde | Nederlands | English``."""

    key = forms.SlugField(label=_("Sleutel"), max_length=40, required=False, widget=_text())
    label_nl = forms.CharField(label=_("Naam (Nederlands)"), max_length=120, required=False, widget=_text())
    label_en = forms.CharField(label=_("Naam (Engels)"), max_length=120, required=False, widget=_text())
    type = forms.ChoiceField(
        label=_("Soort"), choices=FieldType.choices, widget=forms.Select(attrs={"class": SELECT})
    )
    required = forms.BooleanField(label=_("Verplicht"), required=False)
    choices = forms.CharField(
        label=_("Keuzes (alleen bij 'keuze uit een lijst')"),
        required=False,
        widget=_textarea(3),
        help_text=_("Eén keuze per regel: waarde | Nederlands | English"),
    )
    DELETE = forms.BooleanField(label=_("Veld verwijderen"), required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("key") and not cleaned.get("label_nl"):
            self.add_error("label_nl", _("Geef het veld een Nederlandse naam."))
        return cleaned

    def definition(self) -> dict[str, Any] | None:
        c = self.cleaned_data
        if not c.get("key") or c.get("DELETE"):
            return None
        definition: dict[str, Any] = {
            "key": c["key"],
            "label_nl": c["label_nl"],
            "label_en": c.get("label_en") or c["label_nl"],
            "type": c["type"],
            "required": bool(c.get("required")),
        }
        if c["type"] == FieldType.CHOICE:
            definition["choices"] = parse_choices(c.get("choices", ""))
        return definition


def parse_choices(text: str) -> list[dict[str, str]]:
    choices = []
    for line in text.splitlines():
        parts = [p.strip() for p in line.split("|")]
        if not parts[0]:
            continue
        label_nl = parts[1] if len(parts) > 1 and parts[1] else parts[0]
        label_en = parts[2] if len(parts) > 2 and parts[2] else label_nl
        choices.append({"value": parts[0], "label_nl": label_nl, "label_en": label_en})
    return choices


def format_choices(choices: list[dict[str, str]]) -> str:
    return "\n".join(f"{c['value']} | {c.get('label_nl', '')} | {c.get('label_en', '')}" for c in choices)


CategoryFieldFormSet = forms.formset_factory(CategoryFieldForm, extra=2, max_num=30, absolute_max=30)


def category_field_initial(category: ItemCategory | None) -> list[dict[str, Any]]:
    if category is None:
        return []
    return [
        {
            **{k: d.get(k, "") for k in ("key", "label_nl", "label_en", "type")},
            "required": bool(d.get("required")),
            "choices": format_choices(d.get("choices", [])),
        }
        for d in category.fields or []
    ]
