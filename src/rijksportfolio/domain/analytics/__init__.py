# SPDX-License-Identifier: EUPL-1.2
"""Workforce analytics: pure computations over plain arrays."""
