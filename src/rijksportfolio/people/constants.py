# SPDX-License-Identifier: EUPL-1.2
from django.db import models
from django.utils.translation import gettext_lazy as _


class Gender(models.TextChoices):
    """Recorded for aggregate statistics only (diversity figures); never used in rankings."""

    FEMALE = "female", _("Vrouw")
    MALE = "male", _("Man")
    OTHER = "other", _("Anders")
    UNKNOWN = "unknown", _("Onbekend")


class ContractType(models.TextChoices):
    PERMANENT = "permanent", _("Vast")
    TEMPORARY = "temporary", _("Tijdelijk")
    SECONDMENT = "secondment", _("Detachering")
    EXTERNAL = "external", _("Externe inhuur")
    TRAINEE = "trainee", _("Trainee")


class WorkType(models.TextChoices):
    POLICY = "policy", _("Beleid")
    EXECUTION = "execution", _("Uitvoering")
    INSPECTION = "inspection", _("Toezicht")
    OPERATIONS = "operations", _("Bedrijfsvoering")
    ICT = "ict", _("ICT")


class EndReason(models.TextChoices):
    """Why an employment record ended. MOBILITY means the person continues elsewhere in the Rijk."""

    MOBILITY = "mobility", _("Overgang binnen het Rijk")
    STATE_PENSION = "state_pension", _("AOW-leeftijd bereikt")
    OWN_REQUEST = "own_request", _("Eigen verzoek")
    END_OF_CONTRACT = "end_of_contract", _("Einde tijdelijk contract")
    END_OF_SECONDMENT = "end_of_secondment", _("Einde detachering")
    DISMISSAL = "dismissal", _("Ontslag door werkgever")
    OTHER = "other", _("Overig")


class JobFamily(models.TextChoices):
    """Job families of the functiegebouw Rijk (the 11 families of the FGR)."""

    POLICY = "beleid", _("Beleid")
    EXECUTION = "uitvoering", _("Uitvoering")
    INSPECTION = "toezicht", _("Toezicht en handhaving")
    ICT = "ict", _("ICT")
    FINANCE = "financien", _("Financiën")
    HR = "hrm", _("HRM")
    LEGAL = "juridisch", _("Juridisch")
    COMMUNICATION = "communicatie", _("Communicatie")
    MANAGEMENT = "leidinggevend", _("Leidinggevend")
    OPERATIONS = "bedrijfsvoering", _("Bedrijfsvoering en facilitair")
    RESEARCH = "onderzoek", _("Onderzoek en kennis")


class RecordSource(models.TextChoices):
    GENERATED = "generated", _("Gegenereerd")
    IMPORT = "import", _("HR-import")
    MANUAL = "manual", _("Handmatig")
