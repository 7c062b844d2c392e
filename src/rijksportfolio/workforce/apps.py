# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    """Workforce figures (stuurinformatie): selectors over the employment history and the ``workforce`` command.
    No models: the computation is ``rijksportfolio.domain.analytics.workforce``."""

    name = "rijksportfolio.workforce"
    label = "workforce"
