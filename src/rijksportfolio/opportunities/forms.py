# SPDX-License-Identifier: EUPL-1.2
"""Forms of the opportunity and matching pages. Skills are typed one per line as
``naam | niveau | wenselijk`` (level and "wenselijk" optional) until the skill autocomplete lands."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext as _, gettext_lazy

from rijksportfolio.opportunities.constants import OpportunityKind, WorkMode
from rijksportfolio.organisations.models import Location, Organisation
from rijksportfolio.portfolios.constants import SkillLevel
from rijksportfolio.skills.models import Skill

INPUT = {"class": "utrecht-textbox utrecht-textbox--html-input"}
SELECT = {"class": "utrecht-select utrecht-select--html-select"}
TEXTAREA = {"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 5}
SKILLS_HELP = gettext_lazy(
    "Eén vaardigheid per regel: naam | niveau | wenselijk. Niveau (basis, gevorderd, ervaren, expert) en "
    "'wenselijk' mag je weglaten: dan basis en essentieel."
)


def parse_skills(text: str) -> list[tuple[Skill, bool, str]]:
    """``(skill, essential, min_level)`` per non-empty line; a ``ValidationError`` names every bad line."""
    out: list[tuple[Skill, bool, str]] = []
    errors: list[str] = []
    for raw in text.splitlines():
        parts = [p.strip() for p in raw.split("|")]
        if not parts[0]:
            continue
        name, level, essential = parts[0], SkillLevel.BASIC, True
        for extra in parts[1:]:
            if extra.lower() in SkillLevel.values:
                level = SkillLevel(extra.lower())
            elif extra.lower() == "wenselijk":
                essential = False
            elif extra:
                errors.append(
                    _("Onbekend niveau of kenmerk “%(value)s” bij %(name)s.") % {"value": extra, "name": name}
                )
        skill = (
            Skill.objects.filter(is_group=False)
            .filter(Q(preferred_label_nl__iexact=name) | Q(preferred_label_en__iexact=name) | Q(uri=name))
            .order_by("pk")
            .first()
        )
        if skill is None:
            errors.append(_("Onbekende vaardigheid: “%(name)s”.") % {"name": name})
            continue
        out.append((skill, essential, level))
    if errors:
        raise forms.ValidationError(errors)
    return out


class OpportunityForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Soort"), choices=OpportunityKind.choices, widget=forms.Select(SELECT)
    )
    title = forms.CharField(label=gettext_lazy("Titel"), max_length=200, widget=forms.TextInput(INPUT))
    description = forms.CharField(
        label=gettext_lazy("Omschrijving"), required=False, widget=forms.Textarea(TEXTAREA)
    )
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("Organisatie"), queryset=Organisation.objects.filter(active=True).order_by("name"),
        widget=forms.Select(SELECT),
    )  # fmt: skip
    location = forms.ModelChoiceField(
        label=gettext_lazy("Werklocatie"), queryset=Location.objects.order_by("city", "name"), required=False,
        widget=forms.Select(SELECT),
    )  # fmt: skip
    work_mode = forms.ChoiceField(
        label=gettext_lazy("Werkwijze"), choices=WorkMode.choices, widget=forms.Select(SELECT)
    )
    hours_per_week = forms.IntegerField(
        label=gettext_lazy("Uren per week"),
        required=False,
        min_value=1,
        max_value=40,
        widget=forms.NumberInput(INPUT),
    )
    scale_min = forms.IntegerField(
        label=gettext_lazy("Schaal vanaf"), required=False, widget=forms.NumberInput(INPUT)
    )
    scale_max = forms.IntegerField(
        label=gettext_lazy("Schaal tot en met"), required=False, widget=forms.NumberInput(INPUT)
    )
    skills = forms.CharField(
        label=gettext_lazy("Gevraagde vaardigheden"),
        required=False,
        help_text=SKILLS_HELP,
        widget=forms.Textarea(TEXTAREA),
    )

    def clean_skills(self) -> list[tuple[Skill, bool, str]]:
        return parse_skills(self.cleaned_data.get("skills") or "")


class FilterForm(forms.Form):
    min_hours = forms.IntegerField(
        label=gettext_lazy("Minimaal beschikbaar (uur per week)"), required=False, min_value=0, max_value=40,
        widget=forms.NumberInput(INPUT),
    )  # fmt: skip
    max_distance_km = forms.IntegerField(
        label=gettext_lazy("Hoogstens km van de werklocatie"), required=False, min_value=1, max_value=500,
        widget=forms.NumberInput(INPUT),
    )  # fmt: skip
    scale_min = forms.IntegerField(
        label=gettext_lazy("Schaal vanaf"), required=False, widget=forms.NumberInput(INPUT)
    )
    scale_max = forms.IntegerField(
        label=gettext_lazy("Schaal tot en met"), required=False, widget=forms.NumberInput(INPUT)
    )


class ExpertiseForm(FilterForm):
    skills = forms.CharField(
        label=gettext_lazy("Vaardigheden"),
        required=False,
        help_text=SKILLS_HELP,
        widget=forms.Textarea(TEXTAREA),
    )
    text = forms.CharField(
        label=gettext_lazy("Vrije tekst"), required=False, max_length=300, widget=forms.TextInput(INPUT)
    )
    location = forms.ModelChoiceField(
        label=gettext_lazy("Vanaf werklocatie (voor de afstand)"), queryset=Location.objects.order_by("city", "name"),
        required=False, widget=forms.Select(SELECT),
    )  # fmt: skip
    field_order = ["skills", "text", "min_hours", "location", "max_distance_km", "scale_min", "scale_max"]

    def clean_skills(self) -> list[tuple[Skill, bool, str]]:
        return parse_skills(self.cleaned_data.get("skills") or "")


class ShortlistForm(forms.Form):
    person = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=gettext_lazy("Reden (nodig als je afwijkt van de rangschikking)"), required=False, max_length=300,
        widget=forms.TextInput(INPUT),
    )  # fmt: skip


class AgreementForm(forms.Form):
    hours_per_week = forms.IntegerField(
        label=gettext_lazy("Uren per week"), min_value=1, max_value=40, widget=forms.NumberInput(INPUT)
    )


def form_errors_from(form: forms.Form, exc: Any) -> None:
    """Put a service ValidationError on the form, by field where the form has that field."""
    for field, messages in exc.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)
