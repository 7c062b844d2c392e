# SPDX-License-Identifier: EUPL-1.2
"""Integer codes for the record vocabularies that the numpy cores (generator, analytics) work with.

They mirror ``people.constants.ContractType`` and ``EndReason`` (checked by the workforce app's tests); the
position in each tuple is the code used in the arrays.
"""

from __future__ import annotations

__all__ = [
    "CONTRACTS",
    "DISMISSAL",
    "END_OF_CONTRACT",
    "END_OF_SECONDMENT",
    "END_REASONS",
    "EXTERNAL",
    "MOBILITY",
    "NO_REASON",
    "OTHER",
    "OWN_REQUEST",
    "PERMANENT",
    "SECONDMENT",
    "STATE_PENSION",
    "TEMPORARY",
    "TRAINEE",
]

CONTRACTS = ("permanent", "temporary", "secondment", "external", "trainee")
PERMANENT, TEMPORARY, SECONDMENT, EXTERNAL, TRAINEE = range(5)

END_REASONS = (
    "",
    "mobility",
    "state_pension",
    "own_request",
    "end_of_contract",
    "end_of_secondment",
    "dismissal",
    "other",
)
NO_REASON, MOBILITY, STATE_PENSION, OWN_REQUEST, END_OF_CONTRACT, END_OF_SECONDMENT, DISMISSAL, OTHER = range(
    8
)
