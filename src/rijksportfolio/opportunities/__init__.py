# SPDX-License-Identifier: EUPL-1.2
"""Opportunities (issue 4): vacatures, projecten, klussen — and the manager-agreement rule."""
