# SPDX-License-Identifier: EUPL-1.2
"""Vocabulary of opportunities. Values are stable identifiers (API, audit log)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from rijksportfolio.domain import working_days


class OpportunityKind(models.TextChoices):
    VACANCY = "vacature", _("Vacature")
    PROJECT = "project", _("Project")
    GIG = "klus", _("Klus")
    HUB_ROLE = "hubrol", _("Hubrol")


# Taking on these for part of one's hours needs the current manager's agreement.
NEEDS_AGREEMENT = frozenset({OpportunityKind.PROJECT, OpportunityKind.GIG})


class OpportunityStatus(models.TextChoices):
    DRAFT = "concept", _("Concept")
    PUBLISHED = "gepubliceerd", _("Gepubliceerd")
    CLOSED = "gesloten", _("Gesloten")


class WorkMode(models.TextChoices):
    ON_SITE = "op_locatie", _("Op locatie")
    HYBRID = "hybride", _("Hybride")
    REMOTE = "op_afstand", _("Op afstand")


class AgreementDecision(models.TextChoices):
    PENDING = working_days.PENDING, _("Wacht op antwoord")
    AGREED = working_days.AGREED, _("Akkoord")
    REFUSED = working_days.REFUSED, _("Niet akkoord")


AGREEMENT_STATE_LABELS = {
    working_days.PENDING: _("Wacht op antwoord"),
    working_days.AGREED: _("Akkoord"),
    working_days.REFUSED: _("Niet akkoord"),
    working_days.AGREED_BY_SILENCE: _("Akkoord (geen antwoord binnen de termijn)"),
}

# Working days a manager has to answer, unless the organisation (or a parent) sets its own.
DEFAULT_AGREEMENT_WORKING_DAYS = 10

# Languages an opportunity may ask for (ISO 639-1).
LANGUAGES = {
    "nl": _("Nederlands"),
    "en": _("Engels"),
    "de": _("Duits"),
    "fr": _("Frans"),
    "es": _("Spaans"),
    "pap": _("Papiaments"),
    "fy": _("Fries"),
}
MAX_REQUIRED_SKILLS = 30
