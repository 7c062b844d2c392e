# SPDX-License-Identifier: EUPL-1.2
"""Framework-free domain algorithms (no Django imports)."""
