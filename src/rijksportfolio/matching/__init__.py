# SPDX-License-Identifier: EUPL-1.2
"""Matching (issue 4): the Django adapter around ``rijksportfolio.domain.matching``."""
