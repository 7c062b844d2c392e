# SPDX-License-Identifier: EUPL-1.2
"""Forms of the stuurinformatie pages (the dashboards' filters are ``views.FilterForm``): the MPP scenario and
Vaardigheden forms; an organisation's diversity goal, its ICT formation, the explanation of a secondment past
one year. They check the input's form; the services check the rest (and say so in Dutch)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _, gettext_lazy

from rijksportfolio.domain.analytics import panels
from rijksportfolio.domain.analytics.mpp import MAX_COMPARED, MAX_GROWTH_PCT, MAX_HORIZON, MIN_COMPARED
from rijksportfolio.organisations.models import Organisation
from rijksportfolio.people.constants import JobFamily, WorkType
from rijksportfolio.workforce.models import DiversityGroup

INPUT = {"class": "utrecht-textbox utrecht-textbox--html-input"}
NUMBER = {**INPUT, "inputmode": "decimal", "step": "0.1"}
SELECT = {"class": "utrecht-select utrecht-select--html-select"}
TEXTAREA = {"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 3}
TEXTBOX = INPUT

GROWTH_PREFIX = "groei_"
TECHNOLOGY_PREFIX = "technologie_"


def _organisation_choices(organisations: list[Organisation], rijk: bool) -> list[tuple[str, str]]:
    choices = [("", _("Het Rijk"))] if rijk else []
    return choices + [(o.code, "\u2003" * o.depth + o.name) for o in organisations]


class _OrganisationMixin:
    """The organisation field over the organisations the user may see (and the Rijk for analysts)."""

    by_code: dict[str, Organisation]
    rijk: bool
    cleaned_data: dict[str, Any]

    def organisation(self) -> Organisation | None:
        code = self.cleaned_data.get("organisatie") or ""
        if code:
            return self.by_code[code]
        if self.rijk:
            return None
        return next(iter(self.by_code.values()))


class OrganisationForm(_OrganisationMixin, forms.Form):
    """Vaardigheden: only the organisation subtree (the other filters describe people, not opportunities)."""

    organisatie = forms.ChoiceField(
        label=gettext_lazy("Organisatie"), required=False, widget=forms.Select(attrs=SELECT)
    )

    def __init__(self, data: Any, *, organisations: list[Organisation], rijk: bool) -> None:
        super().__init__(data)
        fields: Any = self.fields
        fields["organisatie"].choices = _organisation_choices(organisations, rijk)
        self.by_code = {o.code: o for o in organisations}
        self.rijk = rijk


def _percentage(label: str, low: float, high: float, *, initial: float | None = None) -> forms.FloatField:
    return forms.FloatField(
        label=label,
        required=False,
        min_value=low,
        max_value=high,
        initial=initial,
        widget=forms.NumberInput(attrs={**NUMBER, "min": f"{low:g}", "max": f"{high:g}"}),
    )


class ScenarioForm(_OrganisationMixin, forms.Form):
    """A demand scenario: scope (organisation, job family), peildatum and the assumptions. On the MPP page the
    same fields are read from the query string (compute) and from a POST (save, with a name)."""

    organisatie = forms.ChoiceField(
        label=gettext_lazy("Organisatie"), required=False, widget=forms.Select(attrs=SELECT)
    )
    functiefamilie = forms.ChoiceField(
        label=gettext_lazy("Functiefamilie"), required=False, widget=forms.Select(attrs=SELECT)
    )
    peildatum = forms.DateField(
        label=gettext_lazy("Peildatum"),
        required=False,
        widget=forms.DateInput(attrs={**INPUT, "type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
        help_text=gettext_lazy("Het personeel op deze dag is het vertrekpunt (standaard: vandaag)."),
    )
    horizon = forms.IntegerField(
        label=gettext_lazy("Horizon (jaren)"),
        required=False,
        min_value=1,
        max_value=MAX_HORIZON,
        initial=MAX_HORIZON,
        widget=forms.NumberInput(attrs={**INPUT, "min": "1", "max": str(MAX_HORIZON)}),
    )
    groei = forms.FloatField(
        label=gettext_lazy("Groei per jaar (%)"),
        required=False,
        min_value=-MAX_GROWTH_PCT,
        max_value=MAX_GROWTH_PCT,
        initial=0,
        help_text=gettext_lazy("Krimp als negatief getal."),
        widget=forms.NumberInput(
            attrs={**NUMBER, "min": f"{-MAX_GROWTH_PCT:g}", "max": f"{MAX_GROWTH_PCT:g}"}
        ),
    )

    def __init__(
        self,
        data: Any,
        *,
        organisations: list[Organisation],
        rijk: bool,
        with_name: bool = False,
        dated: bool = True,
        initial: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(data, initial=initial)
        fields: Any = self.fields
        if not dated:  # a saved scenario holds no peildatum: it is chosen when the scenario is shown
            del fields["peildatum"]
        fields["organisatie"].choices = _organisation_choices(organisations, rijk)
        fields["functiefamilie"].choices = [("", _("Alle")), *JobFamily.choices]
        for value, label in JobFamily.choices:
            fields[GROWTH_PREFIX + value] = _percentage(
                _("Groei %(familie)s (%%)") % {"familie": str(label).lower()}, -MAX_GROWTH_PCT, MAX_GROWTH_PCT
            )
        for value, label in WorkType.choices:
            fields[TECHNOLOGY_PREFIX + value] = _percentage(
                _("Werksoort %(werksoort)s (%%)") % {"werksoort": str(label).lower()}, 0.0, 100.0
            )
        if with_name:
            fields["naam"] = forms.CharField(
                label=_("Naam van het scenario"), max_length=120, widget=forms.TextInput(attrs=INPUT)
            )
            fields["toelichting"] = forms.CharField(
                label=_("Toelichting (optioneel)"), required=False, widget=forms.Textarea(attrs=TEXTAREA)
            )
        self.by_code = {o.code: o for o in organisations}
        self.rijk = rijk

    # --- field groups, for the template ---

    def scope_fields(self) -> list[forms.BoundField]:
        names = ("organisatie", "functiefamilie", "peildatum", "horizon", "groei")
        return [self[name] for name in names if name in self.fields]

    def growth_fields(self) -> list[forms.BoundField]:
        return [self[GROWTH_PREFIX + value] for value in JobFamily.values]

    def technology_fields(self) -> list[forms.BoundField]:
        return [self[TECHNOLOGY_PREFIX + value] for value in WorkType.values]

    def name_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in ("naam", "toelichting") if name in self.fields]

    # --- the cleaned scenario ---

    def peildatum_value(self) -> dt.date:
        return self.cleaned_data.get("peildatum") or dt.date.today()

    def job_family(self) -> str:
        return str(self.cleaned_data.get("functiefamilie") or "")

    def horizon_years(self) -> int:
        return int(self.cleaned_data.get("horizon") or MAX_HORIZON)

    def growth_by_family(self) -> dict[str, float]:
        data = self.cleaned_data
        return {
            value: float(data[GROWTH_PREFIX + value])
            for value in JobFamily.values
            if data.get(GROWTH_PREFIX + value) is not None
        }

    def technology(self) -> dict[str, float]:
        data = self.cleaned_data
        return {
            value: float(data[TECHNOLOGY_PREFIX + value])
            for value in WorkType.values
            if data.get(TECHNOLOGY_PREFIX + value)
        }

    def scenario(self) -> panels.Scenario:
        return panels.Scenario(
            growth_pct=float(self.cleaned_data.get("groei") or 0.0),
            technology_pct=self.technology(),
            growth_by_family=self.growth_by_family(),
            horizon=self.horizon_years(),
        )

    def service_fields(self) -> dict[str, Any]:
        """The keyword arguments of ``services.scenario_create`` / ``scenario_update`` (without the actor)."""
        return {
            "name": self.cleaned_data.get("naam", ""),
            "description": self.cleaned_data.get("toelichting", ""),
            "organisation": self.organisation(),
            "job_family": self.job_family(),
            "horizon_years": self.horizon_years(),
            "growth_pct": float(self.cleaned_data.get("groei") or 0.0),
            "growth_by_family": self.growth_by_family(),
            "technology_pct": self.technology(),
        }

    def query(self) -> list[tuple[str, str]]:
        """The scenario as query parameters (hidden fields of the save form, links)."""
        names = ["organisatie", "functiefamilie", "peildatum", "horizon", "groei"]
        names += [GROWTH_PREFIX + v for v in JobFamily.values] + [
            TECHNOLOGY_PREFIX + v for v in WorkType.values
        ]
        out = []
        for name in names:
            value = self.cleaned_data.get(name)
            if value is None or value == "":
                continue
            if isinstance(value, dt.date):
                out.append((name, value.isoformat()))
            elif isinstance(value, float):
                out.append((name, f"{value:g}"))
            else:
                out.append((name, str(value)))
        return out


def scenario_initial(scenario: Any) -> dict[str, Any]:
    """A saved scenario as the initial values of ``ScenarioForm``."""
    initial: dict[str, Any] = {
        "naam": scenario.name,
        "toelichting": scenario.description,
        "organisatie": scenario.organisation.code if scenario.organisation else "",
        "functiefamilie": scenario.job_family,
        "horizon": scenario.horizon_years,
        "groei": scenario.growth_pct,
    }
    for family, value in scenario.growth_by_family.items():
        initial[GROWTH_PREFIX + family] = value
    for work_type, value in scenario.technology_pct.items():
        initial[TECHNOLOGY_PREFIX + work_type] = value
    return initial


class CompareForm(forms.Form):
    """2 to 4 saved scenarios (``?scenario=…&scenario=…``) and the peildatum."""

    scenario = forms.TypedMultipleChoiceField(label=gettext_lazy("Scenario's"), coerce=int)
    peildatum = forms.DateField(
        label=gettext_lazy("Peildatum"),
        required=False,
        widget=forms.DateInput(attrs={**INPUT, "type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
    )

    def __init__(self, data: Any, *, choices: list[tuple[int, str]]) -> None:
        super().__init__(data)
        fields: Any = self.fields
        fields["scenario"].choices = choices
        fields["scenario"].widget = forms.CheckboxSelectMultiple(attrs={"class": "utrecht-checkbox"})

    def clean_scenario(self) -> list[int]:
        chosen = list(dict.fromkeys(self.cleaned_data.get("scenario") or []))
        if not MIN_COMPARED <= len(chosen) <= MAX_COMPARED:
            raise forms.ValidationError(
                _("Kies %(min)s tot en met %(max)s scenario's om te vergelijken.")
                % {"min": MIN_COMPARED, "max": MAX_COMPARED}
            )
        return chosen

    def peildatum_value(self) -> dt.date:
        return self.cleaned_data.get("peildatum") or dt.date.today()


class PeildatumForm(forms.Form):
    peildatum = forms.DateField(
        label=gettext_lazy("Peildatum"),
        required=False,
        widget=forms.DateInput(attrs={**INPUT, "type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
    )

    def peildatum_value(self) -> dt.date:
        return self.cleaned_data.get("peildatum") or dt.date.today()


class DiversityGoalForm(forms.Form):
    groep = forms.ChoiceField(
        label=gettext_lazy("Groep"), choices=DiversityGroup.choices, widget=forms.Select(attrs=SELECT)
    )
    doel = forms.DecimalField(
        label=gettext_lazy("Doel: aandeel vrouwen (%)"),
        min_value=0,
        max_value=100,
        max_digits=4,
        decimal_places=1,
        localize=True,
        widget=forms.TextInput(attrs=NUMBER),
    )
    vanaf = forms.IntegerField(
        label=gettext_lazy("Beginjaar"),
        help_text=gettext_lazy("De beginwaarde is het aandeel op 1 januari van dit jaar."),
        widget=forms.NumberInput(attrs=TEXTBOX),
    )
    doeljaar = forms.IntegerField(
        label=gettext_lazy("Doeljaar"),
        help_text=gettext_lazy("Het doel moet aan het eind van dit jaar bereikt zijn."),
        widget=forms.NumberInput(attrs=TEXTBOX),
    )
    toelichting = forms.CharField(
        label=gettext_lazy("Toelichting (optioneel)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={**TEXTAREA, "rows": 3}),
    )

    def apply(self, error: ValidationError) -> None:
        """Put a service's validation errors on the fields they are about."""
        fields = {"group": "groep", "target_pct": "doel", "start_year": "vanaf", "target_year": "doeljaar"}
        for field, messages in error.message_dict.items():
            for message in messages:
                self.add_error(fields.get(field, "toelichting" if field == "note" else None), message)


class IctFormationForm(forms.Form):
    organisatie = forms.ChoiceField(label=gettext_lazy("Organisatie"), widget=forms.Select(attrs=SELECT))
    jaar = forms.IntegerField(label=gettext_lazy("Jaar"), widget=forms.NumberInput(attrs=TEXTBOX))
    fte = forms.DecimalField(
        label=gettext_lazy("Formatie voor ICT (fte)"),
        help_text=gettext_lazy("Voor de organisatie en alles eronder; een getal met hoogstens één decimaal."),
        min_value=0,
        max_digits=8,
        decimal_places=1,
        localize=True,
        widget=forms.TextInput(attrs=NUMBER),
    )
    toelichting = forms.CharField(
        label=gettext_lazy("Toelichting (optioneel)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={**TEXTAREA, "rows": 2}),
    )

    def __init__(self, *args: Any, organisations: list[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.by_code = {o.code: o for o in organisations}
        field: Any = self.fields["organisatie"]
        field.choices = [(o.code, "\u2003" * o.depth + o.name) for o in organisations]

    def organisation(self) -> Organisation:
        return self.by_code[self.cleaned_data["organisatie"]]

    def apply(self, error: ValidationError) -> None:
        fields = {"year": "jaar", "fte": "fte", "note": "toelichting"}
        for field, messages in error.message_dict.items():
            for message in messages:
                self.add_error(fields.get(field), message)


class SecondmentExplanationForm(forms.Form):
    toelichting = forms.CharField(
        label=gettext_lazy("Toelichting"),
        help_text=gettext_lazy("Waarom duurt deze detachering langer dan een jaar, en wanneer eindigt zij?"),
        max_length=4000,
        widget=forms.Textarea(attrs={**TEXTAREA, "rows": 3}),
    )
    verwachte_einddatum = forms.DateField(
        label=gettext_lazy("Verwachte einddatum (optioneel)"),
        required=False,
        widget=forms.DateInput(attrs={**TEXTBOX, "type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
    )

    def apply(self, error: ValidationError) -> None:
        fields = {"explanation": "toelichting", "planned_end": "verwachte_einddatum"}
        for field, messages in error.message_dict.items():
            for message in messages:
                self.add_error(fields.get(field), message)
