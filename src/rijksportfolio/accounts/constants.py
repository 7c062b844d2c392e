# SPDX-License-Identifier: EUPL-1.2
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    EMPLOYEE = "employee", _("Medewerker")
    MANAGER = "manager", _("Leidinggevende")
    PROJECT_LEADER = "project_leader", _("Project- of hubleider")
    HR_ADVISER = "hr_adviser", _("HR-adviseur")
    ORG_ADMIN = "org_admin", _("Organisatiebeheerder")
    ANALYST = "analyst", _("Rijksbrede analist")
    WORKS_COUNCIL = "works_council", _("Medezeggenschap (OR)")
    GUEST = "guest", _("Externe gast")


# Roles whose scope is an organisation subtree (RoleAssignment.organisation is required).
SCOPED_ROLES = frozenset({Role.MANAGER, Role.HR_ADVISER, Role.ORG_ADMIN, Role.WORKS_COUNCIL})
