# SPDX-License-Identifier: EUPL-1.2
"""Parameters of the synthetic Rijk, tuned so that the generated history reproduces the published figures
in ``domain.analytics.calibration.PUBLISHED`` (see docs/synthetic-data.md)."""

from __future__ import annotations

import numpy as np

from rijksportfolio.domain.vocabulary import (  # re-exported: one vocabulary for generator and analytics
    CONTRACTS as CONTRACTS,
    DISMISSAL as DISMISSAL,
    END_OF_CONTRACT as END_OF_CONTRACT,
    END_OF_SECONDMENT as END_OF_SECONDMENT,
    END_REASONS as END_REASONS,
    EXTERNAL as EXTERNAL,
    MOBILITY as MOBILITY,
    NO_REASON as NO_REASON,
    OTHER as OTHER,
    OWN_REQUEST as OWN_REQUEST,
    PERMANENT as PERMANENT,
    SECONDMENT as SECONDMENT,
    STATE_PENSION as STATE_PENSION,
    TEMPORARY as TEMPORARY,
    TRAINEE as TRAINEE,
)

FAMILIES = (
    "beleid",
    "uitvoering",
    "toezicht",
    "ict",
    "financien",
    "hrm",
    "juridisch",
    "communicatie",
    "leidinggevend",
    "bedrijfsvoering",
    "onderzoek",
)
CATEGORIES = ("core_department", "shared_service", "inspectorate", "executive_agency")

OPEN = NO_REASON  # a record that is still open has no end reason

# C4: fte per sector category in 2022 (×1,000): the categories' shares of the whole.
CATEGORY_FTE = {"core_department": 17.3, "shared_service": 7.4, "inspectorate": 8.9, "executive_agency": 89.6}

# C1/C2: fte of the sector Rijk at year end (×1,000). 2014 is extrapolated, 2023 follows from "+6.2 % in 2024".
FTE_BY_YEAR = {
    2014: 109.0,
    2015: 109.2,
    2016: 109.6,
    2017: 110.6,
    2018: 113.5,
    2019: 119.2,
    2020: 125.4,
    2021: 131.1,
    2022: 138.4,
    2023: 147.85,
    2024: 157.019,
}
# C6: inflow from outside the Rijk as a share of personnel, per year (2023-2024 continue the trend).
INFLOW_BY_YEAR = {
    2015: 0.036,
    2016: 0.058,
    2017: 0.058,
    2018: 0.075,
    2019: 0.098,
    2020: 0.100,
    2021: 0.092,
    2022: 0.109,
    2023: 0.112,
    2024: 0.110,
}


def growth_factor(year: float) -> float:
    """Relative size at a (fractional) year end; extrapolated flat outside the table."""
    years = np.array(sorted(FTE_BY_YEAR), dtype=float)
    values = np.array([FTE_BY_YEAR[int(y)] for y in years])
    return float(np.interp(year, years, values))


def inflow_rate(year: int) -> float:
    return INFLOW_BY_YEAR.get(
        year, INFLOW_BY_YEAR[max(INFLOW_BY_YEAR)] if year > 2024 else INFLOW_BY_YEAR[2015]
    )


# Job family weights per sector category (before the constraint that a family must have titles at the scale).
FAMILY_WEIGHTS = {
    #                  beleid uitv  toez  ict   fin   hrm   jur   comm  leid  bedr  onderz
    "core_department": (40, 2, 2, 6, 8, 5, 9, 5, 6, 13, 4),
    "shared_service": (4, 28, 1, 30, 6, 8, 2, 3, 5, 12, 1),
    "inspectorate": (5, 8, 50, 6, 4, 3, 6, 3, 5, 7, 3),
    "executive_agency": (3, 44, 10, 12, 4, 3, 4, 2, 5, 10, 3),
}
HINT_BOOST = 1.0  # extra weight (relative to the row total) for a team's dominant family

# Salary scales 1..18 of the initial stock (end 2014) and of starters (early and late period).
SCALES_STOCK = np.array(
    [0.2, 0.4, 0.9, 2.4, 4.6, 7.6, 12.6, 9.8, 8.6, 8.8, 12.9, 11.1, 9.6, 4.2, 2.0, 0.9, 0.4, 0.2]
)
SCALES_HIRE_EARLY = np.array(
    [0.4, 0.6, 1.0, 2.6, 5.0, 8.0, 12.0, 9.5, 9.0, 9.5, 13.0, 11.0, 9.0, 4.0, 2.0, 0.8, 0.3, 0.1]
)
SCALES_HIRE_LATE = np.array(
    [0.3, 0.5, 0.8, 2.0, 3.6, 5.5, 8.5, 8.0, 9.0, 11.5, 15.0, 13.5, 11.0, 4.8, 2.5, 1.0, 0.4, 0.1]
)

# Yearly probabilities of events for people in service (not starting or leaving in that year).
P_MOVE = 0.055  # new job elsewhere in the Rijk
P_MOVE_OTHER_UNIT = 0.35  # of moves: to another ministry/agency (rest: within the same unit)
P_PROMOTION = 0.045  # one scale up, same team (new record)
P_FTE_CHANGE = 0.02
P_SECONDMENT = 0.006  # internal secondment to another unit
P_TEMP_TO_PERMANENT = 0.78  # a temporary contract that ends is converted (otherwise the person leaves)
P_SECOND_JOB = 0.012  # share of people who hold a second part-time job at once for a while

# Starters' contract types (C15: 82 % temporary among starters).
HIRE_CONTRACTS = np.array([0.085, 0.82, 0.02, 0.035, 0.04])
STOCK_CONTRACTS = np.array([0.945, 0.035, 0.005, 0.01, 0.005])

# Other (non-scheduled) outflow: reasons and relative hazard by age band.
OTHER_EXIT_REASONS = np.array([OWN_REQUEST, OTHER, DISMISSAL])
OTHER_EXIT_P = np.array([0.72, 0.2, 0.08])

# FTE per record: values and probabilities for men and women (part-time factor ≈ 0.91, C3).
FTE_VALUES = np.array([1.0, 0.9, 0.8, 0.7, 0.6, 0.5])
FTE_P_MEN = np.array([0.78, 0.08, 0.08, 0.0, 0.03, 0.03])
FTE_P_WOMEN = np.array([0.38, 0.22, 0.24, 0.06, 0.06, 0.04])
