# SPDX-License-Identifier: EUPL-1.2
"""Vocabulary of the portfolio. Values are stable identifiers (used in the API, exports and the audit log)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Part(models.TextChoices):
    """The four parts of the portfolio as seed 004 names them."""

    DOSSIER = "dossier", _("Dossierdeel")
    ANALYTICAL = "analytisch", _("Analytisch deel")
    AMBITION = "ambitie", _("Ambitiedocument")
    FREE = "vrij", _("Vrij deel")


class Section(models.TextChoices):
    """What visibility, access requests and grants are about: the four parts plus the skills profile.

    The skills profile (the portfolio-wide skills with their levels) is shared like a part: it has its own
    visibility and can be requested on its own."""

    DOSSIER = "dossier", _("Dossierdeel")
    ANALYTICAL = "analytisch", _("Analytisch deel")
    AMBITION = "ambitie", _("Ambitiedocument")
    FREE = "vrij", _("Vrij deel")
    SKILLS = "vaardigheden", _("Vaardigheden")


class Visibility(models.TextChoices):
    """Who may see a section or item. The default everywhere is the most protective: ``PRIVATE``."""

    RIJK = "rijk", _("Zichtbaar voor alle rijksambtenaren")
    ON_REQUEST = "op_aanvraag", _("Op aanvraag")
    PRIVATE = "alleen_ik", _("Alleen ik")


class SkillLevel(models.TextChoices):
    """Self-assessed level, in increasing order (the order is used by matching)."""

    BASIC = "basis", _("Basis")
    ADVANCED = "gevorderd", _("Gevorderd")
    EXPERIENCED = "ervaren", _("Ervaren")
    EXPERT = "expert", _("Expert")


SKILL_LEVEL_RANK = {level: rank for rank, level in enumerate(SkillLevel.values, start=1)}


class ItemSource(models.TextChoices):
    MANUAL = "manual", _("Zelf ingevoerd")
    EMPLOYMENT = "employment", _("Uit het dienstverband")
    IMPORT = "import", _("Geïmporteerd")
    FEEDBACK = "feedback", _("Uit 360°-feedback")
    GENERATED = "generated", _("Gegenereerd")


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("In afwachting")
    APPROVED = "approved", _("Goedgekeurd")
    DECLINED = "declined", _("Afgewezen")
    WITHDRAWN = "withdrawn", _("Ingetrokken door aanvrager")
    REVOKED = "revoked", _("Ingetrokken door eigenaar")


class FieldType(models.TextChoices):
    """Types of the fields an administrator can give an item category (validated by the category schema)."""

    TEXT = "text", _("Tekst (één regel)")
    MARKDOWN = "markdown", _("Tekst met opmaak (Markdown)")
    DATE = "date", _("Datum")
    INTEGER = "integer", _("Geheel getal")
    URL = "url", _("Webadres")
    CHOICE = "choice", _("Keuze uit een lijst")
    BOOLEAN = "boolean", _("Ja/nee")


DEFAULT_GRANT_DAYS = 30
EXPORT_SCHEMA_VERSION = "1.0"
