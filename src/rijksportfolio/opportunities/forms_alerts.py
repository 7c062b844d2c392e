# SPDX-License-Identifier: EUPL-1.2
"""Forms of the alert settings: an employee's alerts about fitting opportunities, an owner's alerts about
newly fitting people (``matching.alerts``)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from rijksportfolio.matching.alerts import MIN_SCORE_CHOICES
from rijksportfolio.matching.models import AlertFrequency

SELECT = {"class": "utrecht-select utrecht-select--html-select"}
CHECKBOX = {"class": "utrecht-checkbox utrecht-checkbox--html-input"}
RADIO = {"class": "utrecht-radio-button utrecht-radio-button--html-input"}


def _score_choices() -> list[tuple[int, str]]:
    return [(score, gettext_lazy("ten minste %(score)s%%") % {"score": score}) for score in MIN_SCORE_CHOICES]


class AlertSettingsForm(forms.Form):
    enabled = forms.BooleanField(
        label=gettext_lazy("Stuur mij een melding bij nieuwe kansen die bij mij passen"),
        required=False,
        widget=forms.CheckboxInput(attrs=CHECKBOX),
    )
    min_score = forms.TypedChoiceField(
        label=gettext_lazy("Hoe goed moet een kans passen?"),
        help_text=gettext_lazy(
            "Het percentage is de score van de rangschikking: hoeveel van de gevraagde vaardigheden je hebt, "
            "op het gevraagde niveau."
        ),
        coerce=int,
        choices=_score_choices,
        widget=forms.Select(attrs=SELECT),
    )
    frequency = forms.ChoiceField(
        label=gettext_lazy("Hoe vaak?"),
        choices=[
            (AlertFrequency.DIRECT, gettext_lazy("Direct (binnen enkele minuten na publicatie)")),
            (AlertFrequency.WEEKLY, gettext_lazy("Eén keer per week een overzicht")),
        ],
        widget=forms.RadioSelect(attrs=RADIO),
    )


class CandidateAlertsForm(forms.Form):
    enabled = forms.BooleanField(
        label=gettext_lazy("Stuur mij een melding als iemand nieuw bij deze kans past"),
        required=False,
        widget=forms.CheckboxInput(attrs=CHECKBOX),
    )
    min_score = forms.TypedChoiceField(
        label=gettext_lazy("Hoe goed moet iemand passen?"),
        coerce=int,
        choices=_score_choices,
        widget=forms.Select(attrs=SELECT),
    )
