# SPDX-License-Identifier: EUPL-1.2
"""The label of an ESCO concept in the reader's language.

Skills and occupations carry a Dutch and an English preferred label (either may be empty, never both).
Pages show the label in the active language and fall back to the other one; the fallback is marked so a
template can set ``lang`` on it (``label_lang``) and, in the Dutch UI, add "(Engels)" (``label_is_english``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Label:
    text: str
    language: str  # "nl" or "en": the language of ``text``
    is_fallback: bool  # True when the requested language had no label


def label_for(nl: str, en: str, *, language: str | None = None) -> Label:
    """The label in ``language`` (default: the active language) of a concept with these preferred labels,
    falling back to the other one."""
    language = (language or translation.get_language() or "nl")[:2]
    if language == "en" and en:
        return Label(en, "en", False)
    if nl:
        return Label(nl, "nl", language == "en")
    return Label(en, "en", language != "en")


def marked(label: Label) -> str:
    """The label as plain text (a CSV cell, a sentence): a fallback says its language, "… (Engels)" in the
    Dutch UI, "… (Dutch)" in the English one."""
    if not label.is_fallback:
        return label.text
    if label.language == "en":
        return _("%(label)s (Engels)") % {"label": label.text}
    return _("%(label)s (Nederlands)") % {"label": label.text}


class BilingualLabel:
    """``label`` and its marks, in the language active when they are read, for anything with
    ``preferred_label_nl`` and ``preferred_label_en`` (the ESCO models, and rows that keep both labels so a
    cached value serves readers of either language)."""

    preferred_label_nl: str
    preferred_label_en: str

    @property
    def shown_label(self) -> Label:
        return label_for(self.preferred_label_nl, self.preferred_label_en)

    @property
    def label(self) -> str:
        return self.shown_label.text

    @property
    def marked_label(self) -> str:
        """``label`` as plain text, its language said when it is a fallback (see :func:`marked`)."""
        return marked(self.shown_label)

    @property
    def label_lang(self) -> str:
        """The language of ``label`` when it is not the page's (for a ``lang`` attribute), else ""."""
        shown = self.shown_label
        return shown.language if shown.is_fallback else ""

    @property
    def label_is_english(self) -> bool:
        """An English label shown in the Dutch UI (marked "(Engels)")."""
        shown = self.shown_label
        return shown.is_fallback and shown.language == "en"
