# SPDX-License-Identifier: EUPL-1.2
from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    MINISTRY = "ministry", _("Ministerie")
    AGENCY = "agency", _("Uitvoeringsorganisatie")
    INSPECTORATE = "inspectorate", _("Inspectie")
    SHARED_SERVICE = "shared_service", _("Shared-serviceorganisatie")
    DIRECTORATE = "directorate", _("Directie")
    DEPARTMENT = "department", _("Afdeling")
    TEAM = "team", _("Team")


# Kinds that sit at the top of the tree under a ministry and carry a sector category (calibration C4).
class SectorCategory(models.TextChoices):
    CORE_DEPARTMENT = "core_department", _("Kerndepartement")
    SHARED_SERVICE = "shared_service", _("Shared-serviceorganisatie")
    INSPECTORATE = "inspectorate", _("Inspectie")
    EXECUTIVE_AGENCY = "executive_agency", _("Uitvoeringsorganisatie")


PATH_STEP = 5  # characters per level in Organisation.path ("00001.00042.")
