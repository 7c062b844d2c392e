# SPDX-License-Identifier: EUPL-1.2
"""Data catalogue of the Rijk: ministries, their agencies, inspectorates and shared-service organisations,
directorates, departments and teams, and the buildings they work in. Loaded by ``rijksportfolio generate``."""

from rijksportfolio.organisations.data.locations import LOCATIONS, LocationSpec
from rijksportfolio.organisations.data.rijk import CatalogueNode, build_catalogue, generator_units

__all__ = ["LOCATIONS", "CatalogueNode", "LocationSpec", "build_catalogue", "generator_units"]
