# SPDX-License-Identifier: EUPL-1.2
"""Request bodies for the portfolio API shared by the authorisation matrix and the API conformance tests."""

from __future__ import annotations

from typing import Any

from rijksportfolio.portfolios.constants import EXPORT_SCHEMA_VERSION, Section


def empty_export_document() -> dict[str, Any]:
    """A valid export document of an empty portfolio (everything *alleen ik*): the body of an API import."""
    return {
        "schema": "rijksportfolio-portfolio-export",
        "schemaVersie": EXPORT_SCHEMA_VERSION,
        "geexporteerdOp": "2025-01-01T12:00:00+01:00",
        "portfolio": {
            "kopregel": "",
            "zichtbaarheid": dict.fromkeys(Section.values, "alleen_ik"),
            "toestemmingMatching": False,
            "onderschrijvingenTonen": False,
        },
        "categorieen": [],
        "items": [],
        "vaardigheden": [],
    }
