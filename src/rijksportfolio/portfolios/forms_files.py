# SPDX-License-Identifier: EUPL-1.2
"""Forms of the evidence, export and import pages (pfiles). The real checks are in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rijksportfolio.portfolios.constants import Section


def _file_field(label: Any, help_text: Any, accept: str) -> forms.FileField:
    return forms.FileField(
        label=label,
        help_text=help_text,
        widget=forms.ClearableFileInput(attrs={"accept": accept}),
        error_messages={"required": _("Kies een bestand."), "empty": _("Het bestand is leeg.")},
    )


class EvidenceUploadForm(forms.Form):
    file = _file_field(
        _("Bestand"),
        _("Een pdf, png of jpeg. Het soort bestand wordt aan de inhoud bepaald, niet aan de naam."),
        "application/pdf,image/png,image/jpeg",
    )


class ImportForm(forms.Form):
    file = _file_field(
        _("Exportbestand (JSON)"),
        _("Een bestand dat je eerder met ‘Download als JSON’ hebt gemaakt."),
        "application/json,.json",
    )


class PdfOptionsForm(forms.Form):
    sections = forms.MultipleChoiceField(
        label=_("Wat neem je op?"),
        choices=Section.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    private_items = forms.BooleanField(
        label=_("Ook onderdelen die je op ‘Alleen ik’ hebt gezet"),
        required=False,
    )
