# SPDX-License-Identifier: EUPL-1.2
"""In-app notifications (with an e-mail copy) for portfolio requests, matching alerts and the like."""
