# SPDX-License-Identifier: EUPL-1.2
"""Rijksportfolio: the Dutch central government (het Rijk) as one employer."""

__version__ = "0.1.0"
