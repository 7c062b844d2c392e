# SPDX-License-Identifier: EUPL-1.2
"""The synthetic Rijk generator (framework-free; numpy). See docs/synthetic-data.md."""

from rijksportfolio.domain.generator.simulate import GeneratedRijk, Unit, generate

__all__ = ["GeneratedRijk", "Unit", "generate"]
