# SPDX-License-Identifier: EUPL-1.2
"""Forms of the candidate-pool pages. The search form is the expertise search form of the opportunity pages
(skills one per line, free text, filters)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _, ngettext_lazy

from rijksportfolio.domain import candidate_pool as rules
from rijksportfolio.opportunities.models import Opportunity
from rijksportfolio.people.models import Person

TEXTAREA = {"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 5}
SELECT = {"class": "utrecht-select utrecht-select--html-select"}


def _period_choices() -> list[tuple[int, Any]]:
    return [
        (m, ngettext_lazy("%(count)s maand", "%(count)s maanden", m) % {"count": m})
        for m in rules.PERIOD_CHOICES
    ]


class ProposeForm(forms.Form):
    person = forms.TypedChoiceField(label=_("Kandidaat"), coerce=int, widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Waarvoor is deze kandidaat geschikt?"),
        max_length=rules.NOTE_MAX_CHARS,
        widget=forms.Textarea(TEXTAREA),
        help_text=_(
            "Beschrijf het soort werk en de sterke punten. Geen beoordelingsdetails uit de selectie en nooit "
            "gegevens over gezondheid, afkomst, geloof of andere bijzondere persoonsgegevens. De kandidaat leest "
            "deze tekst voordat die toestemming geeft."
        ),
    )

    def __init__(self, *args: Any, candidates: list[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [(p.pk, p.full_name) for p in candidates]  # type: ignore[attr-defined]


class ConsentForm(forms.Form):
    months = forms.TypedChoiceField(
        label=_("Hoe lang mogen vacaturehouders je vinden?"),
        coerce=int,
        choices=_period_choices,
        initial=rules.DEFAULT_MONTHS,
        widget=forms.RadioSelect,
        help_text=_(
            "Daarna word je automatisch uit de kandidatenpool verwijderd. Stoppen kan altijd eerder."
        ),
    )


class PeriodForm(forms.Form):
    months = forms.TypedChoiceField(
        label=_("Nieuwe einddatum: vanaf vandaag"),
        coerce=int,
        choices=_period_choices,
        initial=rules.DEFAULT_MONTHS,
        widget=forms.Select(SELECT),
    )


class StopForm(forms.Form):
    no_more_proposals = forms.BooleanField(
        label=_("Ik wil niet meer worden voorgedragen voor de kandidatenpool"), required=False
    )


class PreferenceForm(forms.Form):
    proposals_allowed = forms.BooleanField(
        label=_("Vacaturehouders mogen mij voordragen voor de kandidatenpool"), required=False
    )


class ContactForm(forms.Form):
    opportunity = forms.ModelChoiceField(
        label=_("Over welke kans?"),
        queryset=Opportunity.objects.none(),
        required=False,
        empty_label=_("Geen bepaalde kans"),
        widget=forms.Select(SELECT),
    )
    message = forms.CharField(
        label=_("Bericht aan de kandidaat"),
        max_length=rules.MESSAGE_MAX_CHARS,
        widget=forms.Textarea(TEXTAREA),
        help_text=_("De kandidaat krijgt je bericht met je naam en e-mailadres, in de app en per e-mail."),
    )

    def __init__(self, *args: Any, opportunities: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["opportunity"].queryset = opportunities  # type: ignore[attr-defined]
