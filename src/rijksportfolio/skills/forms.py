# SPDX-License-Identifier: EUPL-1.2
"""Forms of the taxonomy administration pages (Dutch labels, Rijk skills, CSV import)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rijksportfolio.skills import extension_csv

TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"
TEXTAREA = "utrecht-textarea utrecht-textarea--html-textarea"
MAX_UPLOAD = 5 * 1024 * 1024


def _alt_help() -> Any:
    return _("Eén naam per regel: synoniemen en schrijfwijzen waarop medewerkers zoeken.")


class DutchLabelForm(forms.Form):
    naam = forms.CharField(
        label=_("Nederlandse naam"),
        max_length=extension_csv.MAX_LABEL,
        widget=forms.TextInput(attrs={"class": TEXTBOX, "autocomplete": "off"}),
        help_text=_(
            "Zoals in een Nederlandse vacaturetekst, met kleine beginletter (bijv. ‘budgetten beheren’)."
        ),
    )
    alternatieve_namen = forms.CharField(
        label=_("Alternatieve namen"),
        required=False,
        widget=forms.Textarea(attrs={"class": TEXTAREA, "rows": 4}),
        help_text=_alt_help(),
    )

    def alt_labels(self) -> list[str]:
        return [line for line in self.cleaned_data.get("alternatieve_namen", "").splitlines() if line.strip()]


class RijkSkillForm(DutchLabelForm):
    sleutel = forms.CharField(
        label=_("Sleutel"),
        max_length=extension_csv.MAX_KEY,
        widget=forms.TextInput(attrs={"class": TEXTBOX, "autocomplete": "off", "spellcheck": "false"}),
        help_text=_(
            "Vaste code van de vaardigheid: kleine letters, cijfers en koppeltekens (bijv. ‘wetgevingstoets’)."
        ),
    )
    soort = forms.ChoiceField(
        label=_("Soort"),
        choices=[("vaardigheid", _("Vaardigheid")), ("kennis", _("Kennis"))],
        widget=forms.RadioSelect,
        initial="vaardigheid",
    )
    breder = forms.CharField(
        label=_("Breder ESCO-concept (URI)"),
        max_length=200,
        widget=forms.TextInput(attrs={"class": TEXTBOX, "autocomplete": "off", "spellcheck": "false"}),
        help_text=_(
            "De ESCO-vaardigheid of -vaardigheidsgroep waar deze vaardigheid onder valt, bijv. http://data.europa.eu/esco/skill/…"
        ),
    )
    omschrijving = forms.CharField(
        label=_("Omschrijving"),
        required=False,
        max_length=extension_csv.MAX_DESCRIPTION,
        widget=forms.Textarea(attrs={"class": TEXTAREA, "rows": 4}),
    )
    field_order = ["sleutel", "naam", "alternatieve_namen", "soort", "breder", "omschrijving"]

    def __init__(self, *args: Any, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if editing:
            self.fields["sleutel"].disabled = True


class ImportForm(forms.Form):
    bestand = forms.FileField(
        label=_("CSV-bestand"),
        help_text=_(
            "Puntkomma-gescheiden (zoals Excel opslaat), UTF-8 of Windows-1252, met kopregel uri;naam;alternatieve namen;omschrijving;soort;breder."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv", "class": "utrecht-textbox"}),
    )

    def clean_bestand(self) -> Any:
        upload = self.cleaned_data["bestand"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("Het bestand is groter dan 5 MB."))
        return upload
