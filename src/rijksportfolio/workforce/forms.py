# SPDX-License-Identifier: EUPL-1.2
"""Forms of the stuurinformatie pages: an organisation's diversity goal, its ICT formation, the explanation of a
secondment past one year. They check the input's form; the services check the rest (and say so in Dutch)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from rijksportfolio.organisations.models import Organisation
from rijksportfolio.workforce.models import DiversityGroup

TEXTBOX = {"class": "utrecht-textbox utrecht-textbox--html-input"}
NUMBER = {"class": "utrecht-textbox utrecht-textbox--html-input", "inputmode": "decimal"}
SELECT = {"class": "utrecht-select utrecht-select--html-select"}
TEXTAREA = {"class": "utrecht-textarea utrecht-textarea--html-textarea"}


class DiversityGoalForm(forms.Form):
    groep = forms.ChoiceField(
        label=_("Groep"), choices=DiversityGroup.choices, widget=forms.Select(attrs=SELECT)
    )
    doel = forms.DecimalField(
        label=_("Doel: aandeel vrouwen (%)"),
        min_value=0,
        max_value=100,
        max_digits=4,
        decimal_places=1,
        localize=True,
        widget=forms.TextInput(attrs=NUMBER),
    )
    vanaf = forms.IntegerField(
        label=_("Beginjaar"),
        help_text=_("De beginwaarde is het aandeel op 1 januari van dit jaar."),
        widget=forms.NumberInput(attrs=TEXTBOX),
    )
    doeljaar = forms.IntegerField(
        label=_("Doeljaar"),
        help_text=_("Het doel moet aan het eind van dit jaar bereikt zijn."),
        widget=forms.NumberInput(attrs=TEXTBOX),
    )
    toelichting = forms.CharField(
        label=_("Toelichting (optioneel)"),
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
    organisatie = forms.ChoiceField(label=_("Organisatie"), widget=forms.Select(attrs=SELECT))
    jaar = forms.IntegerField(label=_("Jaar"), widget=forms.NumberInput(attrs=TEXTBOX))
    fte = forms.DecimalField(
        label=_("Formatie voor ICT (fte)"),
        help_text=_("Voor de organisatie en alles eronder; een getal met hoogstens één decimaal."),
        min_value=0,
        max_digits=8,
        decimal_places=1,
        localize=True,
        widget=forms.TextInput(attrs=NUMBER),
    )
    toelichting = forms.CharField(
        label=_("Toelichting (optioneel)"),
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
        label=_("Toelichting"),
        help_text=_("Waarom duurt deze detachering langer dan een jaar, en wanneer eindigt zij?"),
        max_length=4000,
        widget=forms.Textarea(attrs={**TEXTAREA, "rows": 3}),
    )
    verwachte_einddatum = forms.DateField(
        label=_("Verwachte einddatum (optioneel)"),
        required=False,
        widget=forms.DateInput(attrs={**TEXTBOX, "type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
    )

    def apply(self, error: ValidationError) -> None:
        fields = {"explanation": "toelichting", "planned_end": "verwachte_einddatum"}
        for field, messages in error.message_dict.items():
            for message in messages:
                self.add_error(fields.get(field), message)
