# SPDX-License-Identifier: EUPL-1.2
from django.db import models
from django.utils.translation import gettext_lazy as _

from rijksportfolio.organisations.constants import OrganisationKind, SectorCategory


class Location(models.Model):
    """A building / work location (standplaats) of the Rijk."""

    code = models.SlugField(_("code"), max_length=64, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    address = models.CharField(_("adres"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    city = models.CharField(_("plaats"), max_length=100)
    municipality = models.CharField(_("gemeente"), max_length=100)
    province = models.CharField(_("provincie"), max_length=50)
    latitude = models.FloatField(_("breedtegraad"))
    longitude = models.FloatField(_("lengtegraad"))

    class Meta:
        ordering = ["city", "name"]
        verbose_name = _("werklocatie")
        verbose_name_plural = _("werklocaties")

    def __str__(self) -> str:
        return f"{self.name}, {self.city}"


class Organisation(models.Model):
    """One node of the Rijk tree: ministry, agency, inspectorate, directorate, department or team.

    ``path`` is a materialised path ("00001.00007.") so that a subtree is one indexed prefix query on
    PostgreSQL and SQLite alike. It is maintained by ``organisations.services`` only.
    """

    code = models.SlugField(_("code"), max_length=64, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    abbreviation = models.CharField(_("afkorting"), max_length=30, blank=True)
    kind = models.CharField(_("soort"), max_length=20, choices=OrganisationKind.choices)
    sector_category = models.CharField(
        _("categorie"),
        max_length=20,
        choices=SectorCategory.choices,
        blank=True,
        help_text=_(
            "Voor ministeries en hun diensten: kerndepartement, SSO, inspectie of uitvoeringsorganisatie."
        ),
    )
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    path = models.CharField(max_length=255, db_index=True, editable=False)
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    locations = models.ManyToManyField(
        Location, blank=True, related_name="organisations", verbose_name=_("werklocaties")
    )
    active = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["path"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self) -> str:
        return self.name
