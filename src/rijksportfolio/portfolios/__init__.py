# SPDX-License-Identifier: EUPL-1.2
"""Portfolios: every civil servant's own four-part dossier (seed 004, H4), visible on the owner's terms."""
